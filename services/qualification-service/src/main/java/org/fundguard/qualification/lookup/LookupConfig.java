package org.fundguard.qualification.lookup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The settlement look-up's settings ({@code qualification.lookup.*}). */
@ConfigMapping(prefix = "qualification.lookup")
public interface LookupConfig {

    /** The topic the look-up replays and follows: this service's own events. */
    @WithDefault("fundguard.qualification")
    String topic();

    /** At most this many codes in one batch look-up (the issue: 100). */
    @WithDefault("100")
    int maxCodes();

    /** Whether the event feed runs (off only in tests that drive the register by hand). */
    @WithDefault("true")
    boolean feedEnabled();

    /** How long one poll of the topic waits for records. */
    @WithDefault("PT0.5S")
    Duration pollTimeout();

    /** How often the feed asks the broker for the topic's partitions when it has none yet, or looks for new ones. */
    @WithDefault("PT10S")
    Duration partitionCheckInterval();
}
