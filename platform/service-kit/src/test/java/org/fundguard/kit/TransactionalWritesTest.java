package org.fundguard.kit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.fundguard.kit.app.WidgetJdbcStore;
import org.fundguard.kit.app.WidgetPoolStore;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Audit entries and outbox events joining JDBC and reactive-pool transactions, not only Hibernate Reactive sessions. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class TransactionalWritesTest {

    @Inject
    WidgetJdbcStore jdbc;

    @Inject
    WidgetPoolStore pool;

    @Inject
    BusinessClock clock;

    private static long rows(String table, String column, UUID id) {
        return Db.count("SELECT count(*) FROM " + table + " WHERE " + column + " = ?", id.toString());
    }

    /** Waits for {@code committed} on Kafka, then reads every partition once more: {@code doomed} must not be there. */
    private static void assertPublishedAndNeverPublished(UUID committed, UUID doomed) {
        List<ConsumerRecord<String, String>> records = Topics.read(KafkaResource.bootstrapServers(), "test.widgets",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> committed.toString().equals(r.key())));
        ConsumerRecord<String, String> r = records.stream().filter(x -> committed.toString().equals(x.key())).findFirst()
                .orElseThrow(() -> new AssertionError("the committed event was not published"));
        assertThat(Topics.header(r, "ce_type")).isEqualTo("widget.created.v1");
        // the relay publishes in written order: past the committed event, the doomed one would have been sent already
        assertThat(Topics.read(KafkaResource.bootstrapServers(), "test.widgets", Duration.ofSeconds(3), rs -> false))
                .noneMatch(x -> doomed.toString().equals(x.key()));
        await().atMost(Duration.ofSeconds(10)).until(() -> Db.count(
                "SELECT count(*) FROM outbox_event WHERE subject = ? AND sent_at IS NOT NULL", committed.toString()) == 1);
    }

    @Test
    void aRolledBackJdbcTransactionLeavesNoAuditRowNoOutboxRowAndNothingOnKafka() throws Exception {
        UUID doomed = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        jdbc.create(doomed, "jdbc-doomed", true);
        jdbc.create(committed, "jdbc-committed", false);

        assertThat(rows("widget", "id::text", doomed)).isZero();
        assertThat(rows("audit_log", "entity_id", doomed)).isZero();
        assertThat(rows("outbox_event", "subject", doomed)).isZero();
        assertThat(rows("widget", "id::text", committed)).isEqualTo(1);
        assertThat(rows("audit_log", "entity_id", committed)).isEqualTo(1);
        assertThat(rows("outbox_event", "subject", committed)).isEqualTo(1);
        assertThat(Db.query("SELECT actor_subject, after_state::text AS after FROM audit_log WHERE entity_id = ?", committed.toString()).get(0))
                .containsEntry("actor_subject", "system:widget-jdbc")
                .containsEntry("after", "{\"name\": \"jdbc-committed\"}");
        assertPublishedAndNeverPublished(committed, doomed);
    }

    @Test
    void aRolledBackPoolTransactionLeavesNoAuditRowNoOutboxRowAndNothingOnKafka() throws Throwable {
        UUID doomed = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> pool.create(doomed, "pool-doomed", true)))
                .isInstanceOf(DomainException.StateConflict.class);
        VertxContextSupport.subscribeAndAwait(() -> pool.create(committed, "pool-committed", false));

        assertThat(rows("widget", "id::text", doomed)).isZero();
        assertThat(rows("audit_log", "entity_id", doomed)).isZero();
        assertThat(rows("outbox_event", "subject", doomed)).isZero();
        assertThat(rows("widget", "id::text", committed)).isEqualTo(1);
        assertThat(rows("audit_log", "entity_id", committed)).isEqualTo(1);
        assertThat(Db.query("SELECT payload->>'name' AS name FROM outbox_event WHERE subject = ?", committed.toString()).get(0))
                .containsEntry("name", "pool-committed");
        assertPublishedAndNeverPublished(committed, doomed);
    }

    @Test
    void auditTimeAndEventTimeAreBusinessTime() throws Exception {
        Instant at = Instant.parse("2026-10-10T01:30:00Z");
        UUID id = UUID.randomUUID();
        clock.set(Clock.fixed(at, BusinessClock.ZONE));
        try {
            jdbc.create(id, "business-time", false);
        } finally {
            clock.reset();
        }

        assertThat(((Timestamp) Db.query("SELECT at FROM audit_log WHERE entity_id = ?", id.toString()).get(0).get("at")).toInstant())
                .isEqualTo(at);
        Map<String, Object> event = Db.query("SELECT event_time, created_at FROM outbox_event WHERE subject = ?", id.toString()).get(0);
        assertThat(((Timestamp) event.get("event_time")).toInstant()).isEqualTo(at);
        // the relay's lag is measured from created_at: wall-clock time, whatever business time says
        assertThat(((Timestamp) event.get("created_at")).toInstant()).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void anAutoCommitConnectionIsRefused() {
        assertThatThrownBy(() -> jdbc.appendOnAutoCommit("autocommit"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the caller's transaction");
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE payload->>'name' = 'autocommit'")).isZero();
    }

    @Test
    void aPoolTransactionStartedOutsideAnyVertxContextStillWritesBoth() {
        // from a plain thread the pool's callbacks run on Vert.x's root context, where there is no request id
        UUID id = UUID.randomUUID();
        pool.create(id, "pool-plain-thread", false).await().atMost(Duration.ofSeconds(10));

        assertThat(rows("audit_log", "entity_id", id)).isEqualTo(1);
        assertThat(rows("outbox_event", "subject", id)).isEqualTo(1);
    }

    @Test
    void thePoolItselfIsRefused() {
        assertThatThrownBy(() -> pool.appendOnThePool("on-the-pool").await().atMost(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pool.withTransaction");
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE payload->>'name' = 'on-the-pool'")).isZero();
    }
}
