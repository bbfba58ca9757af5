package org.fundguard.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

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
        Instant now = Instant.now();
        boolean up = true;
        String kafka = relay.kafkaError();
        if (kafka != null) {
            up = false;
            b.withData("kafka", kafka);
        }
        OffsetDateTime oldest = relay.oldestUnsent();
        if (oldest != null) {
            b.withData("oldestUnsent", oldest.toString());
            up &= !olderThan(oldest.toInstant(), config.maxLag(), now);
        }
        Instant lastPass = relay.lastPassFinished();
        b.withData("lastPass", lastPass.toString());
        up &= !olderThan(lastPass, config.maxLag().plus(config.pollInterval()), now);
        if (relay.lastPassError() != null) {
            b.withData("lastPassError", relay.lastPassError());
        }
        return b.status(up).build();
    }

    private static boolean olderThan(Instant t, Duration age, Instant now) {
        return Duration.between(t, now).compareTo(age) > 0;
    }
}
