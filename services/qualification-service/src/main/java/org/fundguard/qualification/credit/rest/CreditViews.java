package org.fundguard.qualification.credit.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.fundguard.qualification.credit.CreditDeduction;
import org.fundguard.qualification.credit.CreditEvaluationRecord;
import org.fundguard.qualification.credit.CreditEvaluator;
import org.fundguard.qualification.credit.CreditInstitution;
import org.fundguard.qualification.credit.CreditService;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The credit API's request and response bodies. */
public final class CreditViews {

    private CreditViews() {
    }

    /** An officer's deduction (part {@code deduction} of the form; the evidence files are parts {@code evidence}). */
    public record CreditDeductionRequest(
            @Size(max = 200) String fixmedinsName,
            @Min(2000) @Max(2100) Integer year,
            @NotBlank @Pattern(regexp = "[A-Z]{2}-\\d{2}") String indicatorCode,
            @Min(1) @Max(1000) Integer points,
            @NotBlank @Size(max = 500) String reason) {

        CreditService.OfficerDeduction toCommand() {
            return new CreditService.OfficerDeduction(fixmedinsName, year, indicatorCode, points, reason);
        }
    }

    public record CreditRepairRequest(@NotBlank @Size(max = 500) String note) {
    }

    public record CreditDeductionView(UUID id, String fixmedinsCode, int year, String catalogueId, String indicatorCode,
                                      int points, String origin, String decisionId, String reason, boolean seriousDishonesty,
                                      LocalDate recordedOn, LocalDate repairDeadline, LocalDate repairedOn, String repairNote) {
        static CreditDeductionView of(CreditDeduction d) {
            return new CreditDeductionView(d.id, d.fixmedinsCode, d.year, d.catalogueId, d.indicatorCode, d.points, d.origin,
                    d.decisionId, d.reason, d.seriousDishonesty, d.recordedOn, d.repairDeadline, d.repairedOn, d.repairNote);
        }
    }

    public record CreditLineView(String category, String indicatorCode, String indicatorName, int maxDeduction, int cases,
                                 int repairedCases, int pointsRecorded, int deducted) {
        static CreditLineView of(CreditEvaluator.Line l) {
            return new CreditLineView(l.category(), l.indicatorCode(), l.indicatorName(), l.maxDeduction(), l.cases(),
                    l.repairedCases(), l.pointsRecorded(), l.deducted());
        }
    }

    public record CreditEvaluationSummaryView(String fixmedinsCode, String region, int year, String catalogueId, int score,
                                              String grade, int inspectionsPerYear, OffsetDateTime evaluatedAt) {
        static CreditEvaluationSummaryView of(CreditEvaluationRecord r) {
            return new CreditEvaluationSummaryView(r.fixmedinsCode, r.region, r.year, r.catalogueId, r.score, r.grade,
                    r.inspectionsPerYear, r.evaluatedAt);
        }
    }

    public record CreditEvaluationView(String fixmedinsCode, String fixmedinsName, String region, int year, String catalogueId,
                                       int score, String scoreGrade, String grade, String forcedReason, int inspectionsPerYear,
                                       Integer agreementEndFlaggedYear, OffsetDateTime evaluatedAt, List<CreditLineView> lines) {
        static CreditEvaluationView of(CreditService.EvaluationDetails d) {
            CreditEvaluationRecord r = d.record();
            CreditInstitution i = d.institution();
            return new CreditEvaluationView(r.fixmedinsCode, i.fixmedinsName, r.region, r.year, r.catalogueId, r.score,
                    r.scoreGrade, r.grade, r.forcedReason, r.inspectionsPerYear, i.agreementEndYear, r.evaluatedAt,
                    d.lines().stream().map(CreditLineView::of).toList());
        }
    }

    /** What an authorised third party may know: the current grade and score, nothing else. */
    public record CreditQueryView(String fixmedinsCode, String grade, int score, int year) {
        static CreditQueryView of(CreditEvaluationRecord r) {
            return new CreditQueryView(r.fixmedinsCode, r.grade, r.score, r.year);
        }
    }
}
