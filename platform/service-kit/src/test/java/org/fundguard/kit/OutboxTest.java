package org.fundguard.kit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fundguard.kit.outbox.OutboxRelay;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class OutboxTest {

    private String create(String name, String path, int status) {
        return given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .when().post("/api/widgets/v1/widgets" + path)
                .then().statusCode(status).extract().asString();
    }

    @Test
    void committedEventReachesKafkaWithCloudEventsHeadersAndKeyAndIsMarkedSent() {
        String name = "committed-" + UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .when().post("/api/widgets/v1/widgets")
                .then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = Topics.read(KafkaResource.bootstrapServers(), "test.widgets",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> id.equals(r.key())));
        ConsumerRecord<String, String> r = records.stream().filter(x -> id.equals(x.key())).findFirst().orElseThrow();
        assertThat(r.value()).contains(name);
        assertThat(Topics.header(r, "ce_specversion")).isEqualTo("1.0");
        assertThat(Topics.header(r, "ce_type")).isEqualTo("widget.created.v1");
        assertThat(Topics.header(r, "ce_source")).isEqualTo("/fundguard/service-kit-test");
        assertThat(Topics.header(r, "ce_subject")).isEqualTo(id);
        assertThat(Topics.header(r, "content-type")).isEqualTo("application/json");
        assertThat(OffsetDateTime.parse(Topics.header(r, "ce_time"))).isBefore(OffsetDateTime.now().plusSeconds(1));
        String ceId = Topics.header(r, "ce_id");
        assertThat(UUID.fromString(ceId)).isNotNull();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Db.query("SELECT sent_at FROM outbox_event WHERE id = ?::uuid", ceId).get(0).get("sent_at")).isNotNull());
    }

    @Test
    void eventOfARolledBackTransactionIsNeverWrittenNorPublished() {
        String doomed = "doomed-" + UUID.randomUUID();
        create(doomed, "/rollback", 409);
        // a later committed event proves the relay has run past the point where the doomed one would have been
        String after = "after-" + UUID.randomUUID();
        create(after, "", 201);

        List<ConsumerRecord<String, String>> records = Topics.read(KafkaResource.bootstrapServers(), "test.widgets",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> r.value().contains(after)));
        assertThat(records).anyMatch(r -> r.value().contains(after));
        // the relay publishes in written order, so it has passed the doomed event's place; a full read of every
        // partition for a bounded while must still not find it
        assertThat(Topics.read(KafkaResource.bootstrapServers(), "test.widgets", Duration.ofSeconds(3), rs -> false))
                .anyMatch(r -> r.value().contains(after))
                .noneMatch(r -> r.value().contains(doomed));
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE payload::text LIKE ?", "%" + doomed + "%")).isZero();
        assertThat(Db.count("SELECT count(*) FROM widget WHERE name = ?", doomed)).isZero();
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE after_state::text LIKE ?", "%" + doomed + "%")).isZero();
    }

    @Test
    void appendOutsideATransactionIsRefused() {
        String name = "no-transaction-" + UUID.randomUUID();
        create(name, "/outside-transaction", 500);
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE payload::text LIKE ?", "%" + name + "%")).isZero();
    }

    @Test
    void eventsOfOneAggregateArePublishedOnceInTheOrderTheyWereWritten() {
        String token = Tokens.user("chuzhou-report-handler");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"v1\"}")
                .when().post("/api/widgets/v1/widgets").then().statusCode(201).extract().path("id");
        for (String name : List.of("v2", "v3")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                    .when().put("/api/widgets/v1/widgets/" + id + "/name").then().statusCode(200);
        }
        List<ConsumerRecord<String, String>> records = Topics.read(KafkaResource.bootstrapServers(), "test.widgets",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains("v3")));

        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> id.equals(r.key()))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset)).toList();
        assertThat(mine).extracting(r -> Topics.header(r, "ce_type"))
                .containsExactly("widget.created.v1", "widget.renamed.v1", "widget.renamed.v1");
        assertThat(mine).extracting(ConsumerRecord::value).satisfiesExactly(
                v -> assertThat(v).contains("v1"), v -> assertThat(v).contains("v2"), v -> assertThat(v).contains("v3"));
        assertThat(mine).extracting(ConsumerRecord::partition).containsOnly(mine.get(0).partition());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Db.query(
                "SELECT attempts, sent_at, last_error FROM outbox_event WHERE subject = ?", id))
                .hasSize(3)
                .allSatisfy(row -> {
                    assertThat(row.get("sent_at")).isNotNull();
                    assertThat(row.get("attempts")).isEqualTo(1);
                    assertThat(row.get("last_error")).isNull();
                }));
    }

    @Test
    void whileAnotherReplicaRelaysThisOneWaitsItsTurn() throws Exception {
        String name = "turn-" + UUID.randomUUID();
        try (Connection otherReplica = Db.holdAdvisoryLock(OutboxRelay.RELAY_LOCK)) {
            create(name, "", 201);
            // several passes run meanwhile; none may publish while the other replica holds the relay lock
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(Db.query("SELECT sent_at FROM outbox_event WHERE payload::text LIKE ?", "%" + name + "%").get(0)
                            .get("sent_at")).isNull());
            otherReplica.rollback();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Db.query("SELECT sent_at FROM outbox_event WHERE payload::text LIKE ?", "%" + name + "%").get(0)
                        .get("sent_at")).isNotNull());
    }
}
