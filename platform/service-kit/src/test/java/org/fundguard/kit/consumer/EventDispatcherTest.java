package org.fundguard.kit.consumer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fundguard.kit.Db;
import org.fundguard.kit.Topics;
import org.fundguard.kit.app.WidgetEventsConsumer;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class EventDispatcherTest {

    private static final String TOPIC = "test.widget-events";
    private static final String DLQ = "test.widget-events.dlq";

    private static Map<String, String> headers(String id, String type) {
        return Map.of("ce_id", id, "ce_type", type, "ce_specversion", "1.0", "ce_source", "/test", "ce_subject", "agg-1");
    }

    private static void send(String key, String payload, String id, String type) {
        Topics.send(KafkaResource.bootstrapServers(), TOPIC, key, payload, headers(id, type));
    }

    private static long tally(String name) {
        List<Map<String, Object>> rows = Db.query("SELECT count FROM widget_tally WHERE name = ?", name);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
    }

    /** A known event after the others on the same key (same partition): once it counts, the ones before were consumed. */
    private static void sendSentinelAndAwait(String key) {
        String sentinel = key + "-sentinel";
        send(key, "{\"name\":\"" + sentinel + "\",\"amount\":1}", UUID.randomUUID().toString(), WidgetEventsConsumer.COUNTED);
        await().atMost(Duration.ofSeconds(30)).until(() -> tally(sentinel) == 1);
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String key, Duration within) {
        return Topics.read(KafkaResource.bootstrapServers(), DLQ, within, rs -> rs.stream().anyMatch(r -> key.equals(r.key())))
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    @Test
    void anEventWithAnExtraFieldTakesEffectOnceAndIsNotDeadLettered() {
        String name = "extra-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String payload = "{\"name\":\"" + name + "\",\"amount\":5,\"addedInALaterRelease\":{\"colour\":\"blue\"}}";
        send(name, payload, id, WidgetEventsConsumer.COUNTED);
        send(name, payload, id, WidgetEventsConsumer.COUNTED);
        sendSentinelAndAwait(name);

        assertThat(tally(name)).isEqualTo(5);
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE consumer = 'widget-events' AND event_id = ?", id)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ?", name)).isEqualTo(1);
        assertThat(deadLetters(name, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void anEventMissingARequiredFieldGoesToTheDeadLetterTopicNamingIt() {
        String key = "missing-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        send(key, "{\"name\":\"" + key + "\"}", id, WidgetEventsConsumer.COUNTED);

        List<ConsumerRecord<String, String>> dead = deadLetters(key, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(Topics.header(dead.get(0), "dead-letter-reason")).isEqualTo("payload field 'amount' must not be null");
        assertThat(Topics.header(dead.get(0), "ce_id")).isEqualTo(id);
        assertThat(tally(key)).isZero();
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", id)).isZero();
    }

    @Test
    void anUnknownTypeIsAcknowledgedWithoutEffectAndNotDeadLettered() {
        String name = "unknown-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        send(name, "{\"name\":\"" + name + "\",\"amount\":7}", id, "widget.polished.v1");
        sendSentinelAndAwait(name);

        assertThat(tally(name)).isZero();
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", id)).isZero();
        assertThat(deadLetters(name, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aHandlerCanReadTheEnvelope() {
        String name = "discarded-" + UUID.randomUUID();
        send(name, "{\"name\":\"" + name + "\"}", UUID.randomUUID().toString(), WidgetEventsConsumer.DISCARDED);

        await().atMost(Duration.ofSeconds(30)).until(() -> tally(name + "@agg-1") == -1);
    }

    @Test
    void aTypeHasOneHandler() {
        EventDispatcher.Builder b = EventDispatcher.forConsumer("twice").on("a.b.v1", String.class, s -> null);

        assertThatThrownBy(() -> b.on("a.b.v1", String.class, s -> null)).hasMessageContaining("two handlers for a.b.v1");
    }
}
