package org.fundguard.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.Tokens;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's own edge: its metrics are not public, no metric names an id, oversized and unrouted requests are
 * problems, and a receipt code never reaches a log line however the path spells it.
 */
@QuarkusTest
@WithTestResource(value = KeycloakResource.class, parallel = true)
@WithTestResource(value = EchoUpstreamResource.class, parallel = true)
class GatewayEdgeTest {

    private static final String CODE = "7KQ2-M9XD-4RTB-ZP3W";

    @TestHTTPResource("/")
    URI base;

    /** The management interface's root is /q. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void metricsAreNotServedOnThePublicPort() {
        given().when().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/q/metrics/").then().statusCode(404);
        given().when().get("/public/reports/../../q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/public/reports/..%2F..%2Fq/metrics",
            "/public/reports/v1/..;/..;/..;/q/metrics",
            "/public/reports/v1/%2e%2e/%2e%2e/%2e%2e/q/health",
            "/public/reports/v1/..%5C..%5C..%5Cq/metrics"})
    void noPathReachesAServicesQuarkusEndpointsThroughTheGateway(String path) {
        String answer = raw("GET " + path + " HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");
        // the echo upstream would answer with the uri it was asked for: nothing under /q/ may be forwarded
        assertThat(answer).doesNotContain("\"uri\"");
    }

    @Test
    void noMetricCarriesARawPathWithAnId() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.user("chuzhou-report-handler")).when().get("/api/reports/v1/reports/" + id)
                .then().statusCode(200);
        given().when().get("/public/reports/v1/receipts/" + CODE).then().statusCode(200);
        given().when().get("/nothing/" + id).then().statusCode(404);
        String scraped = given().when().get(metrics).then().statusCode(200).extract().asString();
        assertThat(scraped).contains("http_server_requests").doesNotContain(id).doesNotContain(CODE);
    }

    @Test
    void anUnroutedPathIs404Problem() {
        assertProblem(raw("GET /nothing/here HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n"), 404);
    }

    @Test
    void aRequestLineOverTheLimitIs414Problem() {
        assertProblem(raw("GET /public/reports/v1/" + "x".repeat(5000) + " HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n"), 414);
    }

    @Test
    void aDeclaredBodyOverTheGatewaysLimitIs413Problem() {
        // 40 MB announced, more than any route accepts (quarkus.http.limits.max-body-size=31M): refused before reading
        assertProblem(raw("POST /nothing/here HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
                + "Content-Length: 40000000\r\nConnection: close\r\n\r\n{"), 413);
    }

    @Test
    void responsesAreNotCachedUnlessTheySaySo() {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler")).when().get("/api/gateway/v1/me")
                .then().statusCode(200).header("Cache-Control", "no-store");
        given().when().get("/api/reports/v1/x").then().statusCode(401).header("Cache-Control", "no-store");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/public/reports/v1/receipts/" + CODE,
            "/public/reports/v1/%72eceipts/" + CODE,
            "/public/reports/v1/receipts;x=1/" + CODE,
            "/public/reports/v1/receipts/./" + CODE,
            "/public/reports/v1/RECEIPTS/" + CODE + "/messages",
            "/api/monitoring/v1/receipts/" + CODE})
    void aReceiptCodeNeverReachesALogLine(String path) {
        String requestId = "receipt-" + UUID.randomUUID();
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                StringBuilder b = new StringBuilder(String.valueOf(r.getLoggerName())).append(' ')
                        .append(r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
                for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                    b.append(" | ").append(t);
                }
                lines.add(b.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            // the monitoring upstream is down: a failed forward is logged as an error line, with its path
            given().auth().oauth2(Tokens.user("chuzhou-auditor")).urlEncodingEnabled(false).header("X-Request-Id", requestId)
                    .when().get(path).then().statusCode(org.hamcrest.Matchers.oneOf(200, 502));
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream()
                    .anyMatch(l -> l.startsWith("org.fundguard.gateway.access") && l.contains(requestId)));
            assertThat(lines).noneMatch(l -> l.contains(CODE));
            assertThat(lines).filteredOn(l -> l.contains(requestId)).anyMatch(l -> l.contains("/***"));
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
    }

    /** Sends a request exactly as written (no client fills in or checks a header) and reads the whole answer. */
    private String raw(String request) {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // read the head and the body it announces: a refusal before the body was read leaves the connection open
            InputStream in = s.getInputStream();
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            int headEnd = -1;
            long length = -1;
            byte[] buffer = new byte[8192];
            while (true) {
                String sofar = got.toString(StandardCharsets.ISO_8859_1);
                if (headEnd < 0 && (headEnd = sofar.indexOf("\r\n\r\n")) >= 0) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(sofar.substring(0, headEnd));
                    length = m.find() ? Long.parseLong(m.group(1)) : -1;
                }
                if (headEnd >= 0 && length >= 0 && got.size() >= headEnd + 4 + length) {
                    return got.toString(StandardCharsets.UTF_8);
                }
                int n = in.read(buffer);
                if (n < 0) {
                    return got.toString(StandardCharsets.UTF_8);
                }
                got.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(String response, int status) {
        assertThat(response).startsWith("HTTP/1.1 " + status);
        int split = response.indexOf("\r\n\r\n");
        String head = response.substring(0, split).toLowerCase();
        assertThat(head).contains("content-type: application/problem+json");
        String body = response.substring(split + 4);
        if (head.contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1);
        }
        assertThat(JsonPath.from(body).getInt("status")).isEqualTo(status);
    }
}
