package org.fundguard.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fundguard.kit.request.RequestId;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.kit.tx.CallerTransaction;
import org.fundguard.kit.tx.JdbcTransaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Writes audit entries in the caller's current transaction, so an audited change and its entry commit or roll back
 * together. The actor comes from the verified token of the request, or is {@code system:<name>} outside requests.
 * Three kinds of transaction: the Hibernate Reactive session's ({@code @WithTransaction}), a reactive-pool connection's
 * ({@code pool.withTransaction(conn -> …)}, pass {@code conn}) and a JDBC connection's (auto-commit off).
 */
@ApplicationScoped
public class AuditLog {

    private final Instance<CurrentCaller> caller;
    private final Instance<CurrentVertxRequest> httpRequest;
    private final ObjectMapper json;
    private final BusinessClock clock;
    private final String applicationName;

    public AuditLog(Instance<CurrentCaller> caller, Instance<CurrentVertxRequest> httpRequest, ObjectMapper json,
                    BusinessClock clock, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.caller = caller;
        this.httpRequest = httpRequest;
        this.json = json;
        this.clock = clock;
        this.applicationName = applicationName;
    }

    private static final String INSERT = "INSERT INTO audit_log (id, at, actor_subject, actor_username, actor_agency, "
            + "actor_region, action, entity_type, entity_id, request_id, before_state, after_state) VALUES ";
    private static final String INSERT_REACTIVE = INSERT + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb, $12::text::jsonb)";
    private static final String INSERT_JDBC = INSERT + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)";

    /**
     * Records a change made for the current request's caller; outside an HTTP request (a consumer, a scheduler) the
     * actor is {@code system:<quarkus.application.name>}. {@code before}/{@code after} are serialised as JSON.
     */
    public Uni<AuditEntry> record(String action, String entityType, String entityId, Object before, Object after) {
        return record(currentCaller(), action, entityType, entityId, before, after);
    }

    /** Records a change made by a given actor (e.g. {@code Caller.system("violation-consumer")}). */
    public Uni<AuditEntry> record(Caller actor, String action, String entityType, String entityId, Object before, Object after) {
        AuditEntry e;
        try {
            e = entry(actor, action, entityType, entityId, before, after);
        } catch (IllegalArgumentException ex) {
            return Uni.createFrom().failure(ex);
        }
        return CallerTransaction.session("AuditLog.record").chain(s -> s.persist(e)).replaceWith(e);
    }

    /**
     * Records a change in the reactive-pool transaction {@code tx} (the connection {@code pool.withTransaction} passes),
     * for the current caller as {@link #record(String, String, String, Object, Object)} finds it.
     */
    public Uni<AuditEntry> record(SqlClient tx, String action, String entityType, String entityId, Object before, Object after) {
        return record(tx, currentCaller(), action, entityType, entityId, before, after);
    }

    /** Records a change by {@code actor} in the reactive-pool transaction {@code tx}; a pool or a connection without a transaction is refused. */
    public Uni<AuditEntry> record(SqlClient tx, Caller actor, String action, String entityType, String entityId,
                                  Object before, Object after) {
        AuditEntry e;
        try {
            e = entry(actor, action, entityType, entityId, before, after);
        } catch (IllegalArgumentException ex) {
            return Uni.createFrom().failure(ex);
        }
        Tuple row = Tuple.from(new Object[]{e.id, e.at, e.actorSubject, e.actorUsername, e.actorAgency, e.actorRegion,
                e.action, e.entityType, e.entityId, e.requestId, e.before, e.after});
        return JdbcTransaction.require(tx, "AuditLog.record")
                .chain(c -> c.preparedQuery(INSERT_REACTIVE).execute(row))
                .replaceWith(e);
    }

    /** Records a change in the JDBC transaction of {@code tx}, for the current caller. */
    public AuditEntry record(Connection tx, String action, String entityType, String entityId, Object before, Object after)
            throws SQLException {
        return record(tx, currentCaller(), action, entityType, entityId, before, after);
    }

    /**
     * Records a change by {@code actor} in the JDBC transaction of {@code tx} (blocking).
     *
     * @throws IllegalStateException when {@code tx} is in auto-commit mode (the entry would outlive a rollback)
     */
    public AuditEntry record(Connection tx, Caller actor, String action, String entityType, String entityId,
                             Object before, Object after) throws SQLException {
        JdbcTransaction.require(tx, "AuditLog.record");
        AuditEntry e = entry(actor, action, entityType, entityId, before, after);
        try (PreparedStatement ps = tx.prepareStatement(INSERT_JDBC)) {
            Object[] values = {e.id, e.at, e.actorSubject, e.actorUsername, e.actorAgency, e.actorRegion, e.action,
                    e.entityType, e.entityId, e.requestId, e.before, e.after};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
        return e;
    }

    private AuditEntry entry(Caller actor, String action, String entityType, String entityId, Object before, Object after) {
        AuditEntry e = new AuditEntry();
        e.id = UUID.randomUUID();
        e.at = clock.now();
        e.actorSubject = actor.subject();
        e.actorUsername = actor.username();
        e.actorAgency = actor.agency();
        e.actorRegion = actor.region();
        e.action = action;
        e.entityType = entityType;
        e.entityId = entityId;
        e.requestId = requestId();
        e.before = toJson(before);
        e.after = toJson(after);
        return e;
    }

    // a reactive-pool callback may run on Vert.x's root context, whose locals may not be read: no request there
    private static String requestId() {
        try {
            return RequestId.current().orElse(null);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private Caller currentCaller() {
        try {
            Caller c = caller.get().get();
            if (!c.isAnonymous() || inHttpRequest()) {
                return c;
            }
        } catch (ContextNotActiveException e) {
            // no request context: a consumer or a scheduler
        }
        return Caller.system(applicationName);
    }

    private boolean inHttpRequest() {
        try {
            return httpRequest.get().getCurrent() != null;
        } catch (ContextNotActiveException e) {
            return false;
        }
    }

    private String toJson(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit state is not serialisable: " + e.getOriginalMessage(), e);
        }
    }
}
