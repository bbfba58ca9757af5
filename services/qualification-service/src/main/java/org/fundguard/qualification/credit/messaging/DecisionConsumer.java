package org.fundguard.qualification.credit.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fundguard.kit.consumer.EventDispatcher;
import org.fundguard.kit.consumer.IdempotentConsumer;
import org.fundguard.qualification.credit.CreditService;

/**
 * Credit deductions from decisions: {@code violation.decided.v1} on {@code fundguard.reports} and
 * {@code fundguard.monitoring} (channel {@code decisions-credit}), each event once per {@code ce_id} (consumer
 * {@value #CONSUMER}), read tolerantly; what cannot be read goes to {@code fundguard.qualification.credit.dlq}.
 */
@ApplicationScoped
public class DecisionConsumer {

    static final String CONSUMER = "credit";

    private final EventDispatcher events;

    public DecisionConsumer(IdempotentConsumer idempotent, CreditService credit) {
        this.events = EventDispatcher.forConsumer(CONSUMER)
                .onEvent(DecisionEvent.TYPE, DecisionEvent.class, (envelope, e) -> credit.fromDecision(envelope.id(), e).replaceWithVoid())
                .build(idempotent);
    }

    @Incoming("decisions-credit")
    public Uni<Void> consume(Message<String> message) {
        return events.dispatch(message);
    }
}
