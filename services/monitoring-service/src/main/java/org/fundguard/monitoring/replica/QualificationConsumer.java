package org.fundguard.monitoring.replica;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.consumer.CloudEventHeaders;
import org.fundguard.kit.consumer.EventDispatcher;
import org.fundguard.kit.consumer.IdempotentConsumer;
import org.fundguard.kit.consumer.PoisonMessageException;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.monitoring.engine.BarPeriod;

import java.util.Map;
import java.util.UUID;

/**
 * Keeps the local replica of who may bill ({@code qualification_bar}) from qualification-service's events on
 * {@code fundguard.qualification}: suspended and terminated add a barred period, restored ends the periods still running
 * on its date (and drops those that had not begun). Consumed through service-kit's {@link EventDispatcher}: each event
 * takes effect once (its {@code ce_id} recorded in the same transaction), its payload read by the tolerant reader
 * (unknown fields ignored, a missing required one dead-lettered to {@code fundguard.qualification.dlq}); events of other
 * types on the topic are acknowledged and ignored. After each handled event the engine's {@link QualificationCache} is
 * reloaded, so the next 3101/3102 check sees it.
 */
@ApplicationScoped
public class QualificationConsumer {

    static final String CONSUMER = "qualification-replica";
    static final Caller ACTOR = Caller.system("qualification-replica");

    private final AuditLog audit;
    private final QualificationCache cache;
    private final BusinessClock clock;
    private final EventDispatcher events;

    public QualificationConsumer(IdempotentConsumer idempotent, AuditLog audit, QualificationCache cache, BusinessClock clock) {
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
        this.events = EventDispatcher.forConsumer(CONSUMER)
                .onEvent(QualificationEvents.Suspended.TYPE, QualificationEvents.Suspended.class, this::suspended)
                .onEvent(QualificationEvents.Terminated.TYPE, QualificationEvents.Terminated.class, this::terminated)
                .onEvent(QualificationEvents.Restored.TYPE, QualificationEvents.Restored.class, this::restored)
                .build(idempotent);
    }

    @Incoming("qualifications")
    public Uni<Void> consume(Message<String> message) {
        // points.*, credit.* and other producers' news on the topic are not this replica's business: no reload for them
        boolean handled = CloudEventHeaders.get(message, "ce_type").filter(events.types()::contains).isPresent();
        return events.dispatch(message).call(() -> handled ? cache.reload() : Uni.createFrom().voidItem());
    }

    Uni<Void> suspended(EventDispatcher.Envelope event, QualificationEvents.Suspended e) {
        if (e.until().isBefore(e.from())) {
            throw new PoisonMessageException("suspension ends before it begins");
        }
        return bar(event.id(), e.practitionerCode(), e.personType(), e.region(), BarPeriod.Status.SUSPENDED, e.from(), e.until(),
                e.decisionId());
    }

    Uni<Void> terminated(EventDispatcher.Envelope event, QualificationEvents.Terminated e) {
        return bar(event.id(), e.practitionerCode(), e.personType(), e.region(), BarPeriod.Status.TERMINATED, e.from(), null,
                e.decisionId());
    }

    Uni<Void> restored(EventDispatcher.Envelope event, QualificationEvents.Restored e) {
        return Panache.getSession().chain(s -> s.createMutationQuery(
                                "delete from QualificationBar where practitionerCode = ?1 and fromDate >= ?2")
                        .setParameter(1, e.practitionerCode()).setParameter(2, e.from()).executeUpdate()
                        .chain(dropped -> s.createMutationQuery("update QualificationBar set toDate = ?2 where practitionerCode = ?1"
                                        + " and (toDate is null or toDate >= ?3)")
                                .setParameter(1, e.practitionerCode()).setParameter(2, e.from().minusDays(1))
                                .setParameter(3, e.from()).executeUpdate()))
                .call(() -> audit.record(ACTOR, "qualification.restored", "practitioner", e.practitionerCode(), null,
                        Map.of("from", e.from().toString(), "reason", e.reason(), "eventId", event.id())))
                .replaceWithVoid();
    }

    private Uni<Void> bar(String eventId, String code, String personType, String region, BarPeriod.Status status,
                       java.time.LocalDate from, java.time.LocalDate to, UUID decisionId) {
        QualificationBar b = new QualificationBar();
        b.id = UUID.randomUUID();
        b.practitionerCode = code;
        b.personType = personType;
        b.status = status.name();
        b.fromDate = from;
        b.toDate = to;
        b.decisionId = decisionId;
        b.region = region;
        b.eventId = eventId;
        b.recordedAt = clock.now();
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("status", b.status);
        after.put("from", from.toString());
        after.put("to", to == null ? null : to.toString());
        after.put("eventId", eventId);
        return b.persist().call(() -> audit.record(ACTOR, "qualification." + status.name().toLowerCase(), "practitioner", code,
                null, after)).replaceWithVoid();
    }
}
