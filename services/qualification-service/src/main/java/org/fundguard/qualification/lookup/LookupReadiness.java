package org.fundguard.qualification.lookup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the settlement look-up: DOWN until the event feed has replayed the topic up to where it ended at start
 * (a replica that answered before would say "may bill" for codes it has not read yet). Reads the feed's state only.
 */
@Readiness
@ApplicationScoped
public class LookupReadiness implements HealthCheck {

    private final QualificationEventFeed feed;
    private final LookupConfig config;

    public LookupReadiness(QualificationEventFeed feed, LookupConfig config) {
        this.feed = feed;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("qualification-lookup");
        if (!config.feedEnabled()) {
            return b.up().withData("feed", "disabled").build();
        }
        b.withData("recordsRead", feed.recordsRead()).withData("eventsApplied", feed.eventsApplied())
                .withData("behind", feed.behind());
        if (feed.lastError() != null) {
            b.withData("lastError", feed.lastError());
        }
        if (feed.readyAt() != null) {
            b.withData("readyAt", feed.readyAt().toString());
        }
        return b.status(feed.ready()).build();
    }
}
