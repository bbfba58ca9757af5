package org.fundguard.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

@QuarkusTest
@WithTestResource(value = KeycloakResource.class, parallel = true)
@WithTestResource(value = EchoUpstreamResource.class, parallel = true)
class GatewayLimitsTest {

    @Test
    void rateLimitGives429WithRetryAfterAfterBurstAndRecovers() {
        for (int i = 0; i < 3; i++) {
            given().when().get("/public/limited/v1/x").then().statusCode(200);
        }
        given().when().get("/public/limited/v1/x")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", not(emptyOrNullString()))
                .body("status", equalTo(429));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().when().get("/public/limited/v1/x").then().statusCode(200));
    }

    @Test
    void oversizedBodyWithLengthGets413() {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body("{\"x\":\"" + "a".repeat(2048) + "\"}")
                .when().post("/api/reports/v1/reports")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void oversizedChunkedBodyGets413() {
        byte[] big = ("{\"x\":\"" + "b".repeat(4096) + "\"}").getBytes();
        given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body(new ByteArrayInputStream(big))
                .when().post("/api/reports/v1/reports")
                .then().statusCode(413);
    }

    @Test
    void bodyUnderTheLimitIsForwarded() {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body("{\"x\":\"small\"}")
                .when().post("/api/reports/v1/reports")
                .then().statusCode(200).body("bodyLength", equalTo(13));
    }

    @Test
    void corsPreflightOnPublicRouteIsAnswered() {
        given().header("Origin", "https://app.example.org").header("Access-Control-Request-Method", "GET")
                .when().options("/public/disclosure/v1/entries")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", not(emptyOrNullString()));
        given().header("Origin", "https://app.example.org")
                .when().get("/public/reports/v1/x")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void noCorsOnAuthenticatedRoutes() {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler")).header("Origin", "https://app.example.org")
                .when().get("/api/reports/v1/x")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", (String) null);
    }
}
