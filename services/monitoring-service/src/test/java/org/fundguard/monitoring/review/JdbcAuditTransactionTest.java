package org.fundguard.monitoring.review;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.outbox.Outbox;
import org.fundguard.kit.security.Caller;
import org.fundguard.monitoring.Db;
import org.fundguard.monitoring.JdbcTransaction;
import org.fundguard.monitoring.screening.ScreeningService;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The changes made on plain JDBC (a screening job started, a review sample drawn, reminders written) and their audit
 * entries are one transaction (service-kit's {@code AuditLog.record(Connection, …)} and {@code Outbox.append(Connection, …)}
 * on the connection of {@link JdbcTransaction}): both commit, or a failure of either leaves neither.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class JdbcAuditTransactionTest {

    @Inject
    ScreeningService screening;
    @Inject
    ReviewService reviews;
    @Inject
    DataSource dataSource;
    @Inject
    AuditLog audit;
    @Inject
    Outbox outbox;

    /** An auditor of Chuzhou whose audit entry cannot be written: its subject is longer than audit_log.actor_subject holds. */
    private static Caller unauditable(String username) {
        return new Caller("s".repeat(200), username, Set.of("auditor"), "341100", "A341100", null);
    }

    @Test
    void aScreeningJobWhoseAuditEntryFailsIsNotStored() {
        String who = "rollback-job-" + System.nanoTime();
        assertThatThrownBy(() -> screening.start(unauditable(who), "341100", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 31), null))
                .isInstanceOf(java.sql.SQLException.class);
        assertThat(Db.count("SELECT count(*) FROM screening_job WHERE started_by = ?", who)).isZero();
    }

    @Test
    void aSampleWhoseAuditEntryFailsIsNotStored() {
        String who = "rollback-sample-" + System.nanoTime();
        assertThatThrownBy(() -> reviews.drawSample(unauditable(who), "341100", ReviewService.SampleMethod.AMOUNT, 5, null))
                .isInstanceOf(java.sql.SQLException.class);
        assertThat(Db.count("SELECT count(*) FROM review_sample WHERE created_by = ?", who)).isZero();
    }

    @Test
    void aSampleAndItsAuditEntryAreWrittenByOneTransaction() throws Exception {
        Caller auditor = new Caller("sub-sampler", "sampler-" + System.nanoTime(), Set.of("auditor"), "341100", "A341100", null);
        ReviewService.Sample sample = reviews.drawSample(auditor, "341100", ReviewService.SampleMethod.AMOUNT, 5, null);
        // rows written by one transaction carry its id (xmin); review_sample rows are never updated afterwards
        assertThat(Db.count("SELECT count(*) FROM review_sample s JOIN audit_log a ON a.entity_id = s.id::text "
                + "AND a.action = 'review.sample-drawn' AND a.xmin::text = s.xmin::text WHERE s.id = ?::uuid", sample.id().toString()))
                .isEqualTo(1);
    }

    @Test
    void anAuditEntryOutsideATransactionIsRefused() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            assertThatThrownBy(() -> audit.record(c, Caller.system("test"), "x", "y", "z", null, null))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aFailureAfterTheAuditEntryAndTheEventLeavesNeither() throws Exception {
        String entity = UUID.randomUUID().toString();
        Caller actor = new Caller("sub-rollback", "rollback-" + System.nanoTime(), Set.of("auditor"), "341100", "A341100", null);
        assertThatThrownBy(() -> JdbcTransaction.run(dataSource, tx -> {
            audit.record(tx, actor, "test.changed", "test-entity", entity, null, Map.of("n", 1));
            outbox.append(tx, "test.changed.v1", entity, Map.of("n", 1));
            assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ?", entity))
                    .as("not visible outside the open transaction").isZero();
            throw new IllegalStateException("the change fails after its audit entry and its event");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ?", entity)).isZero();
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE subject = ?", entity)).isZero();

        JdbcTransaction.run(dataSource, tx -> {
            audit.record(tx, actor, "test.changed", "test-entity", entity, null, Map.of("n", 1));
            outbox.append(tx, "test.changed.v1", entity, Map.of("n", 1));
            return null;
        });
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ?", entity)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM outbox_event WHERE subject = ?", entity)).isEqualTo(1);
    }
}
