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
import org.fundguard.report.DeclineReason;

import java.math.BigDecimal;
import java.util.List;

/** The bodies of the staff handling steps. */
public final class HandlingRequests {

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

    /** Hand the report to a handler (their username). */
    public record AssignmentRequest(@NotBlank @Size(max = 120) String handler) {
    }

    /** The investigation outcome; for a verified report, the case value, the institution and who was responsible. */
    public record InvestigationRequest(
            @NotNull Outcome outcome,
            @DecimalMin(value = "0.00") @Digits(integer = 14, fraction = 2) BigDecimal caseValue,
            @Valid StaffIntakeRequest.InstitutionRef institution,
            TargetKind targetKind,
            @Min(1) @Max(3) Integer evidenceLevel,
            @Valid List<ResponsiblePerson> responsiblePersons,
            @Valid RewardChecks rewardChecks) {
        public enum Outcome { VERIFIED, UNFOUNDED }

        public enum TargetKind { INSTITUTION, INDIVIDUAL }
    }

    /** A person responsible, by national code only (no names). */
    public record ResponsiblePerson(
            @NotBlank @Size(max = 30) String nationalCode,
            @NotNull PersonType personType,
            @NotNull ResponsibilityLevel responsibilityLevel) {
        public enum PersonType { DOCTOR, NURSE, PHARMACIST, TECHNICIAN, FEE_REVIEWER, PHARMACY_PRINCIPAL }

        public enum ResponsibilityLevel { GENERAL, IMPORTANT, PRINCIPAL }
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
    public record ShareRequest(@NotNull java.util.UUID reportId, @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }

    /** The handling decision (协议处理 or 行政处罚) ending a verified report. */
    public record HandlingDecisionRequest(
            @NotNull DecisionType decisionType,
            @NotNull @Valid LegalBasis legalBasis,
            @NotNull Conduct conduct,
            @NotEmpty List<@NotBlank @Size(max = 100) String> violationTypes,
            @Pattern(regexp = "[0-5](\\.[0-9]{1,2})?", message = "must be a multiple between 0 and 5, e.g. 1.5") String fineMultiple,
            @Valid List<AgreementAction> agreementActions,
            boolean publicOfficialInvolved,
            @DecimalMin(value = "0.00") @Digits(integer = 14, fraction = 2) BigDecimal recoveredAmount) {
        public enum DecisionType { AGREEMENT_HANDLING, ADMINISTRATIVE_PENALTY }

        public enum Conduct { MISUSE, FRAUD }
    }

    /** 条例 article or agreement clause. */
    public record LegalBasis(@NotNull Article article, @Size(max = 500) String clause) {
        public enum Article { REGULATION_ART_38, REGULATION_ART_40, REGULATION_ART_41, AGREEMENT_CLAUSE }
    }

    /** An agreement action, e.g. suspending a department for 6 months. */
    public record AgreementAction(@NotNull Action action, @Size(max = 100) String department, @Min(1) @Max(12) Integer months) {
        public enum Action { INTERVIEW, WARNING, SUSPEND_DEPARTMENT, SUSPEND_SETTLEMENT, TERMINATE_AGREEMENT }
    }

    /** The payment of a claimed reward, by its finance reference. */
    public record PaymentRequest(@NotBlank @Size(max = 60) String paymentRef) {
    }

    /** Why a paid reward is recovered. */
    public record ClawbackRequest(@NotBlank @Size(max = 200) String reason) {
    }
}
