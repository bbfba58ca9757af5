package org.fundguard.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * What a province may set differently (application.properties or {@code REPORTS_*} environment variables). The
 * defaults are the domain reference's: 15 working days to decide on acceptance, 5 to tell a real-name reporter,
 * 2 months to claim a reward.
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

    /** Public holidays (comma-separated ISO dates) on top of weekends. */
    Optional<String> holidays();

    /**
     * How often approved rewards past their claim window are marked waived (reward.waived.v1); a Quarkus scheduler
     * interval such as {@code 1h}, or {@code off}.
     */
    @WithDefault("1h")
    String waiverInterval();

    /** Weekend days that are working days (调休), comma-separated ISO dates. */
    Optional<String> makeUpWorkingDays();

    /** An extra reward-policy file with this province's versions, merged with the built-in ones. */
    Optional<String> rewardPoliciesFile();

    Evidence evidence();

    /** Bounds on attachments: per file, per report, how many. */
    interface Evidence {
        @WithDefault("10485760")
        long maxFileBytes();

        @WithDefault("31457280")
        long maxReportBytes();

        @WithDefault("10")
        int maxFiles();
    }
}
