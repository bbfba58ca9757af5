package org.fundguard.kit.consumer;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Routes a consumer's messages by {@code ce_type} to one handler per type, each run once per {@code ce_id} in the
 * {@link IdempotentConsumer}'s transaction with its payload read by the {@link TolerantReader}. An unknown type is
 * acknowledged and logged (INFO) and has no effect; a message without {@code ce_type}, and a payload the reader
 * refuses, go to the dead-letter topic.
 *
 * <pre>{@code
 * QualificationConsumer(IdempotentConsumer idempotent) {
 *     this.events = EventDispatcher.forConsumer("qualification-replica")
 *             .on(EventTypes.QUALIFICATION_SUSPENDED, Suspended.class, this::suspended)
 *             .build(idempotent);
 * }
 *
 * @Incoming("qualifications")
 * public Uni<Void> consume(Message<String> m) { return events.dispatch(m); }
 * }</pre>
 */
public final class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    /** The CloudEvents headers of the message being handled, for handlers that need more than the payload. */
    public record Envelope(String id, String type, String source, String subject, String time) {
    }

    private record Route<T>(Class<T> payload, BiFunction<Envelope, T, Uni<Void>> handler) {
        Uni<Void> run(Envelope envelope, String json) {
            return handler.apply(envelope, TolerantReader.read(json, payload));
        }
    }

    private final String consumer;
    private final Map<String, Route<?>> routes;
    private final IdempotentConsumer idempotent;

    private EventDispatcher(String consumer, Map<String, Route<?>> routes, IdempotentConsumer idempotent) {
        this.consumer = consumer;
        this.routes = Map.copyOf(routes);
        this.idempotent = idempotent;
    }

    /** Starts a dispatcher for {@code consumerName}, the name its processed events are recorded under. */
    public static Builder forConsumer(String consumerName) {
        if (consumerName == null || consumerName.isBlank()) {
            throw new IllegalArgumentException("a consumer needs a name");
        }
        return new Builder(consumerName);
    }

    /** The types this dispatcher handles. */
    public Set<String> types() {
        return routes.keySet();
    }

    /**
     * Handles {@code message}: the handler of its {@code ce_type} runs once per {@code ce_id} in one transaction with
     * the record of the id, then the message is acked; an unknown type is acked without effect.
     */
    public Uni<Void> dispatch(Message<String> message) {
        String type = CloudEventHeaders.get(message, "ce_type").orElse(null);
        if (type == null || type.isBlank()) {
            LOG.warnf("%s: a message without ce_type goes to the dead-letter topic", consumer);
            return Uni.createFrom().completionStage(message.nack(new PoisonMessageException("message without a ce_type header")));
        }
        Route<?> route = routes.get(type);
        if (route == null) {
            LOG.infof("%s: event %s of type %s is not handled here, acknowledged", consumer,
                    printable(CloudEventHeaders.get(message, "ce_id").orElse("(none)")), printable(type));
            return Uni.createFrom().completionStage(message.ack());
        }
        Envelope envelope = new Envelope(CloudEventHeaders.get(message, "ce_id").orElse(null), type,
                CloudEventHeaders.get(message, "ce_source").orElse(null),
                CloudEventHeaders.get(message, "ce_subject").orElse(null),
                CloudEventHeaders.get(message, "ce_time").orElse(null));
        return idempotent.process(consumer, message, payload -> route.run(envelope, payload));
    }

    // header values come from outside: bounded and without control characters in a log line
    private static String printable(String s) {
        String p = s.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
        return p.length() > 120 ? p.substring(0, 120) + "…" : p;
    }

    /** Collects the handlers. */
    public static final class Builder {
        private final String consumer;
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();

        private Builder(String consumer) {
            this.consumer = consumer;
        }

        /** Handles events of {@code type} with a payload read as {@code payload}. */
        public <T> Builder on(String type, Class<T> payload, Function<T, Uni<Void>> handler) {
            Objects.requireNonNull(handler, "handler");
            return onEvent(type, payload, (envelope, p) -> handler.apply(p));
        }

        /** The same, for a handler that also needs the envelope (e.g. the event id to record). */
        public <T> Builder onEvent(String type, Class<T> payload, BiFunction<Envelope, T, Uni<Void>> handler) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(handler, "handler");
            if (routes.putIfAbsent(type, new Route<>(payload, handler)) != null) {
                throw new IllegalArgumentException(consumer + ": two handlers for " + type);
            }
            return this;
        }

        /**
         * The dispatcher, running each handler in {@code idempotent}'s transaction: pass the application's
         * {@link IdempotentConsumer}, injected into the consumer's constructor (injected, Arc keeps the bean; a
         * programmatic lookup would not stop Arc from removing it as unused).
         */
        public EventDispatcher build(IdempotentConsumer idempotent) {
            return new EventDispatcher(consumer, routes, Objects.requireNonNull(idempotent, "idempotent"));
        }
    }
}
