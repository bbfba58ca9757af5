package org.fundguard.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.TestStack;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys rotate in Keycloak while the gateway runs: a token signed with a new key (a kid the gateway has not cached)
 * is verified once the gateway fetches the new JWKS (within 30 s), without a restart. The added key is removed afterwards, so
 * the realm signs with its original key again for the tests that follow.
 */
@QuarkusTest
@WithTestResource(value = KeycloakResource.class, parallel = true)
@WithTestResource(value = EchoUpstreamResource.class, parallel = true)
class KeyRotationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tokenSignedWithANewlyAddedKeyIsAccepted() throws Exception {
        given().auth().oauth2(Tokens.user("chuzhou-analyst")).when().get("/api/gateway/v1/me").then().statusCode(200);
        String admin = Tokens.request(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"), "master").get("access_token").asText();
        String realmId = get("/admin/realms/fundguard", admin).get("id").asText();
        String providerName = "rotated-" + UUID.randomUUID();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(TestStack.keycloak().url() + "/admin/realms/fundguard/components"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "name", providerName, "providerId", "rsa-generated",
                        "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                        "config", Map.of("priority", new String[] {"1000"}, "keySize", new String[] {"2048"},
                                "active", new String[] {"true"}, "enabled", new String[] {"true"},
                                "algorithm", new String[] {"RS256"}))))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        try {
            String token = Tokens.request(Map.of("grant_type", "password", "client_id", "fundguard-cli",
                    "username", "chuzhou-analyst", "password", Tokens.DEMO_PASSWORD)).get("access_token").asText();
            String kid = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0])).get("kid").asText();
            String oldKid = JSON.readTree(Base64.getUrlDecoder().decode(Tokens.user("chuzhou-analyst").split("\\.")[0])).get("kid").asText();
            assertThat(kid).as("the new token is signed with the new key").isNotEqualTo(oldKid);
            // the gateway fetches the new JWKS on the unknown key id, at most every 30 s (another test may just
            // have used that allowance with a foreign token)
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(45)).pollInterval(java.time.Duration.ofSeconds(2))
                    .untilAsserted(() -> given().auth().oauth2(token).when().get("/api/gateway/v1/me").then().statusCode(200));
        } finally {
            String id = r.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1)).orElseThrow();
            HTTP.send(HttpRequest.newBuilder(URI.create(TestStack.keycloak().url() + "/admin/realms/fundguard/components/" + id))
                    .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static JsonNode get(String path, String token) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(TestStack.keycloak().url() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
