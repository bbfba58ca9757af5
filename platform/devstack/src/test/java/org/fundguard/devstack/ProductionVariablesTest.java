package org.fundguard.devstack;

import org.fundguard.devstack.Services.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dev stack and e2e run the services in the production profile, whose values come from environment variables
 * without defaults (a missing one stops the service at start): every such variable of the kit's defaults and of a
 * service's own application.properties must be in the environment the dev stack gives that service.
 */
class ProductionVariablesTest {

    /** {@code %prod.key=${VARIABLE}} with no {@code :default}. */
    private static final Pattern REQUIRED = Pattern.compile("^%prod\\.[^=]+=\\$\\{([A-Z0-9_]+)}\\s*$", Pattern.MULTILINE);

    @TempDir
    Path keys;

    @Test
    void everyVariableAServiceRequiresInProductionIsGivenByTheDevStack() throws IOException {
        Path root = RepositoryRoot.find();
        List<String> kit = required(root.resolve("platform/service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        assertFalse(kit.isEmpty(), "the kit's production defaults name their variables");
        Map<String, String> secrets = DevSecrets.loadOrCreate(keys.resolve("dev-keys.properties"));
        Services.Infrastructure infra = SuiteMain.infrastructure(15432, "127.0.0.1:9092", "http://localhost:8180", secrets);
        for (Service s : Services.SERVICES) {
            Path props = root.resolve(s.module()).resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(props)) {
                continue; // a planned service without a module yet
            }
            List<String> needed = new ArrayList<>(kit);
            needed.addAll(required(props));
            Map<String, String> env = s.environment(infra, s.defaultPort());
            for (String variable : needed) {
                assertTrue(env.containsKey(variable), s.name() + " needs " + variable + " in production, the dev stack does not set it");
            }
        }
    }

    @Test
    void reportsServiceGetsTheDevelopmentRealmsSecretOfItsDirectoryClient() throws IOException {
        String realm = Files.readString(RepositoryRoot.find().resolve("platform/realm/fundguard-realm.json"));
        Map<String, String> secrets = DevSecrets.loadOrCreate(keys.resolve("dev-keys.properties"));
        assertTrue(realm.contains("\"secret\": \"" + secrets.get("REPORTS_DIRECTORY_CLIENT_SECRET") + "\""));
        assertEquals("dev-reports-service-secret", secrets.get("REPORTS_DIRECTORY_CLIENT_SECRET"));
    }

    private static List<String> required(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        Matcher m = REQUIRED.matcher(Files.readString(file));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
