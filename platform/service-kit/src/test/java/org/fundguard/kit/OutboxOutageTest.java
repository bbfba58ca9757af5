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

/** A broker outage: the event waits in the outbox, the service reports not ready, and after recovery it is published once. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = OwnKafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class OutboxOutageTest {

    @Test
    void eventSurvivesABrokerOutageAndIsPublishedOnceAfterIt() {
        OwnKafkaResource.broker().stop();
        try {
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
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then().statusCode(503));

            OwnKafkaResource.broker().start();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(Db.query("SELECT sent_at FROM outbox_event WHERE subject = ?", id).get(0).get("sent_at")).isNotNull());
            List<ConsumerRecord<String, String>> records = Topics.read(OwnKafkaResource.broker().bootstrapServers(), "test.widgets",
                    Duration.ofSeconds(10), rs -> false);
            assertThat(records.stream().filter(r -> id.equals(r.key())).count()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then().statusCode(200));
        } finally {
            OwnKafkaResource.broker().start();
        }
    }
}
