package org.fundguard.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.fundguard.kit.request.RequestId;
import org.fundguard.kit.security.Caller;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Audit entries written on an open plain-JDBC transaction, into service-kit's {@code audit_log} with the columns
 * {@code AuditLog} fills: a change made with JDBC (sampling, screening jobs, reminders) and its entry commit or roll
 * back together. service-kit's {@code AuditLog} joins only a Hibernate Reactive session today; once the kit audits on
 * JDBC and pool transactions itself (issue 12 §2), its call replaces this class.
 */
public final class JdbcAudit {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String INSERT = "INSERT INTO audit_log (id, at, actor_subject, actor_username, actor_agency, actor_region, "
            + "action, entity_type, entity_id, request_id, before_state, after_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)";

    private JdbcAudit() {
    }

    /**
     * Records a change made by {@code actor} in the transaction {@code tx} is running; {@code before}/{@code after} are
     * serialised as JSON. Refuses a connection in auto-commit mode: the entry would survive the change's rollback.
     */
    public static void record(Connection tx, Caller actor, String action, String entityType, String entityId, Object before,
                              Object after) throws SQLException {
        if (tx.getAutoCommit()) {
            throw new IllegalStateException("an audit entry must be written inside the change's transaction (auto-commit is on)");
        }
        try (PreparedStatement ps = tx.prepareStatement(INSERT)) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(3, actor.subject());
            ps.setString(4, actor.username());
            ps.setString(5, actor.agency());
            ps.setString(6, actor.region());
            ps.setString(7, action);
            ps.setString(8, entityType);
            ps.setString(9, entityId);
            ps.setString(10, RequestId.current().orElse(null));
            ps.setString(11, json(before));
            ps.setString(12, json(after));
            ps.executeUpdate();
        }
    }

    private static String json(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit state is not serialisable: " + e.getOriginalMessage(), e);
        }
    }
}
