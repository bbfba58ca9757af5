package org.fundguard.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** What a deployment may set for monitoring-service (application.properties or {@code MONITORING_*} variables). */
@ConfigMapping(prefix = "monitoring")
public interface MonitoringConfig {

    /** Import the demo knowledge base at start when the base is empty ({@code FUNDGUARD_DEMO_DATA=true} in the dev stack). */
    @WithDefault("false")
    boolean demoData();

    /** Classpath resources tried in order for the demo import; the first that exists is imported. */
    @WithDefault("knowledge/demo-knowledge.json,knowledge/sample-knowledge.json")
    List<String> demoKnowledge();

    /**
     * How often a replica compares its compiled rule set and its qualification replica with the database, to pick up
     * changes another replica made (its own changes apply at once).
     */
    @WithDefault("30s")
    Duration refreshInterval();
}
