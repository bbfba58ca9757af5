package org.fundguard.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.tx.CallerTransaction;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Appends events to the outbox in the caller's current transaction: call it from a {@code @WithTransaction} method,
 * so the change and its event commit together (or not at all); outside a transaction it fails. The relay publishes
 * them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxConfig config;
    private final ObjectMapper json;

    public Outbox(OutboxConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /**
     * Appends an event of {@code type} (e.g. {@code report.received.v1}) about the aggregate {@code aggregateId}
     * (the Kafka key and {@code ce_subject}) with {@code payload} serialised as JSON, to this service's topic.
     */
    public Uni<OutboxEvent> append(String type, String aggregateId, Object payload) {
        return append(config.topic(), type, aggregateId, payload);
    }

    /** The same, to another topic of this service. */
    public Uni<OutboxEvent> append(String topic, String type, String aggregateId, Object payload) {
        OutboxEvent e = new OutboxEvent();
        e.id = UUID.randomUUID();
        e.type = type;
        e.source = config.source();
        e.subject = aggregateId;
        e.topic = topic;
        e.time = OffsetDateTime.now(ZoneOffset.UTC);
        e.createdAt = e.time;
        try {
            e.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            return Uni.createFrom().failure(new IllegalArgumentException("event payload is not serialisable: " + ex.getOriginalMessage(), ex));
        }
        return CallerTransaction.session("Outbox.append").chain(s -> s.persist(e)).replaceWith(e);
    }
}
