package org.fundguard.kit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fundguard.security.VerifiedTokenCache;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Services reuse the identity of a token quarkus-oidc verified (security-kit's cache, as the gateway does): the caller
 * served from the cache is the one the token names, and only verified tokens are kept.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class VerifiedTokenCacheTest {

    private static final String ME = "/api/widgets/v1/widgets/me";

    @Inject
    VerifiedTokenCache cache;

    /** A token of its own (not the shared cached one of {@link Tokens#user}), so this test sees it arrive. */
    private static String freshToken(String username) {
        return Tokens.request(Map.of("grant_type", "password", "client_id", "fundguard-cli", "username", username,
                "password", Tokens.DEMO_PASSWORD)).get("access_token").asText();
    }

    @Test
    void aVerifiedTokenIsKeptAndServesTheSameCaller() {
        String huaibei = freshToken("huaibei-report-handler");
        String chuzhou = freshToken("chuzhou-report-handler");
        assertThat(cache.holds(huaibei)).isFalse();

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(huaibei).when().get(ME).then().statusCode(200)
                    .body("username", equalTo("huaibei-report-handler"))
                    .body("roles", hasItem("report-handler"))
                    .body("region", equalTo("340600"));
            assertThat(cache.holds(huaibei)).as("kept after the first verification").isTrue();
        }
        given().auth().oauth2(chuzhou).when().get(ME).then().statusCode(200)
                .body("username", equalTo("chuzhou-report-handler")).body("region", equalTo("341100"));
        given().auth().oauth2(huaibei).when().get(ME).then().statusCode(200)
                .body("username", equalTo("huaibei-report-handler"));
    }

    @Test
    void aTokenThatFailsVerificationIsNeverKept() {
        String token = freshToken("chuzhou-report-handler");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        given().auth().oauth2(tampered).when().get(ME).then().statusCode(401);
        given().auth().oauth2(tampered).when().get(ME).then().statusCode(401);

        assertThat(cache.holds(tampered)).isFalse();
    }
}
