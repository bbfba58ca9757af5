package org.fundguard.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = KeycloakResource.class, parallel = true)
@WithTestResource(value = EchoUpstreamResource.class, parallel = true)
class GatewayAccessTest {

    @Test
    void rejectsCallWithoutTokenAsProblem() {
        given().when().get("/api/gateway/v1/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
        given().when().get("/api/reports/v1/reports")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void acceptsDemoUserTokenFromRealKeycloak() {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .when().get("/api/gateway/v1/me")
                .then().statusCode(200)
                .body("username", equalTo("chuzhou-report-handler"))
                .body("region", equalTo("341100"))
                .body("roles", hasItem("report-handler"));
    }

    @Test
    void partnerAgencyTokenCarriesAgency() {
        given().auth().oauth2(Tokens.client("agency-police", "dev-police-secret"))
                .when().get("/api/gateway/v1/me")
                .then().statusCode(200)
                .body("agency", equalTo("POLICE"))
                .body("roles", hasItem("partner-agency"));
    }

    @Test
    void rejectsTokenWithBadSignature() {
        String token = Tokens.user("anhui-analyst");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(forged).when().get("/api/gateway/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(forged).when().get("/api/reports/v1/reports")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void rejectsTokenWithTamperedClaims() {
        String token = Tokens.user("chuzhou-analyst");
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String tampered = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"341100\"", "\"340000\"").getBytes());
        given().auth().oauth2(parts[0] + "." + tampered + "." + parts[2])
                .when().get("/api/gateway/v1/me").then().statusCode(401);
    }

    @Test
    void rejectsTokenFromAnotherRealm() {
        String master = Tokens.request(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"), "master").get("access_token").asText();
        given().auth().oauth2(master).when().get("/api/gateway/v1/me").then().statusCode(401);
    }

    @Test
    void forbidsRouteWithoutRequiredRole() {
        given().auth().oauth2(Tokens.user("chuzhou-auditor"))
                .when().get("/api/reports/v1/reports")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void forwardsPathBodyTokenAndRequestId() {
        String body = given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .header("X-Request-Id", "test-request-0001")
                .contentType(ContentType.JSON).body("{\"hello\":\"世界\"}")
                .when().post("/api/reports/v1/reports?page=0")
                .then().statusCode(200)
                .header("X-Request-Id", "test-request-0001")
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/reports/v1/reports?page=0"))
                .body("headers.x-request-id", equalTo("test-request-0001"))
                .body("headers.authorization", containsString("Bearer "))
                .body("headers.x-forwarded-for", not(emptyOrNullString()))
                .extract().asString();
        assertThat(body).contains("\"bodyLength\":" + "{\"hello\":\"世界\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void createsRequestIdWhenAbsent() {
        given().when().get("/public/reports/v1/ping")
                .then().statusCode(200)
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("headers.x-request-id", not(emptyOrNullString()));
    }

    @Test
    void publicRouteNeedsNoToken() {
        given().when().get("/public/reports/v1/receipts/ABC")
                .then().statusCode(200)
                .body("uri", equalTo("/public/reports/v1/receipts/ABC"));
    }

    @Test
    void stoppedUpstreamGivesBadGatewayProblem() {
        given().auth().oauth2(Tokens.user("huaibei-auditor"))
                .when().get("/api/monitoring/v1/findings")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("status", equalTo(502))
                .body("traceId", not(emptyOrNullString()));
    }

    @Test
    void slowUpstreamGivesGatewayTimeoutProblem() {
        given().when().get("/public/disclosure/v1/slow")
                .then().statusCode(504)
                .contentType("application/problem+json");
    }

    @Test
    void servesEachServiceOpenApiAndOnePageListingThem() {
        given().when().get("/q/services/reports/openapi")
                .then().statusCode(200)
                .body("uri", equalTo("/q/openapi"));
        given().when().get("/q/services/nosuch/openapi")
                .then().statusCode(404).contentType("application/problem+json");
        String page = given().when().get("/q/swagger-ui/index.html").then().statusCode(200).extract().asString();
        String config = page + given().when().get("/q/swagger-ui/").then().extract().asString();
        assertThat(config).contains("/q/services/reports/openapi").contains("/q/services/disclosure/openapi");
    }

    @Test
    void rejectsExpiredToken() throws Exception {
        // a throwaway client whose tokens live 2 seconds, made through Keycloak's admin API
        String admin = Tokens.request(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"), "master").get("access_token").asText();
        String clientId = "expiry-" + java.util.UUID.randomUUID();
        String base = org.fundguard.testsupport.TestStack.keycloak().url();
        java.net.http.HttpResponse<String> created = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/admin/realms/fundguard/clients"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + clientId + "\","
                                + "\"secret\":\"s3cret\",\"publicClient\":false,\"serviceAccountsEnabled\":true,"
                                + "\"standardFlowEnabled\":false,\"attributes\":{\"access.token.lifespan\":\"2\"},"
                                + "\"protocolMappers\":[{\"name\":\"audience\",\"protocol\":\"openid-connect\","
                                + "\"protocolMapper\":\"oidc-audience-mapper\",\"config\":{\"included.custom.audience\":\"fundguard\","
                                + "\"access.token.claim\":\"true\"}}]}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String token = Tokens.request(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", "s3cret")).get("access_token").asText();
        given().auth().oauth2(token).when().get("/api/gateway/v1/me").then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).pollInterval(java.time.Duration.ofMillis(500))
                .untilAsserted(() -> given().auth().oauth2(token).when().get("/api/gateway/v1/me")
                        .then().statusCode(401).contentType("application/problem+json"));
    }
}
