package org.fundguard.monitoring.replica;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.consumer.CloudEventHeaders;
import org.fundguard.kit.consumer.IdempotentConsumer;
import org.fundguard.kit.consumer.PoisonMessageException;
import org.fundguard.kit.security.Caller;
import org.fundguard.monitoring.engine.BarPeriod;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Keeps the local replica of who may bill ({@code qualification_bar}) from qualification-service's events on
 * {@code fundguard.qualification}: suspended and terminated add a barred period, restored ends the periods still running
 * on its date (and drops those that had not begun). Each event takes effect once (service-kit's idempotent consumer);
 * events of other types on the topic are acknowledged and ignored. After each event the engine's
 * {@link QualificationCache} is reloaded, so the next 3101/3102 check sees it.
 */
@ApplicationScoped
public class QualificationConsumer {

    static final String CONSUMER = "qualification-replica";
    static final Caller ACTOR = Caller.system("qualification-replica");

    private final IdempotentConsumer consumer;
    private final AuditLog audit;
    private final QualificationCache cache;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    private final Map<String, BiFunction<String, String, Uni<?>>> handlers = Map.of(
            "qualification.suspended.v1", this::suspended,
            "qualification.terminated.v1", this::terminated,
            "qualification.restored.v1", this::restored);

    public QualificationConsumer(IdempotentConsumer consumer, AuditLog audit, QualificationCache cache) {
        this.consumer = consumer;
        this.audit = audit;
        this.cache = cache;
    }

    @Incoming("qualifications")
    public Uni<Void> consume(Message<String> message) {
        String type = CloudEventHeaders.get(message, "ce_type").orElse("");
        String id = CloudEventHeaders.get(message, "ce_id").orElse("");
        BiFunction<String, String, Uni<?>> handler = handlers.get(type);
        if (handler == null) {
            // points.*, credit.* and other producers' news on the topic: not this replica's business
            return Uni.createFrom().completionStage(message.ack());
        }
        return consumer.process(CONSUMER, message, payload -> handler.apply(id, payload))
                .call(cache::reload);
    }

    Uni<?> suspended(String eventId, String payload) {
        QualificationEvents.Suspended e = parse(payload, QualificationEvents.Suspended.class);
        require(e.practitionerCode(), e.personType(), e.region(), e.from(), e.until());
        if (e.until().isBefore(e.from())) {
            throw new PoisonMessageException("suspension ends before it begins");
        }
        return bar(eventId, e.practitionerCode(), e.personType(), e.region(), BarPeriod.Status.SUSPENDED, e.from(), e.until(),
                e.decisionId());
    }

    Uni<?> terminated(String eventId, String payload) {
        QualificationEvents.Terminated e = parse(payload, QualificationEvents.Terminated.class);
        require(e.practitionerCode(), e.personType(), e.region(), e.from());
        return bar(eventId, e.practitionerCode(), e.personType(), e.region(), BarPeriod.Status.TERMINATED, e.from(), null,
                e.decisionId());
    }

    Uni<?> restored(String eventId, String payload) {
        QualificationEvents.Restored e = parse(payload, QualificationEvents.Restored.class);
        require(e.practitionerCode(), e.personType(), e.region(), e.from(), e.reason());
        return Panache.getSession().chain(s -> s.createMutationQuery(
                                "delete from QualificationBar where practitionerCode = ?1 and fromDate >= ?2")
                        .setParameter(1, e.practitionerCode()).setParameter(2, e.from()).executeUpdate()
                        .chain(dropped -> s.createMutationQuery("update QualificationBar set toDate = ?2 where practitionerCode = ?1"
                                        + " and (toDate is null or toDate >= ?3)")
                                .setParameter(1, e.practitionerCode()).setParameter(2, e.from().minusDays(1))
                                .setParameter(3, e.from()).executeUpdate()))
                .call(() -> audit.record(ACTOR, "qualification.restored", "practitioner", e.practitionerCode(), null,
                        Map.of("from", e.from().toString(), "reason", e.reason(), "eventId", eventId)));
    }

    private Uni<?> bar(String eventId, String code, String personType, String region, BarPeriod.Status status,
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
        b.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("status", b.status);
        after.put("from", from.toString());
        after.put("to", to == null ? null : to.toString());
        after.put("eventId", eventId);
        return b.persist().call(() -> audit.record(ACTOR, "qualification." + status.name().toLowerCase(), "practitioner", code,
                null, after));
    }

    private <T> T parse(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (Exception e) {
            throw new PoisonMessageException("unreadable " + type.getSimpleName() + " payload: " + e.getMessage(), e);
        }
    }

    private static void require(Object... values) {
        for (Object v : values) {
            if (v == null || (v instanceof String s && s.isBlank())) {
                throw new PoisonMessageException("a required field is missing");
            }
        }
    }
}
