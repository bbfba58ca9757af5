package org.fundguard.monitoring.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fundguard.monitoring.screening.Backtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A back-test's comparison of a rule-set version with the one in use, as the API answers it. */
@Schema(name = "Report")
public record BacktestView(@Schema(required = true) int version, @Schema(required = true) int activeVersion,
                           @Schema(required = true) String region, @Schema(required = true) LocalDate from,
                           @Schema(required = true) LocalDate to, @Schema(required = true) long claims,
                           @Schema(required = true) long lines, @Schema(required = true) long hitsActive,
                           @Schema(required = true) long hitsVersion, @Schema(required = true) long gained,
                           @Schema(required = true) long lost,
                           @Schema(description = "Gained hits times their rule's confirmed share, over those whose rule has outcomes.") BigDecimal expectedConfirmedOfGained,
                           @Schema(description = "Estimated confirmed share of the version in use's hits (rules with outcomes).") BigDecimal estimatedConfirmedShareActive,
                           @Schema(description = "Estimated confirmed share of this version's hits (rules with outcomes).") BigDecimal estimatedConfirmedShareVersion,
                           @Schema(required = true, description = "Every rule and knowledge point with a hit in either, changed ones first.") List<RuleChangeView> byRule) {

    /** One rule and knowledge point's change. */
    @Schema(name = "RuleChange")
    public record RuleChangeView(@Schema(required = true) String ruleCode, @Schema(required = true) String knowledgePointId,
                                 @Schema(required = true) long hitsActive, @Schema(required = true) long hitsVersion,
                                 @Schema(required = true) long gained, @Schema(required = true) long lost,
                                 @Schema(required = true) BigDecimal amountGained, @Schema(required = true) BigDecimal amountLost,
                                 @Schema(description = "Past reviews' confirmed share for this rule and point; null before any outcome.") BigDecimal confirmedShare) {
    }

    static BacktestView of(Backtest.Report r) {
        return new BacktestView(r.version(), r.activeVersion(), r.region(), r.from(), r.to(), r.claims(), r.lines(), r.hitsActive(),
                r.hitsVersion(), r.gained(), r.lost(), r.expectedConfirmedOfGained(), r.estimatedConfirmedShareActive(),
                r.estimatedConfirmedShareVersion(), r.byRule().stream().map(c -> new RuleChangeView(c.ruleCode(), c.knowledgePointId(),
                        c.hitsActive(), c.hitsVersion(), c.gained(), c.lost(), c.amountGained(), c.amountLost(), c.confirmedShare())).toList());
    }
}
