package org.fundguard.report.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.fundguard.kit.decision.DecisionRequest;
import org.fundguard.report.DeclineReason;

import java.math.BigDecimal;
import java.util.List;

/** The bodies of the staff handling steps. */
public final class HandlingRequests {

    /** The message of a money field with too many digits, in plain words (one wording with the decision's amounts). */
    static final String MONEY = DecisionRequest.AMOUNT_IN_YUAN_14;
    static final String MONEY_13 = DecisionRequest.AMOUNT_IN_YUAN + " (and at most 13 digits before the point)";

    private HandlingRequests() {
    }

    /** Accept, or decline with one of the reasons of the domain reference. */
    public record AcceptanceRequest(@NotNull Decision decision, DeclineReason reason) {
        public enum Decision { ACCEPT, DECLINE }
    }

    /** How staff told a real-name reporter of the decision. */
    public record NoticeRequest(@NotNull Channel channel) {
        public enum Channel { PHONE, LETTER, SMS, VISIT }
    }

    /** Whether the reporter is a current or former insider of the reported institution (内部人员举报), as found out. */
    public record InsiderRequest(@NotNull Boolean insider) {
    }

    /** Hand the report to a handler: the username of a report handler of the report's region. */
    public record AssignmentRequest(@NotBlank @Size(max = 120) String handler) {
    }

    /** The investigation outcome; for a verified report, the case value, the institution and who was responsible. */
    public record InvestigationRequest(
            @NotNull Outcome outcome,
            @DecimalMin(value = "0.00", message = "must not be negative")
            @Digits(integer = 14, fraction = 2, message = MONEY) BigDecimal caseValue,
            @Valid StaffIntakeRequest.InstitutionRef institution,
            TargetKind targetKind,
            @Min(1) @Max(3) Integer evidenceLevel,
            @Valid List<DecisionRequest.ResponsiblePerson> responsiblePersons,
            @Valid RewardChecks rewardChecks) {
        public enum Outcome { VERIFIED, UNFOUNDED }

        public enum TargetKind { INSTITUTION, INDIVIDUAL }
    }

    /** The handler's answers to the reward checklist that only a person can judge. */
    public record RewardChecks(boolean clearTargetAndEvidence, boolean factsNewToBureau, boolean otherLegalConditions,
                               boolean reporterIsStaff, boolean reporterIsWrongdoer, boolean clueObtainedIllegally) {
    }

    /** Link this report to the first report of the same matter. */
    public record DuplicateRequest(@NotNull java.util.UUID reportId) {
    }

    /** Link this report to the earlier report it was made jointly with (联名举报). */
    public record JointRequest(@NotNull java.util.UUID reportId) {
    }

    /** Approval of a reward; for a joint report, the co-reporters' agreed shares, one per report of the group. */
    public record ApprovalRequest(@Valid List<@NotNull ShareRequest> shares) {
    }

    /** One report's share of a joint report's reward, in yuan. */
    public record ShareRequest(@NotNull java.util.UUID reportId, @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01")
                               @Digits(integer = 13, fraction = 2, message = MONEY_13) BigDecimal amount) {
    }


    /** The payment of a claimed reward, by its finance reference. */
    public record PaymentRequest(@NotBlank @Size(max = 60) String paymentRef) {
    }

    /** Why a paid reward is recovered. */
    public record ClawbackRequest(@NotBlank @Size(max = 200) String reason) {
    }
}
