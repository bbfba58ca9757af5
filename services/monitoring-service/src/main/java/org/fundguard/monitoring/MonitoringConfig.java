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

    /**
     * When no claim is stored yet: load a year of the seeded generator's claims (Chuzhou and Huaibei, 2025, with its
     * death registry) and screen them as the system, so the demo has findings and review cases.
     */
    @WithDefault("false")
    boolean demoClaims();

    /** Classpath resources tried in order for the demo import; the first that exists is imported. */
    @WithDefault("knowledge/demo-knowledge.json,knowledge/sample-knowledge.json")
    List<String> demoKnowledge();

    /**
     * How often a replica compares its compiled rule set and its qualification replica with the database, to pick up
     * changes another replica made (its own changes apply at once).
     */
    @WithDefault("30s")
    Duration refreshInterval();

    /** Deadlines of the review steps, in calendar days from the day the step begins (a province may set its own). */
    Review review();

    interface Review {
        /** 初审. */
        @WithDefault("10")
        int firstReviewDays();

        /** 复审. */
        @WithDefault("10")
        int secondReviewDays();

        /** 申诉: how long the institution may appeal after it is told. */
        @WithDefault("10")
        int appealDays();

        /** 调查核实. */
        @WithDefault("30")
        int investigationDays();

        /** Drafting the handling decision. */
        @WithDefault("15")
        int decisionDays();

        /** 陈述申辩: how long the institution may state and defend against the draft decision. */
        @WithDefault("5")
        int statementDays();

        /** A staff step is reminded this many days before its deadline (and once more when it has passed). */
        @WithDefault("2")
        int remindDaysBefore();

        /** How often reminders are written. */
        @WithDefault("1h")
        java.time.Duration reminderInterval();
    }
}
