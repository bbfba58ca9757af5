package org.fundguard.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares a service's served OpenAPI document ({@code /q/openapi}) with its contract in {@code contracts/openapi}.
 *
 * <p>Drift is: a path or method on one side only; a different set of response status codes; different media types
 * of a request or response body; different query/path parameters; and bodies whose schemas differ in structure —
 * type, properties (recursively), required, items, enum, and format where both sides state one. {@code $ref}s are
 * followed on both sides, including the contract's references into {@code common.yaml}; schema names, descriptions,
 * examples, summaries and tags are not compared. {@code null} in a type list or an enum is not compared either,
 * because Java does not say whether a field may be null. Every contract operation must have an operationId.
 */
public final class OpenApiDrift {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiDrift() {
    }

    /**
     * The whole drift test of a service, for its {@code @QuarkusTest}: fetches the running application's
     * {@code /q/openapi} and asserts it matches {@code openapi/<service>.yaml} ({@code service} as
     * {@code "reports-service"}).
     */
    public static void assertServedMatches(String service) {
        assertServedMatches(URI.create(testUrl()), "openapi/" + service + ".yaml");
    }

    /**
     * Fetches {@code /q/openapi} (as JSON) from the application at {@code application}, keeps it as
     * {@code target/served-openapi.json} (to compare by hand when the contract and the code disagree), and throws an
     * AssertionError listing every difference from {@code contractResource}.
     */
    public static void assertServedMatches(URI application, String contractResource) {
        String base = application.toString().replaceAll("/+$", "");
        String served = fetch(URI.create(base + "/q/openapi?format=json"));
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            try {
                Files.writeString(target.resolve("served-openapi.json"), served, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertMatches(served, contractResource);
    }

    /** The running test application's URL, as Quarkus publishes it to its tests ({@code test.url}). */
    private static String testUrl() {
        try {
            return ConfigProvider.getConfig().getValue("test.url", String.class);
        } catch (IllegalStateException | NoSuchElementException e) {
            throw new AssertionError("assertServedMatches(service) finds the application through Quarkus's test.url: "
                    + "call it from a @QuarkusTest, or pass the application's URL", e);
        }
    }

    private static String fetch(URI uri) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + uri + " answered " + r.statusCode() + ", not the served OpenAPI document");
            }
            return r.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while fetching " + uri, e);
        }
    }

    /** Throws an AssertionError listing every difference between the served document and the contract resource. */
    public static void assertMatches(String served, String contractResource) {
        List<String> drift = compare(served, contractResource);
        if (!drift.isEmpty()) {
            throw new AssertionError("served OpenAPI drifted from " + contractResource + ":\n  " + String.join("\n  ", drift));
        }
    }

    /** Differences between the served document (YAML or JSON text) and a contract on the classpath, e.g. openapi/gateway.yaml. */
    public static List<String> compare(String served, String contractResource) {
        String folder = contractResource.contains("/") ? contractResource.substring(0, contractResource.lastIndexOf('/') + 1) : "";
        Docs contract = new Docs(read(load(contractResource)), file -> read(load(folder + file)));
        Docs actual = new Docs(read(served), file -> {
            throw new IllegalArgumentException("the served document refers to another file: " + file);
        });
        return new Comparison(actual, contract).run();
    }

    /** Differences between two documents given as text; {@code files} resolves the contract's relative file refs. */
    public static List<String> compare(String served, String contract, Function<String, String> files) {
        Docs c = new Docs(read(contract), file -> read(files.apply(file)));
        Docs a = new Docs(read(served), file -> {
            throw new IllegalArgumentException("the served document refers to another file: " + file);
        });
        return new Comparison(a, c).run();
    }

    static String load(String resource) {
        try (InputStream in = OpenApiDrift.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract on the classpath at " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an OpenAPI document: " + e.getMessage(), e);
        }
    }

    /** A root document and the other files its refs point into. */
    private static final class Docs {
        final JsonNode root;
        final Function<String, JsonNode> files;
        final Map<String, JsonNode> loaded = new java.util.HashMap<>();

        Docs(JsonNode root, Function<String, JsonNode> files) {
            this.root = root;
            this.files = files;
        }

        /** Follows $refs until a node without one; returns the node and the document it lives in. */
        Located resolve(JsonNode node, JsonNode doc) {
            int hops = 0;
            while (node != null && node.has("$ref") && hops++ < 20) {
                String ref = node.get("$ref").asText();
                int hash = ref.indexOf('#');
                String file = hash < 0 ? ref : ref.substring(0, hash);
                String pointer = hash < 0 ? "" : ref.substring(hash + 1);
                if (!file.isEmpty()) {
                    doc = loaded.computeIfAbsent(file, files);
                }
                node = doc.at(pointer);
                if (node.isMissingNode()) {
                    return new Located(null, doc);
                }
            }
            return new Located(node, doc);
        }
    }

    private record Located(JsonNode node, JsonNode doc) {
    }

    private static final class Comparison {
        final Docs served;
        final Docs contract;
        final List<String> out = new ArrayList<>();

        Comparison(Docs served, Docs contract) {
            this.served = served;
            this.contract = contract;
        }

        List<String> run() {
            JsonNode sp = served.root.path("paths");
            JsonNode cp = contract.root.path("paths");
            Set<String> paths = new TreeSet<>();
            sp.fieldNames().forEachRemaining(paths::add);
            cp.fieldNames().forEachRemaining(paths::add);
            for (String path : paths) {
                if (!sp.has(path)) {
                    out.add(path + ": in the contract, not served");
                    continue;
                }
                if (!cp.has(path)) {
                    out.add(path + ": served, not in the contract");
                    continue;
                }
                Set<String> methods = new TreeSet<>();
                sp.get(path).fieldNames().forEachRemaining(m -> {
                    if (METHODS.contains(m)) {
                        methods.add(m);
                    }
                });
                cp.get(path).fieldNames().forEachRemaining(m -> {
                    if (METHODS.contains(m)) {
                        methods.add(m);
                    }
                });
                for (String m : methods) {
                    String where = m.toUpperCase() + " " + path;
                    JsonNode so = sp.get(path).get(m);
                    JsonNode co = cp.get(path).get(m);
                    if (so == null) {
                        out.add(where + ": in the contract, not served");
                    } else if (co == null) {
                        out.add(where + ": served, not in the contract");
                    } else {
                        operation(where, so, co, sp.get(path), cp.get(path));
                    }
                }
            }
            return out;
        }

        void operation(String where, JsonNode so, JsonNode co, JsonNode sPathItem, JsonNode cPathItem) {
            if (!co.hasNonNull("operationId")) {
                out.add(where + ": the contract gives no operationId");
            }
            Set<String> sParams = params(so, sPathItem, served);
            Set<String> cParams = params(co, cPathItem, contract);
            if (!sParams.equals(cParams)) {
                out.add(where + ": parameters served " + sParams + ", contract " + cParams);
            }
            JsonNode sBody = served.resolve(so.get("requestBody"), served.root).node();
            JsonNode cBody = contract.resolve(co.get("requestBody"), contract.root).node();
            if ((sBody == null) != (cBody == null)) {
                out.add(where + ": request body " + (sBody == null ? "only in the contract" : "only served"));
            } else if (sBody != null) {
                content(where + " request", sBody.path("content"), cBody.path("content"),
                        served.resolve(so.get("requestBody"), served.root).doc(), contract.resolve(co.get("requestBody"), contract.root).doc());
            }
            JsonNode sr = so.path("responses");
            JsonNode cr = co.path("responses");
            Set<String> codes = new TreeSet<>();
            sr.fieldNames().forEachRemaining(codes::add);
            cr.fieldNames().forEachRemaining(codes::add);
            for (String code : codes) {
                if (!sr.has(code)) {
                    out.add(where + ": response " + code + " in the contract, not served");
                } else if (!cr.has(code)) {
                    out.add(where + ": response " + code + " served, not in the contract");
                } else {
                    Located s = served.resolve(sr.get(code), served.root);
                    Located c = contract.resolve(cr.get(code), contract.root);
                    if (c.node() != null && !c.node().hasNonNull("description")) {
                        out.add(where + ": response " + code + " has no description in the contract");
                    }
                    if (s.node() != null && c.node() != null) {
                        content(where + " response " + code, s.node().path("content"), c.node().path("content"), s.doc(), c.doc());
                    }
                }
            }
        }

        Set<String> params(JsonNode op, JsonNode pathItem, Docs docs) {
            Set<String> names = new TreeSet<>();
            for (JsonNode list : List.of(pathItem.path("parameters"), op.path("parameters"))) {
                for (JsonNode p : list) {
                    JsonNode r = docs.resolve(p, docs.root).node();
                    if (r != null && !"header".equals(r.path("in").asText())) {
                        names.add(r.path("in").asText() + ":" + r.path("name").asText()
                                + (r.path("required").asBoolean(false) ? "!" : ""));
                    }
                }
            }
            return names;
        }

        void content(String where, JsonNode s, JsonNode c, JsonNode sDoc, JsonNode cDoc) {
            Set<String> types = new TreeSet<>();
            s.fieldNames().forEachRemaining(types::add);
            c.fieldNames().forEachRemaining(types::add);
            for (String type : types) {
                if (!s.has(type)) {
                    out.add(where + ": media type " + type + " in the contract, not served");
                } else if (!c.has(type)) {
                    out.add(where + ": media type " + type + " served, not in the contract");
                } else {
                    JsonNode ss = s.get(type).get("schema");
                    JsonNode cs = c.get(type).get("schema");
                    if (ss != null && cs != null) {
                        schema(where + " " + type, ss, sDoc, cs, cDoc, 0);
                    } else if ((ss == null) != (cs == null)) {
                        out.add(where + " " + type + ": schema " + (ss == null ? "only in the contract" : "only served"));
                    }
                }
            }
        }

        void schema(String where, JsonNode s, JsonNode sDoc, JsonNode c, JsonNode cDoc, int depth) {
            if (depth > 12) {
                return;
            }
            Located sl = served.resolve(s, sDoc);
            Located cl = contract.resolve(c, cDoc);
            s = merge(sl.node(), sl.doc(), served);
            c = merge(cl.node(), cl.doc(), contract);
            if (s == null || c == null) {
                out.add(where + ": unresolvable $ref");
                return;
            }
            Set<String> st = types(s);
            Set<String> ct = types(c);
            if (!st.equals(ct)) {
                out.add(where + ": type served " + st + ", contract " + ct);
                return;
            }
            if (s.has("format") && c.has("format") && !s.get("format").asText().equals(c.get("format").asText())) {
                out.add(where + ": format served " + s.get("format").asText() + ", contract " + c.get("format").asText());
            }
            Set<String> se = enums(s);
            Set<String> ce = enums(c);
            if (!se.equals(ce)) {
                out.add(where + ": enum served " + se + ", contract " + ce);
            }
            Set<String> sr = strings(s.path("required"));
            Set<String> cr = strings(c.path("required"));
            if (!sr.equals(cr)) {
                out.add(where + ": required served " + sr + ", contract " + cr);
            }
            JsonNode sp = s.path("properties");
            JsonNode cp = c.path("properties");
            Set<String> props = new TreeSet<>();
            sp.fieldNames().forEachRemaining(props::add);
            cp.fieldNames().forEachRemaining(props::add);
            for (String p : props) {
                if (!sp.has(p)) {
                    out.add(where + "." + p + ": in the contract, not served");
                } else if (!cp.has(p)) {
                    out.add(where + "." + p + ": served, not in the contract");
                } else {
                    schema(where + "." + p, sp.get(p), sl.doc(), cp.get(p), cl.doc(), depth + 1);
                }
            }
            if (s.has("items") || c.has("items")) {
                if (s.has("items") && c.has("items")) {
                    schema(where + "[]", s.get("items"), sl.doc(), c.get("items"), cl.doc(), depth + 1);
                } else {
                    out.add(where + ": items " + (s.has("items") ? "only served" : "only in the contract"));
                }
            }
        }

        /** Folds allOf members (and a lone anyOf/oneOf with null, the nullable idiom) into one schema. */
        JsonNode merge(JsonNode node, JsonNode doc, Docs docs) {
            if (node == null) {
                return null;
            }
            ObjectNode merged = node.deepCopy();
            for (String key : List.of("allOf", "anyOf", "oneOf")) {
                if (!node.has(key)) {
                    continue;
                }
                List<JsonNode> members = new ArrayList<>();
                for (JsonNode m : node.get(key)) {
                    JsonNode r = docs.resolve(m, doc).node();
                    if (r != null && !(types(r).isEmpty() && "null".equals(r.path("type").asText()))) {
                        members.add(r);
                    }
                }
                if (key.equals("allOf") || members.size() == 1) {
                    merged.remove(key);
                    for (JsonNode m : members) {
                        Iterator<Map.Entry<String, JsonNode>> it = m.fields();
                        while (it.hasNext()) {
                            Map.Entry<String, JsonNode> e = it.next();
                            if (e.getKey().equals("properties") && merged.has("properties")) {
                                ((ObjectNode) merged.get("properties")).setAll((ObjectNode) e.getValue());
                            } else if (e.getKey().equals("required") && merged.has("required")) {
                                ((ArrayNode) merged.get("required")).addAll((ArrayNode) e.getValue());
                            } else {
                                merged.set(e.getKey(), e.getValue());
                            }
                        }
                    }
                }
            }
            return merged;
        }

        static Set<String> types(JsonNode s) {
            Set<String> t = new TreeSet<>();
            JsonNode type = s.get("type");
            if (type == null) {
                if (s.has("properties")) {
                    t.add("object");
                }
            } else if (type.isArray()) {
                type.forEach(x -> t.add(x.asText()));
            } else {
                t.add(type.asText());
            }
            t.remove("null");
            return t;
        }

        static Set<String> enums(JsonNode s) {
            Set<String> e = new TreeSet<>();
            s.path("enum").forEach(x -> {
                if (!x.isNull()) {
                    e.add(x.asText());
                }
            });
            return e;
        }

        static Set<String> strings(JsonNode array) {
            Set<String> set = new TreeSet<>();
            array.forEach(x -> set.add(x.asText()));
            return set;
        }
    }
}
