package org.fundguard.kit.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How long a service waits on its database before it answers 503 (settings under {@code fundguard.db}). Each bound is
 * well under the gateway's route timeout (30 s), so a caller gets the service's 503 and not the gateway's 504.
 */
@ConfigMapping(prefix = "fundguard.db")
public interface DatabaseConfig {

    /** Longest wait for a pooled reactive connection (all busy, or a new one not established). */
    @WithDefault("5s")
    Duration acquireTimeout();

    /** Longest TCP connect to the database. */
    @WithDefault("3s")
    Duration connectTimeout();

    /**
     * A reactive connection whose server has not answered a request of ours for this long is closed
     * ({@link AnswerDeadline}): this ends a query that a stalled server (stopped, frozen, behind a dead link) never
     * answers, and the transaction with it, which the server rolls back. A query that legitimately computes longer
     * without sending a row needs a higher value. Idle connections are not affected.
     */
    @WithDefault("10s")
    Duration silenceTimeout();

    /** Seconds a caller refused for a database outage is told to wait ({@code Retry-After}). */
    @WithDefault("5")
    int retryAfterSeconds();

    /** Longest readiness check ({@code SELECT 1}); then readiness is DOWN. */
    @WithDefault("2s")
    Duration readinessTimeout();
}
