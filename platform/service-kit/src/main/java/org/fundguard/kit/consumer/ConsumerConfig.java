package org.fundguard.kit.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Retry settings of the idempotent consumer, under {@code fundguard.consumer}. */
@ConfigMapping(prefix = "fundguard.consumer")
public interface ConsumerConfig {

    /** Retries of a transiently failing effect before its message goes to the dead-letter topic. */
    @WithDefault("3")
    int maxRetries();

    /** Wait before the first retry; it doubles (with jitter) up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Longest wait between two retries. */
    @WithDefault("2s")
    Duration maxBackoff();
}
