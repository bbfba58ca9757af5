package org.fundguard.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import org.fundguard.kit.request.RequestId;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.CurrentCaller;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes audit entries in the caller's current transaction, so an audited change and its entry commit or roll back
 * together. The actor comes from the verified token of the request, or is {@code system:<name>} outside requests.
 */
@ApplicationScoped
public class AuditLog {

    private final Instance<CurrentCaller> caller;
    private final ObjectMapper json;

    public AuditLog(Instance<CurrentCaller> caller, ObjectMapper json) {
        this.caller = caller;
        this.json = json;
    }

    /** Records a change made for the current request's caller. {@code before}/{@code after} are serialised as JSON. */
    public Uni<AuditEntry> record(String action, String entityType, String entityId, Object before, Object after) {
        return record(currentCaller(), action, entityType, entityId, before, after);
    }

    /** Records a change made by a given actor (e.g. {@code Caller.system("violation-consumer")}). */
    public Uni<AuditEntry> record(Caller actor, String action, String entityType, String entityId, Object before, Object after) {
        AuditEntry e = new AuditEntry();
        e.id = UUID.randomUUID();
        e.at = OffsetDateTime.now(ZoneOffset.UTC);
        e.actorSubject = actor.subject();
        e.actorUsername = actor.username();
        e.actorAgency = actor.agency();
        e.actorRegion = actor.region();
        e.action = action;
        e.entityType = entityType;
        e.entityId = entityId;
        e.requestId = RequestId.current().orElse(null);
        e.before = toJson(before);
        e.after = toJson(after);
        return Panache.getSession().chain(s -> s.persist(e)).replaceWith(e);
    }

    private Caller currentCaller() {
        try {
            return caller.get().get();
        } catch (ContextNotActiveException e) {
            return Caller.system("unknown");
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
