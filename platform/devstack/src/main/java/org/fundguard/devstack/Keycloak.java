package org.fundguard.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A real Keycloak from the keycloak-quarkus-dist zip on Maven Central, importing the FundGuard realm. */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "fundguard";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final int port;
    private final int managementPort;
    private final ManagedProcess process;
    private volatile ProcessHandle server;

    private Keycloak(int port, int managementPort, ManagedProcess process) {
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    /**
     * Unpacks the distribution into {@code cacheDir} once, then starts it in dev mode with an in-memory database
     * (the realm is imported fresh from {@code realmFile} at every start).
     */
    public static Keycloak start(int port, int managementPort, Path realmFile, Path cacheDir, Path log) {
        Jdks.Jdk jdk = Jdks.require(21);
        if (!Files.isRegularFile(realmFile)) {
            throw new StackException("realm file not found: " + realmFile);
        }
        Path home = unpack(cacheDir);
        try {
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            Files.copy(realmFile, importDir.resolve("fundguard-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("cannot place the realm for import: " + e.getMessage(), e);
        }
        List<String> cmd = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + managementPort,
                "--http-host=127.0.0.1",
                // /health/ready on the management port: what ./fundguard status asks
                "--health-enabled=true",
                "--import-realm", "--db=dev-mem");
        Map<String, String> env = Map.of(
                "JAVA_HOME", jdk.home().toString(),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        ManagedProcess p = ManagedProcess.start("keycloak", cmd, env, home, log);
        Keycloak kc = new Keycloak(port, managementPort, p);
        try {
            p.awaitReady(Duration.ofSeconds(300), () -> ManagedProcess.httpOk(kc.realmUrl() + "/.well-known/openid-configuration"));
        } catch (StackException e) {
            p.stop(Duration.ofSeconds(10));
            throw e;
        }
        kc.server = serverProcess(p.handle());
        return kc;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The issuer URL; services must use the same host name the tokens are requested on. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** Keycloak's readiness on its management interface. */
    public String healthUrl() {
        return "http://localhost:" + managementPort + "/health/ready";
    }

    /**
     * The PID of the Java process that serves: kc.sh starts it as a child (or, after a re-augmentation, execs into
     * it), so this is kc.sh's java descendant, else kc.sh's own PID.
     */
    public long pid() {
        return server.pid();
    }

    static ProcessHandle serverProcess(ProcessHandle launcher) {
        return launcher.descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElse(launcher);
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
        // the server outlives kc.sh when only the script was killed
        if (server != null && server.isAlive()) {
            ManagedProcess.stopTree(server, Duration.ofSeconds(20));
        }
    }

    static Path unpack(Path cacheDir) {
        Properties artifacts = artifacts();
        String version = artifacts.getProperty("keycloak.version");
        Path home = cacheDir.resolve("keycloak-" + version);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path zip = Path.of(artifacts.getProperty("keycloak.dist"));
        if (!Files.isRegularFile(zip)) {
            throw new StackException("the Keycloak distribution " + zip + " is missing: run ./mvnw -pl platform/devstack package "
                    + "(it downloads org.keycloak:keycloak-quarkus-dist from Maven Central)");
        }
        Path tmp = cacheDir.resolve("keycloak-" + version + ".unpacking-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(tmp);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    // entries are "keycloak-<version>/..."; strip that first folder
                    String name = e.getName();
                    int slash = name.indexOf('/');
                    if (slash < 0 || slash == name.length() - 1) {
                        continue;
                    }
                    Path target = tmp.resolve(name.substring(slash + 1)).normalize();
                    if (!target.startsWith(tmp)) {
                        throw new IOException("zip entry outside target: " + name);
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        if (name.endsWith(".sh")) {
                            target.toFile().setExecutable(true);
                        }
                    }
                }
            }
            try {
                Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
                    throw raced;
                }
                deleteTree(tmp);
            }
            return home;
        } catch (IOException e) {
            deleteTree(tmp);
            throw new StackException("cannot unpack Keycloak into " + cacheDir + ": " + e.getMessage(), e);
        }
    }

    static Properties artifacts() {
        try (InputStream in = Keycloak.class.getResourceAsStream("artifacts.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException | NullPointerException e) {
            throw new StackException("artifacts.properties is missing: build platform/devstack first");
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary folder is harmless
        }
    }
}
