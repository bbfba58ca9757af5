package org.fundguard.report;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.OwnRealmResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.RealmKeys;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service, like the gateway, refuses a token signed with a key the realm no longer publishes within 30 s (the
 * service kit's token check, platform/security-kit's SigningKeys), and accepts one signed with the new key. The realm
 * is this class's own copy, so the other tests' tokens keep working.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = OwnRealmResource.class, parallel = true)
class KeyRemovalTest {

    private static final String REPORTS = "/api/reports/v1/reports";

    @Test
    void tokenSignedWithARemovedKeyIsRefusedWithin30Seconds() {
        String old = OwnRealmResource.user("chuzhou-report-handler");
        given().auth().oauth2(old).when().get(REPORTS).then().statusCode(200);

        RealmKeys.rotate(OwnRealmResource.realm());
        long removed = System.nanoTime();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(old).when().get(REPORTS).then().statusCode(401).contentType("application/problem+json"));
        assertThat(Duration.ofNanos(System.nanoTime() - removed)).isLessThan(Duration.ofSeconds(30));

        String fresh = OwnRealmResource.user("chuzhou-report-handler");
        assertThat(RealmKeys.keyId(fresh)).isNotEqualTo(RealmKeys.keyId(old));
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(fresh).when().get(REPORTS).then().statusCode(200));
    }
}
