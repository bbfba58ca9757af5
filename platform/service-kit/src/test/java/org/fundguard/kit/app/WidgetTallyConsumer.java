package org.fundguard.kit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fundguard.kit.consumer.IdempotentConsumer;
import org.fundguard.kit.consumer.PoisonMessageException;

/** Counts widgets by name from events: the effect the idempotency tests look at. */
@ApplicationScoped
public class WidgetTallyConsumer {

    private final IdempotentConsumer consumer;
    private final ObjectMapper json;

    public WidgetTallyConsumer(IdempotentConsumer consumer, ObjectMapper json) {
        this.consumer = consumer;
        this.json = json;
    }

    @Incoming("tally")
    public Uni<Void> consume(Message<String> message) {
        return consumer.process("widget-tally", message, payload -> {
            String name = parse(payload).path("name").asText("");
            if (name.isEmpty()) {
                throw new PoisonMessageException("event without a name");
            }
            return Panache.getSession().chain(s -> s.createNativeQuery(
                            "INSERT INTO widget_tally (name, count) VALUES (?1, 1) ON CONFLICT (name) DO UPDATE SET count = widget_tally.count + 1")
                    .setParameter(1, name).executeUpdate());
        });
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (Exception e) {
            throw new PoisonMessageException("payload is not JSON", e);
        }
    }
}
