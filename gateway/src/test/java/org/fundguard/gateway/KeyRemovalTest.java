package org.fundguard.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.fundguard.testsupport.OwnRealmResource;
import org.fundguard.testsupport.RealmKeys;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keys are removed from the realm while the gateway runs (as a restart of the dev realm does): a token signed with the
 * removed key is refused (401 problem+json) within 30 s — although the gateway had verified and cached it, and
 * quarkus-oidc still holds the key it fetched — while a token signed with the new key is accepted. The realm is this
 * class's own copy, so the other tests' tokens keep working.
 */
@QuarkusTest
@WithTestResource(value = OwnRealmResource.class, parallel = true)
@WithTestResource(value = EchoUpstreamResource.class, parallel = true)
class KeyRemovalTest {

    private static final String ME = "/api/gateway/v1/me";

    @Test
    void tokenSignedWithARemovedKeyIsRefusedWithin30Seconds() {
        String old = OwnRealmResource.user("chuzhou-analyst");
        given().auth().oauth2(old).when().get(ME).then().statusCode(200);
        given().auth().oauth2(old).when().get(ME).then().statusCode(200);

        RealmKeys.rotate(OwnRealmResource.realm());
        assertThat(RealmKeys.published(OwnRealmResource.realm())).doesNotContain(RealmKeys.keyId(old));
        long removed = System.nanoTime();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(old).when().get(ME).then().statusCode(401).contentType("application/problem+json"));
        assertThat(Duration.ofNanos(System.nanoTime() - removed)).isLessThan(Duration.ofSeconds(30));

        String fresh = OwnRealmResource.user("chuzhou-analyst");
        assertThat(RealmKeys.keyId(fresh)).isNotEqualTo(RealmKeys.keyId(old));
        // a new key id makes the gateway read the JWKS again, at most every 10 s (ours) and 30 s (quarkus-oidc's)
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(fresh).when().get(ME).then().statusCode(200));
        given().auth().oauth2(old).when().get(ME).then().statusCode(401);
    }
}
