package org.fundguard.kit.app;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.consumer.EventDispatcher;
import org.fundguard.kit.consumer.IdempotentConsumer;

import java.util.Map;

/** Counts widgets from typed events through the kit's dispatcher, as a service's consumer would. */
@ApplicationScoped
public class WidgetEventsConsumer {

    public static final String COUNTED = "widget.counted.v1";
    public static final String DISCARDED = "widget.discarded.v1";

    /** Payload of widget.counted.v1. */
    public record Counted(@NotBlank String name, @NotNull Integer amount) {
    }

    /** Payload of widget.discarded.v1. */
    public record Discarded(@NotBlank String name) {
    }

    private final AuditLog audit;
    private final EventDispatcher events;

    public WidgetEventsConsumer(AuditLog audit, IdempotentConsumer idempotent) {
        this.audit = audit;
        this.events = EventDispatcher.forConsumer("widget-events")
                .on(COUNTED, Counted.class, this::counted)
                .onEvent(DISCARDED, Discarded.class, (envelope, d) -> add(d.name() + "@" + envelope.subject(), -1))
                .build(idempotent);
    }

    @Incoming("widget-events")
    public Uni<Void> consume(Message<String> message) {
        return events.dispatch(message);
    }

    private Uni<Void> counted(Counted c) {
        return add(c.name(), c.amount());
    }

    private Uni<Void> add(String name, int amount) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO widget_tally (name, count) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET count = widget_tally.count + ?2")
                        .setParameter(1, name).setParameter(2, amount).executeUpdate())
                .call(() -> audit.record("widget.counted", "widget-tally", name, null, Map.of("amount", amount)))
                .replaceWithVoid();
    }
}
