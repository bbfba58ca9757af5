package org.fundguard.kit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class IdempotentConsumerTest {

    private static Map<String, String> headers(String id) {
        return Map.of("ce_id", id, "ce_type", "widget.created.v1", "ce_specversion", "1.0", "ce_source", "/test");
    }

    private static long tally(String name) {
        List<Map<String, Object>> rows = Db.query("SELECT count FROM widget_tally WHERE name = ?", name);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
    }

    @Test
    void sameEventDeliveredTwiceTakesEffectOnce() {
        String name = "twice-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String servers = KafkaResource.bootstrapServers();
        Topics.send(servers, "test.tally", name, "{\"name\":\"" + name + "\"}", headers(id));
        Topics.send(servers, "test.tally", name, "{\"name\":\"" + name + "\"}", headers(id));
        // a third, distinct event after both copies: once it counts, both copies have been consumed
        Topics.send(servers, "test.tally", name, "{\"name\":\"" + name + "\"}", headers(UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> tally(name) == 2);
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE consumer = 'widget-tally' AND event_id = ?", id)).isEqualTo(1);
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicWithItsErrorAndConsumingGoesOn() {
        String servers = KafkaResource.bootstrapServers();
        String poisonId = UUID.randomUUID().toString();
        String key = "poison-" + poisonId;
        Topics.send(servers, "test.tally", key, "this is not json", headers(poisonId));
        String next = "after-poison-" + UUID.randomUUID();
        Topics.send(servers, "test.tally", next, "{\"name\":\"" + next + "\"}", headers(UUID.randomUUID().toString()));

        List<ConsumerRecord<String, String>> dead = Topics.read(servers, "test.tally.dlq", Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> key.equals(r.key())));
        ConsumerRecord<String, String> r = dead.stream().filter(x -> key.equals(x.key())).findFirst().orElseThrow();
        assertThat(r.value()).isEqualTo("this is not json");
        assertThat(Topics.header(r, "dead-letter-reason")).contains("payload is not JSON");
        assertThat(Topics.header(r, "ce_id")).isEqualTo(poisonId);
        await().atMost(Duration.ofSeconds(30)).until(() -> tally(next) == 1);
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", poisonId)).isZero();
    }

    @Test
    void messageWithoutEventIdIsPoison() {
        String servers = KafkaResource.bootstrapServers();
        String key = "no-id-" + UUID.randomUUID();
        Topics.send(servers, "test.tally", key, "{\"name\":\"" + key + "\"}", Map.of("ce_type", "widget.created.v1"));
        List<ConsumerRecord<String, String>> dead = Topics.read(servers, "test.tally.dlq", Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(x -> key.equals(x.key())));
        assertThat(dead).anyMatch(x -> key.equals(x.key()) && Topics.header(x, "dead-letter-reason").contains("ce_id"));
        assertThat(tally(key)).isZero();
    }
}
