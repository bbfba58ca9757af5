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
 * carries nothing of the demo, every service folder is the service component plus its values (matching the dev
 * stack's service list), and (with kubectl on PATH) each overlay renders Deployments that are safe to run.
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

    /** What every service's production profile requires, without a default. */
    private static final List<String> REQUIRED_ENV = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_REACTIVE_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
            "QUARKUS_OIDC_AUTH_SERVER_URL");
    private static final String COMPONENT = "../../components/service";
    /** The files a service folder has besides topics of its own: no copy of what the component already holds. */
    private static final Set<String> SERVICE_FOLDER_FILES = Set.of("kustomization.yaml", "values.yaml", "deployment-patch.yaml");

    @Test
    void serviceComponentIsAComponentWhoseFilesParse() throws IOException {
        Path dir = ROOT.resolve("k8s/components/service");
        JsonNode k = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        assertEquals("Component", k.path("kind").asText());
        assertEquals("kustomize.config.k8s.io/v1alpha1", k.path("apiVersion").asText());
        Set<String> kinds = new HashSet<>();
        for (JsonNode r : k.path("resources")) {
            for (JsonNode doc : readAll(dir.resolve(r.asText()))) {
                assertTrue(doc.hasNonNull("apiVersion") && doc.hasNonNull("kind") && doc.path("metadata").hasNonNull("name"),
                        r.asText() + ": a resource without apiVersion, kind or name");
                kinds.add(doc.path("kind").asText());
            }
        }
        assertEquals(Set.of("Deployment", "Service", "Cluster", "KafkaTopic", "ServiceAccount", "Role", "RoleBinding",
                "NetworkPolicy"), kinds);
        for (JsonNode r : k.path("replacements")) {
            assertEquals("ServiceValues", r.path("source").path("kind").asText());
        }
        JsonNode deployment = readAll(dir.resolve("deployment.yaml")).get(0);
        Set<String> env = names(deployment.at("/spec/template/spec/containers/0/env"));
        assertTrue(env.containsAll(REQUIRED_ENV), "the component's Deployment sets " + env);
    }

    @Test
    void everyServiceFolderIsTheComponentPlusItsValuesMatchingTheDevStack() throws IOException {
        JsonNode base = YAML.readTree(ROOT.resolve("k8s/base/kustomization.yaml").toFile());
        Set<String> inBase = new HashSet<>();
        base.path("resources").forEach(r -> inBase.add(r.asText()));
        for (Services.Service s : Services.SERVICES) {
            if (!Files.isDirectory(ROOT.resolve(s.module()))) {
                continue; // planned, not written yet
            }
            String folder = Path.of(s.module()).getFileName().toString();
            Path dir = ROOT.resolve("k8s/base").resolve(folder);
            assertTrue(Files.isRegularFile(dir.resolve("kustomization.yaml")), "k8s/base/" + folder + " is missing");
            assertTrue(inBase.contains(folder), "k8s/base/kustomization.yaml does not list " + folder);
            JsonNode k = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
            assertEquals(List.of(COMPONENT), strings(k.path("components")), folder + " uses the service component");
            List<String> resources = strings(k.path("resources"));
            assertTrue(resources.contains("values.yaml"), folder + " lists its values.yaml");
            if (Files.exists(dir.resolve("deployment-patch.yaml"))) {
                List<String> patches = new ArrayList<>();
                k.path("patches").forEach(patch -> patches.add(patch.path("path").asText()));
                assertTrue(patches.contains("deployment-patch.yaml"), folder + " does not apply its deployment-patch.yaml");
            }
            List<Path> files;
            try (var list = Files.list(dir)) {
                files = list.toList();
            }
            for (Path f : files) {
                String file = f.getFileName().toString();
                if (SERVICE_FOLDER_FILES.contains(file)) {
                    continue;
                }
                // what every service has belongs in the component; a folder adds only topics of its own (dead letters)
                assertTrue(resources.contains(file), "k8s/base/" + folder + "/" + file + " is not listed in its kustomization");
                for (JsonNode doc : readAll(f)) {
                    assertEquals("KafkaTopic", doc.path("kind").asText(), "k8s/base/" + folder + "/" + file
                            + ": a service folder holds " + SERVICE_FOLDER_FILES + " and KafkaTopics; the rest is k8s/components/service");
                }
            }
            JsonNode values = YAML.readTree(dir.resolve("values.yaml").toFile());
            assertEquals("ServiceValues", values.path("kind").asText());
            assertEquals("true", values.path("metadata").path("annotations").path("config.kubernetes.io/local-config").asText(),
                    folder + "/values.yaml must be local-config, or kustomize would render it");
            JsonNode spec = values.path("spec");
            assertEquals(folder, spec.path("name").asText());
            assertEquals(folder, values.path("metadata").path("name").asText());
            assertEquals(s.defaultPort(), spec.path("port").asInt(), folder + ": the same port as in the dev stack");
            assertEquals(s.database(), spec.path("database").asText(), folder + ": the same database as in the dev stack");
            assertEquals("fundguard." + s.name(), spec.path("topic").asText());
            assertTrue(spec.path("image").asText().matches("fundguard/" + folder + ":\\d+\\.\\d+\\.\\d+"), spec.path("image").asText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceIsRenderedWithItsOwnNamesAndWhatItsProductionProfileRequires(String overlay) {
        List<JsonNode> docs = render(overlay);
        Set<String> clusters = new HashSet<>(names(kinds(docs, "Cluster")));
        Set<String> placeholders = Set.of("service", "database-db", "database-db-app", "topic", "service-leader-election");
        for (JsonNode d : docs) {
            assertFalse(placeholders.contains(d.path("metadata").path("name").asText()),
                    overlay + ": a " + d.path("kind").asText() + " kept the component's template name");
        }
        JsonNode gatewayEnv = kinds(docs, "Deployment").stream()
                .filter(d -> d.path("metadata").path("name").asText().equals("gateway")).findFirst().orElseThrow()
                .at("/spec/template/spec/containers/0/env");
        int services = 0;
        for (JsonNode d : kinds(docs, "Deployment")) {
            String name = d.path("metadata").path("name").asText();
            if (!"service".equals(d.path("metadata").path("labels").path("app.kubernetes.io/component").asText())) {
                continue;
            }
            services++;
            JsonNode env = d.at("/spec/template/spec/containers/0/env");
            Set<String> set = names(env);
            assertTrue(set.containsAll(REQUIRED_ENV), overlay + ": " + name + " lacks some of " + REQUIRED_ENV + ": " + set);
            assertEquals(name, d.at("/spec/template/spec/containers/0/name").asText());
            assertEquals(name, d.at("/spec/template/spec/serviceAccountName").asText());
            assertEquals("fundguard/" + name, d.at("/spec/template/spec/containers/0/image").asText().replaceAll(":[^:/]*$", ""));
            for (JsonNode e : env) {
                String secret = e.path("valueFrom").path("secretKeyRef").path("name").asText();
                if (secret.endsWith("-db-app")) {
                    assertTrue(clusters.contains(secret.substring(0, secret.length() - "-app".length())),
                            overlay + ": " + name + " reads " + secret + " of a database that is not rendered");
                }
            }
            Services.Service s = Services.SERVICES.stream().filter(x -> x.module().endsWith("/" + name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " is not in the dev stack's Services.SERVICES"));
            JsonNode svc = kinds(docs, "Service").stream().filter(x -> x.path("metadata").path("name").asText().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no Service " + name));
            assertEquals(s.defaultPort(), svc.at("/spec/ports/0/port").asInt(), overlay + ": " + name + "'s Service port");
            assertEquals(s.defaultPort(), d.at("/spec/template/spec/containers/0/ports/0/containerPort").asInt());
            JsonNode scrapePort = d.at("/spec/template/metadata/annotations").path("prometheus.io/port");
            assertTrue(scrapePort.isTextual() && scrapePort.asText().equals(Integer.toString(s.defaultPort())),
                    overlay + ": " + name + "'s prometheus.io/port annotation is " + scrapePort);
            assertEquals(name, svc.at("/spec/selector").path("app.kubernetes.io/name").asText());
            String upstream = null;
            for (JsonNode e : gatewayEnv) {
                if (e.path("name").asText().equals(s.upstreamVariable())) {
                    upstream = e.path("value").asText();
                }
            }
            assertEquals("http://" + name + ":" + s.defaultPort(), upstream, overlay + ": the gateway's " + s.upstreamVariable());
        }
        assertTrue(services >= 2, overlay + ": reports-service and monitoring-service at least");
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
                List<JsonNode> docs = readAll(out);
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

    private static List<JsonNode> readAll(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
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
