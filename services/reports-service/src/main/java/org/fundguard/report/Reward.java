package org.fundguard.report;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The reward of a verified report: APPROVED (the reporter is told and has 2 months to claim) → CLAIMED (identity
 * given) → PAID; WAIVED when the claim window passes; CLAWED_BACK when it was obtained by fraud.
 */
@Entity
public class Reward extends PanacheEntityBase {

    public enum Status { APPROVED, CLAIMED, PAID, WAIVED, CLAWED_BACK }

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "policy_id")
    public String policyId;

    public BigDecimal amount;

    /** The quote as JSON: policy, steps and amount, as the approver saw it. */
    public String quote;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "claim_deadline")
    public LocalDate claimDeadline;

    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    @Column(name = "paid_by")
    public String paidBy;

    @Column(name = "payment_ref")
    public String paymentRef;

    @Column(name = "closed_reason")
    public String closedReason;

    /** For a share of a joint report's reward: the group's first report, on which the reward was approved. */
    @Column(name = "joint_report_id")
    public UUID jointReportId;

    @Version
    public int version;

    /** The status as of a day: an approved reward not claimed by its deadline is waived. */
    public Status statusOn(LocalDate today) {
        return status == Status.APPROVED && today.isAfter(claimDeadline) ? Status.WAIVED : status;
    }
}
