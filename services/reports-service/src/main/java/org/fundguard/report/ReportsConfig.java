package org.fundguard.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * What a province may set differently (application.properties or {@code REPORTS_*} environment variables). The
 * defaults are the domain reference's: 15 working days to decide on acceptance, 5 to tell a real-name reporter,
 * 2 months to claim a reward. Working days come from the kit's {@code WorkingDayCalendar} (holiday files per year),
 * evidence limits from {@code fundguard.upload.*}.
 */
@ConfigMapping(prefix = "reports")
public interface ReportsConfig {

    /** Seed demo reports at start ({@code FUNDGUARD_DEMO_DATA=true} in the dev stack). */
    @WithDefault("false")
    boolean demoData();

    /** Working days from receipt to the acceptance decision ([local, Tibet] 15). */
    @WithDefault("15")
    int acceptanceWorkingDays();

    /** Working days from the decision to telling a real-name reporter who has no receipt ([law] 5). */
    @WithDefault("5")
    int noticeWorkingDays();

    /** Months from the reward notice within which the reporter must claim ([law] 2). */
    @WithDefault("2")
    int claimMonths();

    /**
     * How often approved rewards past their claim window are marked waived (reward.waived.v1); a Quarkus scheduler
     * interval such as {@code 1h}, or {@code off}.
     */
    @WithDefault("1h")
    String waiverInterval();

    /** An extra reward-policy file with this province's versions, merged with the built-in ones. */
    Optional<String> rewardPoliciesFile();

    Directory directory();

    /**
     * Where the service asks who is a report handler of which region: the Keycloak realm (admin REST API) through
     * the service's own confidential client, whose service account may only view and query users.
     */
    interface Directory {

        /** The realm's URL, e.g. {@code http://keycloak:8080/realms/fundguard} (by default the OIDC server's). */
        String url();

        @WithDefault("reports-service")
        String clientId();

        /** The client's secret: a deployment sets {@code REPORTS_DIRECTORY_CLIENT_SECRET}. */
        String clientSecret();

        /** How long an answer about a user is kept. */
        @WithDefault("60s")
        Duration cacheFor();

        /** How long one call to Keycloak may take before the directory counts as unavailable. */
        @WithDefault("3s")
        Duration timeout();
    }
}
