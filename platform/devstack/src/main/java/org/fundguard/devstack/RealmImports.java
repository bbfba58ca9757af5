package org.fundguard.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the Keycloak operator's realm imports under {@code k8s/} from the one realm kept as code,
 * {@code platform/realm/fundguard-realm.json}: the demo realm as it is, and a production realm without demo users,
 * without {@code fundguard-cli} and with client secrets read from a Secret at import time.
 *
 * <p>Jackson comes from the Kafka broker's dependency tree (provided scope): it is on the compile and test classpaths,
 * not on the launcher's runtime one, so run this with {@code -Dexec.classpathScope=compile} (see {@link #REGENERATE}).
 */
public final class RealmImports {

    /** The command that rewrites both files; {@code K8sManifestsTest} names it when they drift. */
    public static final String REGENERATE = "./mvnw -q -pl platform/devstack compile "
            + "org.codehaus.mojo:exec-maven-plugin:3.6.4:java "
            + "-Dexec.mainClass=org.fundguard.devstack.RealmImports -Dexec.classpathScope=compile";

    static final Path REALM = Path.of("platform/realm/fundguard-realm.json");
    static final Path DEMO_IMPORT = Path.of("k8s/base/keycloak/realm-import.yaml");
    static final Path PRODUCTION_IMPORT = Path.of("k8s/overlays/production/realm-import.yaml");

    /** Clients that exist for scripts and demos only. */
    static final Set<String> DEV_ONLY_CLIENTS = Set.of("fundguard-cli");
    /** The Secret (created by whoever installs production, never in the repo) holding one key per client id. */
    static final String CLIENT_SECRETS = "fundguard-client-secrets";
    /** The Keycloak CR both imports target. */
    static final String KEYCLOAK_CR = "keycloak";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // a long string (the user profile) stays on one line instead of being folded with escapes
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private RealmImports() {
    }

    /** Writes both imports under the repository root ({@code args[0]}, else found as {@link #root()} does). */
    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]).toAbsolutePath().normalize() : root();
        for (Map.Entry<Path, String> file : render(root).entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + file.getKey());
        }
    }

    /** The repository root: {@code -Dfundguard.root}, else the nearest folder upwards with .mvn and pom.xml. */
    public static Path root() {
        return RepositoryRoot.find();
    }

    /** Each generated file (path relative to the root) and its content, from the realm JSON under {@code root}. */
    public static Map<Path, String> render(Path root) {
        ObjectNode realm = readRealm(root);
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(DEMO_IMPORT, yaml(realmImport("fundguard-demo-realm", realm, null)));
        ObjectNode production = productionRealm(realm);
        files.put(PRODUCTION_IMPORT, yaml(realmImport("fundguard-realm", production, placeholders(production))));
        return files;
    }

    static ObjectNode readRealm(Path root) {
        try {
            return (ObjectNode) JSON.readTree(root.resolve(REALM).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + REALM, e);
        }
    }

    /**
     * The realm for production: no human users (only the service accounts of the clients that stay, which carry the
     * partner systems' roles and {@code agency}/{@code region} attributes), no dev-only client, every confidential
     * client's secret as a {@code ${...}} placeholder, and TLS required for external addresses.
     */
    static ObjectNode productionRealm(ObjectNode demo) {
        ObjectNode realm = demo.deepCopy();
        realm.put("sslRequired", "external");
        ArrayNode clients = realm.putArray("clients");
        Set<String> kept = new HashSet<>();
        for (JsonNode c : demo.path("clients")) {
            String id = c.path("clientId").asText();
            if (DEV_ONLY_CLIENTS.contains(id)) {
                continue;
            }
            ObjectNode client = c.deepCopy();
            if (client.has("secret")) {
                client.put("secret", "${" + secretVariable(id) + "}");
            }
            clients.add(client);
            kept.add(id);
        }
        ArrayNode users = realm.putArray("users");
        for (JsonNode u : demo.path("users")) {
            if (u.hasNonNull("serviceAccountClientId") && kept.contains(u.get("serviceAccountClientId").asText())) {
                users.add(u.deepCopy());
            }
        }
        return realm;
    }

    /** The environment variable the operator sets from the client's key in {@link #CLIENT_SECRETS}. */
    static String secretVariable(String clientId) {
        return "FUNDGUARD_CLIENT_SECRET_" + clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static ObjectNode placeholders(ObjectNode realm) {
        ObjectNode placeholders = JsonNodeFactory.instance.objectNode();
        for (JsonNode c : realm.path("clients")) {
            if (c.has("secret")) {
                String id = c.get("clientId").asText();
                ObjectNode secret = placeholders.putObject(secretVariable(id)).putObject("secret");
                secret.put("name", CLIENT_SECRETS);
                secret.put("key", id);
            }
        }
        return placeholders;
    }

    private static ObjectNode realmImport(String name, ObjectNode realm, ObjectNode placeholders) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        doc.put("kind", "KeycloakRealmImport");
        doc.putObject("metadata").put("name", name);
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK_CR);
        if (placeholders != null) {
            spec.set("placeholders", placeholders);
        }
        spec.set("realm", realm);
        return doc;
    }

    private static String yaml(ObjectNode doc) {
        try {
            return "# GENERATED from " + REALM + " by org.fundguard.devstack.RealmImports: do not edit.\n"
                    + "# Regenerate: " + REGENERATE + "\n"
                    + YAML.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
