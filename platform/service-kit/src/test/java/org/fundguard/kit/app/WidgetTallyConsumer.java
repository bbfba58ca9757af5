package org.fundguard.kit.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.consumer.IdempotentConsumer;
import org.fundguard.kit.consumer.PoisonMessageException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts widgets by name from events, the effect the consumer tests look at. A payload's {@code failures} makes its
 * effect fail that many times first, as a transient fault would.
 */
@ApplicationScoped
public class WidgetTallyConsumer {

    private final IdempotentConsumer consumer;
    private final AuditLog audit;
    private final ObjectMapper json;
    // test instrumentation only: how often each payload's effect was attempted
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public WidgetTallyConsumer(IdempotentConsumer consumer, AuditLog audit, ObjectMapper json) {
        this.consumer = consumer;
        this.audit = audit;
        this.json = json;
    }

    @Incoming("tally")
    public Uni<Void> consume(Message<String> message) {
        return consumer.process("widget-tally", message, payload -> {
            int attempt = attempts.computeIfAbsent(payload, p -> new AtomicInteger()).incrementAndGet();
            JsonNode event = parse(payload);
            String name = event.path("name").asText("");
            if (name.isEmpty()) {
                throw new PoisonMessageException("event without a name");
            }
            if (attempt <= event.path("failures").asInt(0)) {
                throw new IllegalStateException("transient failure " + attempt);
            }
            return Panache.getSession().chain(s -> s.createNativeQuery(
                            "INSERT INTO widget_tally (name, count) VALUES (?1, 1) ON CONFLICT (name) DO UPDATE SET count = widget_tally.count + 1")
                    .setParameter(1, name).executeUpdate())
                    .call(() -> audit.record("widget.tallied", "widget-tally", name, null, Map.of("name", name)));
        });
    }

    /** How many times the effect ran for this exact payload (including failed runs). */
    public int attempts(String payload) {
        AtomicInteger n = attempts.get(payload);
        return n == null ? 0 : n.get();
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (Exception e) {
            throw new PoisonMessageException("payload is not JSON", e);
        }
    }
}
