package org.fundguard.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.kit.tx.CallerTransaction;
import org.fundguard.kit.tx.JdbcTransaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Appends events to the outbox in the caller's current transaction: call it from a {@code @WithTransaction} method,
 * so the change and its event commit together (or not at all); outside a transaction it fails. The relay publishes
 * them afterwards. Besides the Hibernate Reactive session's transaction, an event can join a reactive-pool
 * transaction (pass the connection of {@code pool.withTransaction(conn -> …)}) or a JDBC one (auto-commit off).
 * {@code event_time} ({@code ce_time}) is business time ({@link BusinessClock}); {@code created_at}, which the relay's
 * lag is measured from, is the system clock's.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxConfig config;
    private final ObjectMapper json;
    private final BusinessClock clock;

    public Outbox(OutboxConfig config, ObjectMapper json, BusinessClock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    private static final String INSERT = "INSERT INTO outbox_event (id, type, source, subject, topic, event_time, payload, created_at) VALUES ";
    private static final String INSERT_REACTIVE = INSERT + "($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8) RETURNING seq";
    private static final String INSERT_JDBC = INSERT + "(?, ?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING seq";

    /**
     * Appends an event of {@code type} (e.g. {@code report.received.v1}) about the aggregate {@code aggregateId}
     * (the Kafka key and {@code ce_subject}) with {@code payload} serialised as JSON, to this service's topic.
     */
    public Uni<OutboxEvent> append(String type, String aggregateId, Object payload) {
        return append(config.topic(), type, aggregateId, payload);
    }

    /** The same, to another topic of this service. */
    public Uni<OutboxEvent> append(String topic, String type, String aggregateId, Object payload) {
        OutboxEvent e;
        try {
            e = event(topic, type, aggregateId, payload);
        } catch (IllegalArgumentException ex) {
            return Uni.createFrom().failure(ex);
        }
        return CallerTransaction.session("Outbox.append").chain(s -> s.persist(e)).replaceWith(e);
    }

    /**
     * Appends an event to this service's topic in the reactive-pool transaction {@code tx} (the connection
     * {@code pool.withTransaction} passes); a pool or a connection without a transaction is refused.
     */
    public Uni<OutboxEvent> append(SqlClient tx, String type, String aggregateId, Object payload) {
        OutboxEvent e;
        try {
            e = event(config.topic(), type, aggregateId, payload);
        } catch (IllegalArgumentException ex) {
            return Uni.createFrom().failure(ex);
        }
        Tuple row = Tuple.from(new Object[]{e.id, e.type, e.source, e.subject, e.topic, e.time, e.payload, e.createdAt});
        return JdbcTransaction.require(tx, "Outbox.append")
                .chain(c -> c.preparedQuery(INSERT_REACTIVE).execute(row))
                .map(rows -> {
                    e.seq = rows.iterator().next().getLong("seq");
                    return e;
                });
    }

    /**
     * Appends an event to this service's topic in the JDBC transaction of {@code tx} (blocking).
     *
     * @throws IllegalStateException when {@code tx} is in auto-commit mode (the event would outlive a rollback)
     */
    public OutboxEvent append(Connection tx, String type, String aggregateId, Object payload) throws SQLException {
        JdbcTransaction.require(tx, "Outbox.append");
        OutboxEvent e = event(config.topic(), type, aggregateId, payload);
        try (PreparedStatement ps = tx.prepareStatement(INSERT_JDBC)) {
            Object[] values = {e.id, e.type, e.source, e.subject, e.topic, e.time, e.payload, e.createdAt};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                e.seq = rs.getLong(1);
            }
        }
        return e;
    }

    private OutboxEvent event(String topic, String type, String aggregateId, Object payload) {
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.type = type;
        e.source = config.source();
        e.subject = aggregateId;
        e.topic = topic;
        e.time = clock.now();
        e.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            e.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("event payload is not serialisable: " + ex.getOriginalMessage(), ex);
        }
        return e;
    }
}
