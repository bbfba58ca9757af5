package org.fundguard.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Outbox settings of a service, all under {@code fundguard.outbox}. */
@ConfigMapping(prefix = "fundguard.outbox")
public interface OutboxConfig {

    /** CloudEvents source of this service's events, e.g. {@code /fundguard/reports-service}. */
    @WithDefault("/fundguard/${quarkus.application.name}")
    String source();

    /** Topic this service publishes to, e.g. {@code fundguard.reports}. */
    @WithDefault("fundguard.${quarkus.application.name}")
    String topic();

    /** How often the relay looks for unsent events (the scheduler's smallest interval is 1 s). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events claimed and published per batch at most; a full batch is followed at once by the next one. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker's acknowledgement of one event (the producer's delivery timeout). */
    @WithDefault("10s")
    Duration deliveryTimeout();

    /** Readiness turns DOWN when the oldest unsent event is older than this, or no relay pass finished for this long. */
    @WithDefault("30s")
    Duration maxLag();

    /** When nothing is waiting, how often the relay checks that it can still reach the broker. */
    @WithDefault("10s")
    Duration kafkaProbeInterval();

    /** Turn the relay off (e.g. in a tool that only writes). */
    @WithDefault("true")
    boolean relayEnabled();
}
