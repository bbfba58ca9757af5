package org.fundguard.report;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.OwnPostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A lost database is a 503 with {@code Retry-After} and problem+json, answered well within the gateway's 30 s request
 * timeout, whether the server is stopped or stalled (SIGSTOP: connections are accepted, nothing is answered);
 * readiness answers DOWN promptly (liveness stays UP); the service recovers by itself when the database is back, and a
 * request that was refused left nothing behind. The database is this class's own PostgreSQL, so the shared one is never
 * touched. Bounds are generous (a loaded 2-core machine), and each is below the 30 s request timeout.
 */
@QuarkusTest
@WithTestResource(value = OwnPostgresResource.class, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "reports"))
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class DatabaseOutageTest {

    private static final String REPORTS = "/api/reports/v1/reports";
    private static final String HANDLER = "chuzhou-report-handler";
    /** The gateway's route timeout less a margin: a 503 must reach the caller before the gateway gives up. */
    private static final Duration REQUEST_BOUND = Duration.ofSeconds(25);
    private static final Duration READINESS_BOUND = Duration.ofSeconds(10);
    /** A request that is not answered at all fails the test instead of hanging it. */
    private static final RestAssuredConfig BOUNDED = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 60_000).setParam("http.connection.timeout", 10_000));

    @AfterEach
    void databaseIsBack() {
        OwnPostgresResource.server().thaw();
        OwnPostgresResource.server().start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(list().statusCode()).isEqualTo(200));
    }

    @Test
    void stoppedDatabaseIsA503WithRetryAfterAndReadinessDown() {
        String token = Tokens.user(HANDLER);
        intake(token, "before the outage").then().statusCode(201);
        long before = reports();

        OwnPostgresResource.server().stop();

        assertUnavailable(timed(this::list, REQUEST_BOUND));
        assertUnavailable(timed(() -> intake(token, "during the outage " + UUID.randomUUID()), REQUEST_BOUND));
        assertReadinessDown();
        given().config(BOUNDED).when().get("/q/health/live").then().statusCode(200);

        OwnPostgresResource.server().start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(list().statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(databaseCheck()).isEqualTo("UP"));
        assertThat(reports()).as("the refused intake was not stored").isEqualTo(before);
        intake(token, "after the outage").then().statusCode(201);
        assertThat(reports()).isEqualTo(before + 1);
    }

    @Test
    void stalledDatabaseIsA503WithinTheRequestTimeout() {
        String token = Tokens.user(HANDLER);
        intake(token, "before the stall").then().statusCode(201);
        long before = reports();

        OwnPostgresResource.server().freeze();
        try {
            assertUnavailable(timed(() -> intake(token, "during the stall " + UUID.randomUUID()), REQUEST_BOUND));
            assertUnavailable(timed(this::list, REQUEST_BOUND));
            assertReadinessDown();
        } finally {
            OwnPostgresResource.server().thaw();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(list().statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(databaseCheck()).isEqualTo("UP"));
        assertThat(reports()).as("the intake refused during the stall was not stored once the server ran again")
                .isEqualTo(before);
    }

    private static void assertUnavailable(Response r) {
        r.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        assertThat(r.<Integer>path("status")).isEqualTo(503);
        assertThat(r.<String>path("title")).isEqualTo("Service Unavailable");
        assertThat(r.asString()).doesNotContainIgnoringCase("exception").doesNotContain("io.vertx").doesNotContain("at org.");
    }

    private void assertReadinessDown() {
        Response r = timed(() -> given().config(BOUNDED).when().get("/q/health/ready"), READINESS_BOUND);
        r.then().statusCode(503);
        List<Map<String, Object>> checks = r.path("checks");
        assertThat(checks).anySatisfy(c -> {
            assertThat(c.get("name")).isEqualTo("database");
            assertThat(c.get("status")).isEqualTo("DOWN");
        });
    }

    private static Response timed(java.util.function.Supplier<Response> call, Duration bound) {
        long start = System.nanoTime();
        Response r = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("answered within " + bound).isLessThan(bound);
        return r;
    }

    private Response list() {
        return given().config(BOUNDED).auth().oauth2(Tokens.user(HANDLER)).when().get(REPORTS);
    }

    private static Response intake(String token, String conduct) {
        return given().config(BOUNDED).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "region", "341100", "conduct", conduct,
                        "institution", Map.of("code", "H34110200001", "name", "滁州市第一人民医院")))
                .when().post(REPORTS);
    }

    private static String databaseCheck() {
        List<Map<String, Object>> checks = given().config(BOUNDED).when().get("/q/health/ready").path("checks");
        return checks.stream().filter(c -> "database".equals(c.get("name"))).map(c -> String.valueOf(c.get("status")))
                .findFirst().orElse("missing");
    }

    private static long reports() {
        try (Connection c = OwnPostgresResource.server().connect("reports"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM report")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
