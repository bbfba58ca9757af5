package org.fundguard.kit.decision;

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
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A handling decision (协议处理 or 行政处罚) as staff enter it, in reports-service and monitoring-service alike, and the
 * {@code violation.decided.v1} it becomes. {@link #checkLegalRanges()} holds the limits of 《医疗保障基金使用监督管理条例》
 * (domain README §0): art. 38 misuse, fine 1–2× the loss; art. 40 fraud and art. 41 insured persons' fraud, 2–5×;
 * suspending a department 6–12 months.
 */
public record DecisionRequest(
        @NotNull DecisionType decisionType,
        @NotNull @Valid LegalBasis legalBasis,
        @NotNull Conduct conduct,
        @NotEmpty List<@NotBlank @Size(max = 100) String> violationTypes,
        @Pattern(regexp = "[0-5](\\.[0-9]{1,2})?", message = "must be a multiple between 0 and 5, e.g. 1.5") String fineMultiple,
        @Valid List<AgreementAction> agreementActions,
        boolean publicOfficialInvolved,
        @DecimalMin(value = "0.00") @Digits(integer = 14, fraction = 2, message = AMOUNT_IN_YUAN_14) BigDecimal recoveredAmount) {

    /** What a money field in yuan (two decimal places) says when it has more decimals, in plain words. */
    public static final String AMOUNT_IN_YUAN = "must be an amount in yuan with at most two decimal places";
    /** The same for a column of 14 digits before the point ({@code numeric(16,2)}), e.g. a case value. */
    public static final String AMOUNT_IN_YUAN_14 = AMOUNT_IN_YUAN + " (and at most 14 digits before the point)";

    public enum DecisionType { AGREEMENT_HANDLING, ADMINISTRATIVE_PENALTY }

    public enum Conduct { MISUSE, FRAUD }

    /** 条例 article or agreement clause. */
    public record LegalBasis(@NotNull Article article, @Size(max = 500) String clause) {
        public enum Article {
            REGULATION_ART_38("1", "2", "art. 38 (misuse)"),
            REGULATION_ART_40("2", "5", "art. 40 (fraud)"),
            REGULATION_ART_41("2", "5", "art. 41 (fraud by an insured person)"),
            /** An agreement clause: no administrative fine. */
            AGREEMENT_CLAUSE("0", "0", "an agreement clause");

            private final BigDecimal minimumFine;
            private final BigDecimal maximumFine;
            private final String label;

            Article(String minimumFine, String maximumFine, String label) {
                this.minimumFine = new BigDecimal(minimumFine);
                this.maximumFine = new BigDecimal(maximumFine);
                this.label = label;
            }

            /** The lowest fine multiple of the article's range (0 for an agreement clause). */
            public BigDecimal minimumFine() {
                return minimumFine;
            }

            /** The upper bound of the article's fine range: what makes one article heavier than another. */
            public BigDecimal maximumFine() {
                return maximumFine;
            }

            public String label() {
                return label;
            }
        }
    }

    /** An agreement action, e.g. suspending a department for 6 months. */
    public record AgreementAction(@NotNull Action action, @Size(max = 100) String department, @Min(1) @Max(12) Integer months) {
        /** In order of severity, lightest first ({@link DecisionSeverity} compares by this order). */
        public enum Action { INTERVIEW, WARNING, SUSPEND_DEPARTMENT, SUSPEND_SETTLEMENT, TERMINATE_AGREEMENT }
    }

    /** A person responsible, by national code only (no names). */
    public record ResponsiblePerson(
            @NotBlank @Size(max = 30) String nationalCode,
            @NotNull PersonType personType,
            @NotNull ResponsibilityLevel responsibilityLevel) {
        public enum PersonType { DOCTOR, NURSE, PHARMACIST, TECHNICIAN, FEE_REVIEWER, PHARMACY_PRINCIPAL }

        /** 一般 / 重要 / 主要. */
        public enum ResponsibilityLevel { GENERAL, IMPORTANT, PRINCIPAL }
    }

    /**
     * The legal ranges a valid body may still break: a fine multiple outside its article's range (a fine needs art. 38,
     * 40 or 41), a department suspension other than 6–12 months or without the department. Throws a 400 naming the field.
     */
    public DecisionRequest checkLegalRanges() {
        return checkLegalRanges("");
    }

    /**
     * {@link #checkLegalRanges()} for a decision that is part of a larger body: every field is named after
     * {@code prefix} (e.g. {@code "decision."}), as the body's validation names it.
     */
    public DecisionRequest checkLegalRanges(String prefix) {
        List<Problem.FieldError> errors = rangeErrors(prefix);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return this;
    }

    /**
     * The legal ranges and the fields checked against each other, every error at once (400 naming each field after
     * {@code prefix}): the article fits the conduct (misuse is art. 38; fraud art. 40 or, by an insured person, 41; an
     * agreement clause fits either), the decision type fits the article (an administrative penalty rests on art. 38,
     * 40 or 41; agreement handling on an agreement clause), agreement handling carries no administrative fine, and the
     * fine is within its article's range.
     */
    public DecisionRequest checkConsistent(String prefix) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LegalBasis.Article article = legalBasis.article();
        boolean penalty = decisionType == DecisionType.ADMINISTRATIVE_PENALTY;
        if (penalty && article == LegalBasis.Article.AGREEMENT_CLAUSE) {
            errors.add(new Problem.FieldError(prefix + "legalBasis.article",
                    "an administrative penalty rests on art. 38, 40 or 41 of the regulation, not on an agreement clause"));
        } else if (!penalty && article != LegalBasis.Article.AGREEMENT_CLAUSE) {
            errors.add(new Problem.FieldError(prefix + "legalBasis.article",
                    "agreement handling (协议处理) rests on an agreement clause (AGREEMENT_CLAUSE), not on " + article));
        }
        if (article == LegalBasis.Article.REGULATION_ART_38 && conduct != Conduct.MISUSE) {
            errors.add(new Problem.FieldError(prefix + "conduct", "art. 38 is misuse (MISUSE); fraud is art. 40 or 41"));
        } else if ((article == LegalBasis.Article.REGULATION_ART_40 || article == LegalBasis.Article.REGULATION_ART_41)
                && conduct != Conduct.FRAUD) {
            errors.add(new Problem.FieldError(prefix + "conduct", "art. 40 and 41 are fraud (FRAUD); misuse is art. 38"));
        }
        if (!penalty && fine().signum() > 0) {
            errors.add(new Problem.FieldError(prefix + "fineMultiple",
                    "agreement handling carries no administrative fine; a fine is an administrative penalty"));
        }
        for (Problem.FieldError e : rangeErrors(prefix)) {
            if (errors.stream().noneMatch(x -> x.field().equals(e.field()))) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return this;
    }

    private List<Problem.FieldError> rangeErrors(String prefix) {
        List<Problem.FieldError> errors = new ArrayList<>();
        BigDecimal m = fine();
        if (m.signum() > 0) {
            switch (legalBasis.article()) {
                case REGULATION_ART_38, REGULATION_ART_40, REGULATION_ART_41 -> {
                    if (m.compareTo(legalBasis.article().minimumFine()) < 0 || m.compareTo(legalBasis.article().maximumFine()) > 0) {
                        errors.add(new Problem.FieldError(prefix + "fineMultiple", "under " + legalBasis.article().label()
                                + " the fine is " + legalBasis.article().minimumFine().toPlainString() + " to "
                                + legalBasis.article().maximumFine().toPlainString() + " times the loss"));
                    }
                }
                case AGREEMENT_CLAUSE -> errors.add(new Problem.FieldError(prefix + "fineMultiple",
                        "a fine is an administrative penalty under art. 38, 40 or 41, not an agreement clause"));
            }
        }
        List<AgreementAction> actions = actions();
        for (int i = 0; i < actions.size(); i++) {
            AgreementAction a = actions.get(i);
            if (a.action() == AgreementAction.Action.SUSPEND_DEPARTMENT) {
                if (a.months() == null || a.months() < 6 || a.months() > 12) {
                    errors.add(new Problem.FieldError(prefix + "agreementActions[" + i + "].months",
                            "a department is suspended for 6 to 12 months (条例 art. 38, 40)"));
                }
                if (a.department() == null || a.department().isBlank()) {
                    errors.add(new Problem.FieldError(prefix + "agreementActions[" + i + "].department", "name the department suspended"));
                }
            }
        }
        return errors;
    }

    private static DomainException invalid(List<Problem.FieldError> errors) {
        return errors.size() == 1 ? new DomainException.InvalidField(errors.get(0).field(), errors.get(0).message())
                : new DomainException.InvalidFields(errors);
    }

    /** The fine multiple, 0 when there is none. */
    public BigDecimal fine() {
        return fineMultiple == null ? BigDecimal.ZERO : new BigDecimal(fineMultiple);
    }

    /** The agreement actions, empty when there are none. */
    public List<AgreementAction> actions() {
        return agreementActions == null ? List.of() : agreementActions;
    }

    /** The event of this decision, final at {@code decidedAt}, for a fund loss (案值) of {@code fundLoss}. */
    public ViolationDecided event(String source, String sourceRef, OffsetDateTime decidedAt, String region,
                                  ViolationDecided.Institution institution, BigDecimal fundLoss,
                                  List<ViolationDecided.ResponsiblePerson> persons) {
        String fineAmount = fineMultiple == null ? null
                : new BigDecimal(fineMultiple).multiply(fundLoss).setScale(2, RoundingMode.HALF_UP).toPlainString();
        List<ViolationDecided.AgreementAction> actions = agreementActions == null ? List.of()
                : agreementActions.stream().map(a -> new ViolationDecided.AgreementAction(a.action().name(), a.department(), a.months()))
                        .toList();
        return new ViolationDecided(UUID.randomUUID().toString(), source, sourceRef, decidedAt, region, institution,
                decisionType.name(), new ViolationDecided.LegalBasis(legalBasis.article().name(), legalBasis.clause()),
                conduct.name(), violationTypes, fundLoss.setScale(2, RoundingMode.HALF_UP).toPlainString(), fineMultiple, fineAmount,
                actions, persons, publicOfficialInvolved);
    }

    /** The event's form of responsible persons entered by staff. */
    public static List<ViolationDecided.ResponsiblePerson> persons(List<ResponsiblePerson> entered) {
        return entered == null ? List.of() : entered.stream().map(p -> new ViolationDecided.ResponsiblePerson(p.nationalCode(),
                p.personType().name(), p.responsibilityLevel().name())).toList();
    }
}
