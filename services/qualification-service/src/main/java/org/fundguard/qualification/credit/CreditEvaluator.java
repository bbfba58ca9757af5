package org.fundguard.qualification.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The yearly evaluation, in memory: each indicator loses the points of its unrepaired deductions up to its
 * {@code maxDeduction}; the score is the scale minus those losses; the grade comes from the cut-offs, and an unrepaired
 * deduction of serious dishonesty forces the worst grade whatever the score.
 */
public final class CreditEvaluator {

    private CreditEvaluator() {
    }

    /** One deduction as the evaluation sees it. */
    public record Deduction(String indicatorCode, int points, boolean repaired, boolean seriousDishonesty) {
    }

    /** One indicator's line of the explanation. */
    public record Line(String category, String indicatorCode, String indicatorName, int maxDeduction, int cases,
                       int repairedCases, int pointsRecorded, int deducted) {
    }

    public record Evaluation(String catalogueId, int score, String scoreGrade, String grade, String forcedReason,
                             int inspectionsPerYear, List<Line> lines) {
    }

    /** Evaluates {@code deductions} of one institution's year against {@code catalogue}. */
    public static Evaluation evaluate(CreditCatalogue catalogue, List<Deduction> deductions) {
        List<CreditCatalogue.Indicator> indicators = catalogue.indicators();
        Map<String, Integer> index = catalogue.indexes();
        int[] points = new int[indicators.size()];
        int[] cases = new int[indicators.size()];
        int[] repaired = new int[indicators.size()];
        int[] recorded = new int[indicators.size()];
        boolean serious = false;
        for (Deduction d : deductions) {
            Integer i = index.get(d.indicatorCode());
            if (i == null) {
                throw new IllegalArgumentException("indicator " + d.indicatorCode() + " is not in catalogue " + catalogue.id());
            }
            cases[i]++;
            recorded[i] += d.points();
            if (d.repaired()) {
                repaired[i]++;
            } else {
                points[i] += d.points();
                serious |= d.seriousDishonesty();
            }
        }
        int[] max = maxDeductions(catalogue);
        int score = score(catalogue.scale(), max, points);
        List<Line> lines = new ArrayList<>(indicators.size());
        for (int i = 0; i < indicators.size(); i++) {
            CreditCatalogue.Indicator ind = indicators.get(i);
            lines.add(new Line(catalogue.categoryOf(ind.code()).name(), ind.code(), ind.name(), ind.maxDeduction(), cases[i],
                    repaired[i], recorded[i], Math.min(points[i], max[i])));
        }
        String scoreGrade = catalogue.gradeFor(score);
        String grade = serious ? catalogue.worstGrade() : scoreGrade;
        String reason = serious ? "serious dishonesty (严重失信): an unrepaired deduction on a serious-dishonesty indicator or"
                + " from a decision whose conduct is serious dishonesty forces grade " + grade : null;
        return new Evaluation(catalogue.id(), score, scoreGrade, grade, reason, catalogue.inspectionsFor(grade), lines);
    }

    /** Each indicator's maximum deduction, in catalogue order. */
    public static int[] maxDeductions(CreditCatalogue catalogue) {
        List<CreditCatalogue.Indicator> indicators = catalogue.indicators();
        int[] max = new int[indicators.size()];
        for (int i = 0; i < max.length; i++) {
            max[i] = indicators.get(i).maxDeduction();
        }
        return max;
    }

    /**
     * The score from the unrepaired points per indicator (catalogue order): the scale minus each indicator's points
     * capped at its maximum deduction. The hot loop of the evaluation (and of the benchmark).
     */
    public static int score(int scale, int[] maxDeduction, int[] unrepairedPoints) {
        int lost = 0;
        for (int i = 0; i < maxDeduction.length; i++) {
            lost += Math.min(unrepairedPoints[i], maxDeduction[i]);
        }
        return scale - lost;
    }
}
