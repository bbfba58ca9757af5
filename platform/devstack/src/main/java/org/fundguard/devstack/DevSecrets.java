package org.fundguard.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Secrets the services need that the dev stack makes itself: random keys, generated once and kept with the data
 * (so reports encrypted before {@code down} still decrypt after {@code up}; {@code up --fresh} makes new ones).
 * Returned as the environment variables the services read, with the development realm's fixed client secrets
 * (platform/realm) that services use to call Keycloak.
 */
public final class DevSecrets {

    /** The secret of the client {@code reports-service} in platform/realm/fundguard-realm.json (development only). */
    static final String REPORTS_DIRECTORY_CLIENT_SECRET = "dev-reports-service-secret";

    private DevSecrets() {
    }

    public static Map<String, String> loadOrCreate(Path file) {
        try {
            Properties p = new Properties();
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    p.load(in);
                }
            } else {
                Files.createDirectories(file.getParent());
                p.setProperty("REPORTS_PERSONAL_DATA_CURRENT_KEY", "dev1");
                p.setProperty("REPORTS_PERSONAL_DATA_KEYS", "dev1:" + random());
                p.setProperty("REPORTS_PERSONAL_DATA_INDEX_KEY", random());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    p.store(out, "dev-stack keys, made by ./fundguard up; never use them elsewhere");
                }
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's own permissions apply
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            Map<String, String> env = new LinkedHashMap<>();
            p.stringPropertyNames().stream().sorted().forEach(k -> env.put(k, p.getProperty(k)));
            // not generated: the development realm's secret of the client reports-service (assignees are looked up
            // in Keycloak); added here, not stored, so key files made before it still work
            env.put("REPORTS_DIRECTORY_CLIENT_SECRET", REPORTS_DIRECTORY_CLIENT_SECRET);
            return env;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write the dev-stack keys " + file + ": " + e.getMessage(), e);
        }
    }

    private static String random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
