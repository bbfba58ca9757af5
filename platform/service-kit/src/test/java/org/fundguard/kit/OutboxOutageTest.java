package org.fundguard.kit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.OwnKafkaResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A broker outage, on a broker this test JVM owns: readiness (not liveness) goes DOWN, an event written meanwhile
 * waits in the outbox with its error recorded, and after recovery it is published exactly once.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = OwnKafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class OutboxOutageTest {

    private static final String OUTBOX_CHECK = "checks.find { it.name == 'outbox' }";

    @Test
    void eventSurvivesABrokerOutageAndIsPublishedOnceAfterIt() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().body(OUTBOX_CHECK + ".status", equalTo("UP")));

        OwnKafkaResource.broker().stop();
        try {
            // nothing waits to be published, yet the relay's probe notices the broker is gone
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                    .then().statusCode(503)
                    .body(OUTBOX_CHECK + ".status", equalTo("DOWN"))
                    .body(OUTBOX_CHECK + ".data.kafka", notNullValue())
                    .body(OUTBOX_CHECK + ".data.reason", equalTo("Kafka unreachable")));
            // liveness never depends on the broker: a restart would not bring it back
            given().when().get("/q/health/live").then().statusCode(200)
                    .body("checks.name", not(hasItem("outbox")));

            String id = given().auth().oauth2(Tokens.user("huaibei-report-handler"))
                    .contentType(ContentType.JSON).body("{\"name\":\"during-outage\"}")
                    .when().post("/api/widgets/v1/widgets")
                    .then().statusCode(201).extract().path("id");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, Object> row = Db.query("SELECT sent_at, attempts, last_error FROM outbox_event WHERE subject = ?", id).get(0);
                assertThat(row.get("sent_at")).isNull();
                assertThat((Integer) row.get("attempts")).isPositive();
                assertThat((String) row.get("last_error")).isNotBlank();
            });

            OwnKafkaResource.broker().start();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(Db.query("SELECT sent_at FROM outbox_event WHERE subject = ?", id).get(0).get("sent_at")).isNotNull());
            List<ConsumerRecord<String, String>> records = Topics.read(OwnKafkaResource.broker().bootstrapServers(), "test.widgets",
                    Duration.ofSeconds(10), rs -> false);
            assertThat(records.stream().filter(r -> id.equals(r.key()))).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                    .then().body(OUTBOX_CHECK + ".status", equalTo("UP")));
        } finally {
            OwnKafkaResource.broker().start();
        }
    }
}
