package org.fundguard.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Not ready while events cannot be published: the last relay pass failed and an event has waited longer than
 * {@code fundguard.outbox.max-lag}. Reads the relay's own state; calls nothing.
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
        OffsetDateTime oldest = relay.oldestUnsent();
        String error = relay.lastError();
        boolean lagging = oldest != null && Duration.between(oldest, OffsetDateTime.now()).compareTo(config.maxLag()) > 0;
        var b = HealthCheckResponse.named("outbox").status(!(lagging && error != null));
        if (oldest != null) {
            b.withData("oldestUnsent", oldest.toString());
        }
        if (error != null) {
            b.withData("lastError", error);
        }
        return b.build();
    }
}
