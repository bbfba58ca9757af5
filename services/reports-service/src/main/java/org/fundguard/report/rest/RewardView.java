package org.fundguard.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fundguard.report.RewardService;
import org.fundguard.report.reward.RewardQuote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A report's reward for staff: the checklist, the quote step by step (from the policy in force on the decision
 * date), and the reward once approved.
 */
public record RewardView(@Schema(required = true) String reportId, @Schema(required = true) boolean eligible,
                         @Schema(required = true) List<CheckView> conditions, @Schema(required = true) List<CheckView> exclusions,
                         QuoteView quote, @Schema(required = true) LocalDate policyDate, String status, BigDecimal amount,
                         String approvedBy, OffsetDateTime approvedAt, LocalDate claimDeadline, OffsetDateTime claimedAt,
                         OffsetDateTime paidAt, String paymentRef,
                         @Schema(description = "For a share of a joint report's reward: the group's first report.") String jointReportId,
                         @Schema(description = "A joint report's shares, one per report of the group, once approved.") List<ShareView> shares) {

    /** One report's share of a joint report's reward. */
    public record ShareView(@Schema(required = true) String reportId, @Schema(required = true) BigDecimal amount,
                            @Schema(required = true) String status) {
    }

    /** One line of the checklist. */
    public record CheckView(@Schema(required = true) String code, @Schema(required = true) String description,
                            @Schema(required = true) boolean met) {
    }

    /** The calculation: the policy, every step with its running amount, the amount. */
    public record QuoteView(@Schema(required = true) String policyId, @Schema(required = true) BigDecimal amount,
                            @Schema(required = true) List<StepView> steps) {
    }

    /** One step of the calculation. */
    public record StepView(@Schema(required = true) String label, @Schema(required = true) BigDecimal runningAmount) {
    }

    /** The reward as of {@code today} (business date: an approved reward past its deadline is waived). */
    static RewardView of(RewardService.Assessment a, LocalDate today) {
        var w = a.reward();
        RewardQuote q = a.quote();
        return new RewardView(a.report().id.toString(), a.eligibility().eligible(),
                a.eligibility().conditions().stream().map(c -> new CheckView(c.code(), c.description(), c.met())).toList(),
                a.eligibility().exclusions().stream().map(c -> new CheckView(c.code(), c.description(), c.met())).toList(),
                q == null ? null : new QuoteView(q.policyId(), q.amount(),
                        q.steps().stream().map(s -> new StepView(s.label(), s.runningAmount())).toList()),
                a.policyDate(),
                w == null ? null : w.statusOn(today).name(), w == null ? null : w.amount,
                w == null ? null : w.approvedBy, w == null ? null : w.approvedAt, w == null ? null : w.claimDeadline,
                w == null ? null : w.claimedAt, w == null ? null : w.paidAt, w == null ? null : w.paymentRef,
                w == null || w.jointReportId == null ? null : w.jointReportId.toString(),
                a.shares().isEmpty() ? null : a.shares().stream()
                        .map(x -> new ShareView(x.reportId.toString(), x.amount, x.statusOn(today).name())).toList());
    }
}
