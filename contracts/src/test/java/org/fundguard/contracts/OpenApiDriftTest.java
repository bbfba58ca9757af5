package org.fundguard.contracts;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiDriftTest {

    private static final String SERVED = OpenApiDrift.load("drift/served.json");

    private static List<String> drift(String served) {
        return OpenApiDrift.compare(served, "drift/contract.yaml");
    }

    @Test
    void identicalApiHasNoDriftAcrossRefsIntoCommonYaml() {
        assertThat(drift(SERVED)).isEmpty();
        OpenApiDrift.assertMatches(SERVED, "drift/contract.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing path        | "/api/things/v1/things/{id}":{"get"    | "/api/things/v1/other/{id}":{"get"   | /api/things/v1/things/{id}: in the contract, not served
            extra path          | "/api/things/v1/things":{"post"        | "/api/things/v1/extra":{"get":{"responses":{}}},"/api/things/v1/things":{"post" | /api/things/v1/extra: served, not in the contract
            changed status      | "201":{"description":"Created"         | "200":{"description":"Created"       | response 201 in the contract, not served
            media type          | "application/problem+json"             | "application/json"                   | media type application/problem+json in the contract, not served
            required field      | "required":["id","name"]               | "required":["id"]                    | required served [id], contract [id, name]
            enum                | "enum":["NEW","DONE"]                  | "enum":["NEW"]                       | enum served [NEW], contract [DONE, NEW]
            items type          | "items":{"type":"string"}              | "items":{"type":"integer"}           | type served [integer], contract [string]
            missing property    | ,"amount":{"type":"string"},"tags"     | ,"tags"                              | .amount: in the contract, not served
            parameter           | {"name":"id","in":"path","required":true,"schema":{"type":"string"}} | {"name":"id","in":"path","required":true,"schema":{"type":"string"}},{"name":"x","in":"query","schema":{"type":"string"}} | parameters served
            """)
    void reportsEachKindOfDrift(String what, String from, String to, String expected) {
        assertThat(SERVED).as("fixture contains " + from).contains(from);
        List<String> d = drift(SERVED.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        assertThat(d).as(what).anySatisfy(line -> assertThat(line).contains(expected));
    }

    @Test
    void changedPropertyTypeIsReported() {
        String changed = SERVED.replace("\"amount\":{\"type\":\"string\"},\"tags\"", "\"amount\":{\"type\":\"number\"},\"tags\"");
        assertThat(drift(changed)).anySatisfy(l -> assertThat(l).contains(".amount: type served [number], contract [string]"));
    }

    @Test
    void problemSchemaFromCommonYamlIsComparedToo() {
        String changed = SERVED.replace("\"status\":{\"type\":\"integer\",\"format\":\"int32\"}", "\"status\":{\"type\":\"string\"}");
        assertThat(drift(changed)).anySatisfy(l -> assertThat(l).contains("404").contains(".status: type served [string]"));
    }

    @Test
    void assertMatchesListsEveryDifference() {
        String changed = SERVED.replace("\"201\":{\"description\":\"Created\"", "\"200\":{\"description\":\"Created\"");
        assertThatThrownBy(() -> OpenApiDrift.assertMatches(changed, "drift/contract.yaml"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("response 200 served, not in the contract")
                .hasMessageContaining("response 201 in the contract, not served");
    }

    @Test
    void servedDocumentIsFetchedFromTheRunningApplicationAndCompared() throws IOException {
        AtomicReference<String> answer = new AtomicReference<>(SERVED);
        AtomicReference<String> query = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/q/openapi", exchange -> {
            query.set(exchange.getRequestURI().getQuery());
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get().isEmpty() ? 500 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI app = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            OpenApiDrift.assertServedMatches(app, "drift/contract.yaml");
            assertThat(query.get()).isEqualTo("format=json");

            answer.set(SERVED.replace("\"201\":{\"description\":\"Created\"", "\"200\":{\"description\":\"Created\""));
            assertThatThrownBy(() -> OpenApiDrift.assertServedMatches(app, "drift/contract.yaml"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("response 200 served, not in the contract");

            answer.set("");
            assertThatThrownBy(() -> OpenApiDrift.assertServedMatches(app, "drift/contract.yaml"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("answered 500");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void outsideAQuarkusTestTheServiceFormSaysWhereToCallIt() {
        assertThatThrownBy(() -> OpenApiDrift.assertServedMatches("reports-service"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("@QuarkusTest");
    }
}
