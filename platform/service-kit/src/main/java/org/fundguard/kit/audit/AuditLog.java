package org.fundguard.kit.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fundguard.kit.request.RequestId;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.kit.tx.CallerTransaction;

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
    private final Instance<CurrentVertxRequest> httpRequest;
    private final ObjectMapper json;
    private final String applicationName;

    public AuditLog(Instance<CurrentCaller> caller, Instance<CurrentVertxRequest> httpRequest, ObjectMapper json,
                    @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.caller = caller;
        this.httpRequest = httpRequest;
        this.json = json;
        this.applicationName = applicationName;
    }

    /**
     * Records a change made for the current request's caller; outside an HTTP request (a consumer, a scheduler) the
     * actor is {@code system:<quarkus.application.name>}. {@code before}/{@code after} are serialised as JSON.
     */
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
        try {
            e.before = toJson(before);
            e.after = toJson(after);
        } catch (IllegalArgumentException ex) {
            return Uni.createFrom().failure(ex);
        }
        return CallerTransaction.session("AuditLog.record").chain(s -> s.persist(e)).replaceWith(e);
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
