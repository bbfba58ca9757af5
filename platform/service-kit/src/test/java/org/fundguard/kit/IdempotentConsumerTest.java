package org.fundguard.kit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fundguard.kit.app.WidgetTallyConsumer;
import org.fundguard.kit.consumer.IdempotentConsumer;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class IdempotentConsumerTest {

    private static final String TOPIC = "test.tally";
    private static final String DLQ = "test.tally.dlq";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    WidgetTallyConsumer tallyConsumer;

    private static Map<String, String> headers(String id) {
        return Map.of("ce_id", id, "ce_type", "widget.created.v1", "ce_specversion", "1.0", "ce_source", "/test");
    }

    private static long tally(String name) {
        List<Map<String, Object>> rows = Db.query("SELECT count FROM widget_tally WHERE name = ?", name);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
    }

    private static String event(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    private static ConsumerRecord<String, String> deadLetter(String key) {
        List<ConsumerRecord<String, String>> dead = Topics.read(KafkaResource.bootstrapServers(), DLQ, Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> key.equals(r.key())));
        return dead.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("nothing with key " + key + " on " + DLQ));
    }

    @Test
    void sameEventDeliveredTwiceTakesEffectOnce() {
        String name = "twice-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String servers = KafkaResource.bootstrapServers();
        Topics.send(servers, TOPIC, name, event(name), headers(id));
        Topics.send(servers, TOPIC, name, event(name), headers(id));
        // a third, distinct event after both copies (same key, same partition): once it counts, both copies were consumed
        Topics.send(servers, TOPIC, name, event(name), headers(UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> tally(name) == 2);
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE consumer = 'widget-tally' AND event_id = ?", id)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ?", name)).isEqualTo(2);
    }

    @Test
    void secondCallWithTheSameEventIdDoesNotRunTheEffect() throws Throwable {
        String id = UUID.randomUUID().toString();
        AtomicInteger runs = new AtomicInteger();

        Boolean first = VertxContextSupport.subscribeAndAwait(() -> consumer.once("direct", id,
                () -> Uni.createFrom().item(runs::incrementAndGet)));
        Boolean second = VertxContextSupport.subscribeAndAwait(() -> consumer.once("direct", id,
                () -> Uni.createFrom().item(runs::incrementAndGet)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(runs).hasValue(1);
    }

    @Test
    void failedEffectRecordsNothingSoTheEventCanBeProcessedAgain() throws Throwable {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> consumer.once("direct", id,
                () -> Uni.createFrom().failure(new IllegalStateException("database hiccup")))))
                .hasMessage("database hiccup");
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE consumer = 'direct' AND event_id = ?", id)).isZero();

        Boolean retried = VertxContextSupport.subscribeAndAwait(() -> consumer.once("direct", id, () -> Uni.createFrom().voidItem()));
        assertThat(retried).isTrue();
    }

    @Test
    void effectOfAConsumerIsAuditedAsTheSystem() {
        String name = "system-" + UUID.randomUUID();
        Topics.send(KafkaResource.bootstrapServers(), TOPIC, name, event(name), headers(UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> tally(name) == 1);
        Map<String, Object> entry = Db.query("SELECT * FROM audit_log WHERE entity_id = ?", name).get(0);
        assertThat(entry.get("actor_subject")).isEqualTo("system:fundguard-service-kit");
        assertThat(entry.get("request_id")).isNull();
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicWithItsErrorAndConsumingGoesOn() {
        String servers = KafkaResource.bootstrapServers();
        String poisonId = UUID.randomUUID().toString();
        String key = "poison-" + poisonId;
        String payload = "this is not json " + poisonId;
        Topics.send(servers, TOPIC, key, payload, headers(poisonId));
        String next = "after-poison-" + UUID.randomUUID();
        Topics.send(servers, TOPIC, next, event(next), headers(UUID.randomUUID().toString()));

        ConsumerRecord<String, String> r = deadLetter(key);
        assertThat(r.value()).isEqualTo(payload);
        assertThat(Topics.header(r, "dead-letter-reason")).contains("payload is not JSON");
        assertThat(Topics.header(r, "dead-letter-topic")).isEqualTo(TOPIC);
        assertThat(Topics.header(r, "ce_id")).isEqualTo(poisonId);
        await().atMost(Duration.ofSeconds(30)).until(() -> tally(next) == 1);
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", poisonId)).isZero();
        // poison is not retried
        assertThat(tallyConsumer.attempts(payload)).isEqualTo(1);
    }

    @Test
    void messageWithoutEventIdIsPoison() {
        String key = "no-id-" + UUID.randomUUID();
        Topics.send(KafkaResource.bootstrapServers(), TOPIC, key, event(key), Map.of("ce_type", "widget.created.v1"));
        assertThat(Topics.header(deadLetter(key), "dead-letter-reason")).contains("ce_id");
        assertThat(tally(key)).isZero();
    }

    @Test
    void transientFailureIsRetriedAndTakesEffectOnce() {
        String name = "flaky-" + UUID.randomUUID();
        String payload = "{\"name\":\"" + name + "\",\"failures\":2}";
        Topics.send(KafkaResource.bootstrapServers(), TOPIC, name, payload, headers(UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> tally(name) == 1);
        assertThat(tallyConsumer.attempts(payload)).isEqualTo(3);
    }

    @Test
    void failureThatOutlastsTheRetriesGoesToTheDeadLetterTopic() {
        String name = "broken-" + UUID.randomUUID();
        String payload = "{\"name\":\"" + name + "\",\"failures\":99}";
        String id = UUID.randomUUID().toString();
        Topics.send(KafkaResource.bootstrapServers(), TOPIC, name, payload, headers(id));

        ConsumerRecord<String, String> r = deadLetter(name);
        assertThat(Topics.header(r, "dead-letter-reason")).contains("transient failure 4");
        // one try and fundguard.consumer.max-retries (3) retries, then no more
        assertThat(tallyConsumer.attempts(payload)).isEqualTo(4);
        assertThat(tally(name)).isZero();
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", id)).isZero();
    }
}
