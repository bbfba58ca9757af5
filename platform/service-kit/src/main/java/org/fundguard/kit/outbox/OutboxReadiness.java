package org.fundguard.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Readiness (never liveness) of the outbox: DOWN while the relay cannot reach Kafka, while an unsent event has waited
 * longer than {@code fundguard.outbox.max-lag}, or when no relay pass finished for that long. Reads the relay's own
 * state and calls nothing, so a probe never waits on the broker.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxConfig config;

    public OutboxReadiness(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox");
        if (!config.relayEnabled()) {
            return b.up().withData("relay", "disabled").build();
        }
        String kafka = relay.kafkaError();
        OffsetDateTime oldest = relay.oldestUnsent();
        Instant lastPass = relay.lastPassFinished();
        List<String> problems = problems(kafka, oldest, lastPass, Instant.now(), config.maxLag(), config.pollInterval());
        if (kafka != null) {
            b.withData("kafka", kafka);
        }
        if (oldest != null) {
            b.withData("oldestUnsent", oldest.toString());
        }
        b.withData("lastPass", lastPass.toString());
        if (relay.lastPassError() != null) {
            b.withData("lastPassError", relay.lastPassError());
        }
        if (!problems.isEmpty()) {
            b.withData("reason", String.join("; ", problems));
        }
        return b.status(problems.isEmpty()).build();
    }

    /** Why the outbox is not ready; empty when it is. */
    static List<String> problems(String kafkaError, OffsetDateTime oldestUnsent, Instant lastPass, Instant now,
                                 Duration maxLag, Duration pollInterval) {
        List<String> problems = new ArrayList<>();
        if (kafkaError != null) {
            problems.add("Kafka unreachable");
        }
        if (oldestUnsent != null && Duration.between(oldestUnsent.toInstant(), now).compareTo(maxLag) > 0) {
            problems.add("an event waits longer than " + maxLag);
        }
        if (Duration.between(lastPass, now).compareTo(maxLag.plus(pollInterval)) > 0) {
            problems.add("no relay pass finished for longer than " + maxLag.plus(pollInterval));
        }
        return problems;
    }
}
