package org.fundguard.kit.consumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs an event's effect at most once per consumer: the event id is recorded in {@code processed_event} in the same
 * transaction as the effect, so a redelivered event changes nothing, and a failed effect records nothing.
 * Transient failures are retried a few times; a {@link PoisonMessageException} is not — the message is nacked and
 * the channel's dead-letter queue keeps it with the error.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final String RECORD = "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";

    /**
     * Processes {@code message}: {@code effect} runs inside a transaction, once per ce_id, then the message is acked;
     * on a poison message or exhausted retries the message is nacked (to the DLQ).
     */
    public <T> Uni<Void> process(String consumer, Message<T> message, java.util.function.Function<T, Uni<?>> effect) {
        String id;
        try {
            id = CloudEventHeaders.id(message);
        } catch (PoisonMessageException e) {
            return Uni.createFrom().completionStage(message.nack(e));
        }
        return once(consumer, id, () -> effect.apply(message.getPayload()))
                .onFailure(e -> !(e instanceof PoisonMessageException)).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .onItemOrFailure().transformToUni((done, err) -> {
                    if (err != null) {
                        LOG.warnf("%s: event %s goes to the dead-letter topic: %s", consumer, id, err.getMessage());
                        return Uni.createFrom().completionStage(message.nack(err));
                    }
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    /** Runs {@code effect} in a new transaction unless {@code consumer} has processed {@code eventId}; true when it ran. */
    public Uni<Boolean> once(String consumer, String eventId, Supplier<Uni<?>> effect) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(RECORD).setParameter(1, consumer).setParameter(2, eventId).executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        LOG.debugf("%s: event %s already processed, skipped", consumer, eventId);
                        return Uni.createFrom().item(false);
                    }
                    return effect.get().replaceWith(true);
                }));
    }
}
