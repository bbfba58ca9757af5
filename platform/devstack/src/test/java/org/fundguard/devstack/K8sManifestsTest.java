package org.fundguard.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The manifests under {@code k8s/}: the generated realm imports match the realm kept as code, the production realm
 * carries nothing of the demo, and (with kubectl on PATH) each overlay renders Deployments that are safe to run.
 */
class K8sManifestsTest {

    private static final Path ROOT = RealmImports.root();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    @Test
    void generatedRealmImportsAreWhatTheGeneratorMakesOfTheRealm() throws IOException {
        for (Map.Entry<Path, String> file : RealmImports.render(ROOT).entrySet()) {
            Path path = ROOT.resolve(file.getKey());
            assertTrue(Files.isRegularFile(path), file.getKey() + " is missing; generate it with: " + RealmImports.REGENERATE);
            String actual = Files.readString(path, StandardCharsets.UTF_8);
            if (!actual.equals(file.getValue())) {
                fail(file.getKey() + " differs from what RealmImports makes of " + RealmImports.REALM + " ("
                        + firstDifference(file.getValue(), actual) + "). Do not edit it by hand: change the realm JSON "
                        + "or the generator, then regenerate from the repository root with: " + RealmImports.REGENERATE);
            }
        }
    }

    @Test
    void productionRealmHasNoDemoUserNorCliClientNorSecret() throws IOException {
        JsonNode spec = YAML.readTree(ROOT.resolve(RealmImports.PRODUCTION_IMPORT).toFile()).path("spec");
        JsonNode realm = spec.path("realm");
        JsonNode source = new ObjectMapper().readTree(ROOT.resolve(RealmImports.REALM).toFile());

        assertEquals("external", realm.path("sslRequired").asText());
        Set<String> clients = new HashSet<>();
        for (JsonNode c : realm.path("clients")) {
            clients.add(c.path("clientId").asText());
        }
        assertFalse(clients.contains("fundguard-cli"), "the public password-grant client is for development only");
        assertFalse(clients.isEmpty(), "the partner and hospital system clients stay");
        for (JsonNode u : realm.path("users")) {
            // only the service accounts of the clients that stay: they carry the partner systems' roles and claims
            assertTrue(u.hasNonNull("serviceAccountClientId") && clients.contains(u.get("serviceAccountClientId").asText()),
                    "a user that is not a kept client's service account: " + u.path("username").asText());
            assertFalse(u.has("credentials"), "credentials for " + u.path("username").asText());
        }
        assertEquals(names(source.path("roles").path("realm")), names(realm.path("roles").path("realm")),
                "every realm role is kept");
        for (JsonNode c : realm.path("clients")) {
            Set<String> mappers = names(c.path("protocolMappers"));
            assertTrue(mappers.containsAll(Set.of("region", "agency")), c.path("clientId") + " keeps the region and agency claims");
            if (c.has("secret")) {
                String variable = RealmImports.secretVariable(c.get("clientId").asText());
                assertEquals("${" + variable + "}", c.get("secret").asText());
                assertEquals(RealmImports.CLIENT_SECRETS, spec.path("placeholders").path(variable).path("secret").path("name").asText(),
                        c.path("clientId") + "'s secret is read from the Secret " + RealmImports.CLIENT_SECRETS);
            }
        }
        String text = Files.readString(ROOT.resolve(RealmImports.PRODUCTION_IMPORT));
        for (JsonNode c : source.path("clients")) {
            if (c.hasNonNull("secret")) {
                assertFalse(text.contains(c.get("secret").asText()), "the development secret of " + c.path("clientId") + " is in the production realm");
            }
        }
        // the operator replaces ${NAME} from the import job's environment: every upper-case one must be ours, and the
        // realm's own message keys (${username}) must not look like environment variables
        Matcher m = Pattern.compile("\\$\\{([^}]*)}").matcher(realm.toString());
        while (m.find()) {
            String name = m.group(1);
            assertTrue(spec.path("placeholders").has(name) || name.matches("[a-z][A-Za-z0-9]*"),
                    "${" + name + "} in the production realm is neither a declared placeholder nor a message key");
        }
    }

    @Test
    void demoRealmImportKeepsDemoUsersAndCliClient() throws IOException {
        JsonNode realm = YAML.readTree(ROOT.resolve(RealmImports.DEMO_IMPORT).toFile()).path("spec").path("realm");
        assertTrue(names(realm.path("clients"), "clientId").contains("fundguard-cli"));
        assertTrue(names(realm.path("users"), "username").contains("chuzhou-report-handler"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyDeploymentIsProbedBoundedNonRootAndPinned(String overlay) {
        List<JsonNode> deployments = kinds(render(overlay), "Deployment");
        assertTrue(deployments.size() >= 2, "gateway and reports-service at least");
        for (JsonNode d : deployments) {
            String name = d.path("metadata").path("name").asText();
            JsonNode pod = d.path("spec").path("template").path("spec");
            for (JsonNode c : pod.path("containers")) {
                String where = overlay + ": " + name + "/" + c.path("name").asText();
                assertEquals("/q/health/ready", c.path("readinessProbe").path("httpGet").path("path").asText(), where + " readiness");
                assertEquals("/q/health/live", c.path("livenessProbe").path("httpGet").path("path").asText(), where + " liveness");
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertTrue(c.path("resources").path(bound).hasNonNull(resource), where + " has no " + resource + " " + bound);
                    }
                }
                assertTrue(c.path("securityContext").path("runAsNonRoot").asBoolean(false)
                        || pod.path("securityContext").path("runAsNonRoot").asBoolean(false), where + " may run as root");
                assertFalse(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true), where + " may escalate");
                String image = c.path("image").asText();
                String tag = image.substring(image.lastIndexOf('/') + 1);
                assertTrue(tag.contains(":") && !tag.endsWith(":latest"), where + " image without a fixed tag: " + image);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void onlyTheGatewayIsExposedAndServicesAdmitOnlyTheGateway(String overlay) {
        List<JsonNode> docs = render(overlay);
        for (JsonNode ingress : kinds(docs, "Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode p : rule.path("http").path("paths")) {
                    assertEquals("gateway", p.path("backend").path("service").path("name").asText(),
                            overlay + ": Ingress " + ingress.path("metadata").path("name").asText() + " exposes another Service");
                }
            }
        }
        List<JsonNode> policies = kinds(docs, "NetworkPolicy");
        for (JsonNode d : kinds(docs, "Deployment")) {
            String name = d.path("metadata").path("name").asText();
            if (name.equals("gateway")) {
                continue;
            }
            JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
            JsonNode policy = policies.stream()
                    .filter(p -> selects(p.path("spec").path("podSelector"), labels))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": no NetworkPolicy selects " + name));
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                for (JsonNode from : rule.path("from")) {
                    boolean gateway = "gateway".equals(from.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())
                            && !from.has("namespaceSelector");
                    boolean prometheus = "monitoring".equals(from.path("namespaceSelector").path("matchLabels")
                            .path("kubernetes.io/metadata.name").asText());
                    assertTrue(gateway || prometheus, overlay + ": " + name + " admits " + from);
                }
            }
        }
    }

    @Test
    void productionRunsTwoReplicasWithDisruptionBudgetsAndTheProductionRealmOnly() {
        List<JsonNode> docs = render("production");
        List<JsonNode> budgets = kinds(docs, "PodDisruptionBudget");
        for (JsonNode d : kinds(docs, "Deployment")) {
            String name = d.path("metadata").path("name").asText();
            assertTrue(d.path("spec").path("replicas").asInt(1) >= 2, name + " runs fewer than two replicas");
            JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
            assertTrue(budgets.stream().anyMatch(b -> selects(b.path("spec").path("selector"), labels)),
                    "no PodDisruptionBudget for " + name);
        }
        assertEquals(List.of("fundguard-realm"), names(kinds(docs, "KeycloakRealmImport")));
        assertEquals(1, kinds(docs, "Ingress").size(), "one Ingress, for the gateway");
        assertTrue(kinds(docs, "Ingress").get(0).path("spec").path("tls").size() > 0, "the gateway's Ingress has TLS");
        assertEquals(List.of("fundguard-demo-realm"), names(kinds(render("dev"), "KeycloakRealmImport")));
        assertTrue(kinds(render("dev"), "Ingress").isEmpty(), "dev exposes nothing");
    }

    // --- helpers

    /** The overlay as {@code kubectl kustomize} renders it; skipped, saying why, when kubectl is not installed. */
    private static synchronized List<JsonNode> render(String overlay) {
        Optional<Path> kubectl = onPath("kubectl");
        assumeTrue(kubectl.isPresent(), "kubectl is not on PATH, so the rendered k8s/ overlays were not checked "
                + "(probes, resources, replicas, budgets, Ingress); install kubectl to run these checks");
        return RENDERED.computeIfAbsent(overlay, o -> {
            try {
                Path out = Files.createTempFile("kustomize-" + o, ".yaml");
                Path err = Files.createTempFile("kustomize-" + o, ".err");
                Process p = new ProcessBuilder(kubectl.get().toString(), "kustomize", "k8s/overlays/" + o)
                        .directory(ROOT.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail("kubectl kustomize k8s/overlays/" + o + " did not finish in 60 s");
                }
                assertEquals(0, p.exitValue(), "kubectl kustomize k8s/overlays/" + o + " failed: " + Files.readString(err));
                List<JsonNode> docs = new ArrayList<>();
                try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(out.toFile())) {
                    while (it.hasNext()) {
                        JsonNode doc = it.next();
                        if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                            docs.add(doc);
                        }
                    }
                }
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
                return docs;
            } catch (IOException e) {
                throw new AssertionError("cannot run kubectl kustomize: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<JsonNode> kinds(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static List<String> names(List<JsonNode> docs) {
        return docs.stream().map(d -> d.path("metadata").path("name").asText()).toList();
    }

    private static Set<String> names(JsonNode array) {
        return names(array, "name");
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.path(field).asText()));
        return names;
    }

    /** Whether a label selector (matchLabels only, as these manifests use) selects pods with {@code labels}. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode match = selector.path("matchLabels");
        if (match.isEmpty() || selector.has("matchExpressions")) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = match.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) {
                return "line " + (i + 1) + ": expected «" + e[i].strip() + "» but the file has «" + a[i].strip() + "»";
            }
        }
        return "expected " + e.length + " lines, the file has " + a.length;
    }
}
