package org.fundguard.kit.consumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an event's effect at most once per consumer: the event id is recorded in {@code processed_event} in the same
 * transaction as the effect, so a redelivered event changes nothing and a failed effect records nothing.
 * Transient failures are retried a bounded number of times ({@code fundguard.consumer.*}); a
 * {@link PoisonMessageException} is not retried. Either way the message is then nacked, and the channel's
 * {@code failure-strategy=dead-letter-queue} keeps it on the dead-letter topic with the error.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final String RECORD = "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING";

    private final ConsumerConfig config;

    public IdempotentConsumer(ConsumerConfig config) {
        this.config = config;
    }

    /**
     * Processes {@code message}: {@code effect} runs inside a transaction, once per {@code ce_id}, then the message is
     * acked; a message without {@code ce_id}, a poison message or exhausted retries nack it (to the dead-letter topic).
     */
    public <T> Uni<Void> process(String consumer, Message<T> message, Function<T, Uni<?>> effect) {
        String id;
        try {
            id = CloudEventHeaders.id(message);
        } catch (PoisonMessageException e) {
            LOG.warnf("%s: a message without ce_id goes to the dead-letter topic", consumer);
            return Uni.createFrom().completionStage(message.nack(e));
        }
        return once(consumer, id, () -> effect.apply(message.getPayload()))
                .onFailure(e -> !(e instanceof PoisonMessageException)).retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.maxRetries())
                .onItemOrFailure().transformToUni((done, err) -> {
                    if (err != null) {
                        LOG.warnf("%s: event %s goes to the dead-letter topic: %s", consumer, id, err.getMessage());
                        return Uni.createFrom().completionStage(message.nack(err));
                    }
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    /**
     * Runs {@code effect} unless {@code consumer} has already processed {@code eventId}, recording the id in the same
     * transaction (the caller's, or a new one); emits true when the effect ran, false for a duplicate.
     */
    public Uni<Boolean> once(String consumer, String eventId, Supplier<? extends Uni<?>> effect) {
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
