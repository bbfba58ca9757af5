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

    private final CreditCatalogue catalogue;
    private final List<CreditCatalogue.Indicator> indicators;
    private final Map<String, Integer> index;
    private final String[] categories;
    private final int[] max;

    private CreditEvaluator(CreditCatalogue catalogue) {
        this.catalogue = catalogue;
        this.indicators = catalogue.indicators();
        this.index = catalogue.indexes();
        this.categories = new String[indicators.size()];
        for (int i = 0; i < categories.length; i++) {
            categories[i] = catalogue.categoryOf(indicators.get(i).code()).name();
        }
        this.max = maxDeductions(catalogue);
    }

    /** An evaluator of {@code catalogue}, its look-ups prepared once (for evaluating many institutions). */
    public static CreditEvaluator of(CreditCatalogue catalogue) {
        return new CreditEvaluator(catalogue);
    }

    /** Evaluates {@code deductions} of one institution's year against {@code catalogue}. */
    public static Evaluation evaluate(CreditCatalogue catalogue, List<Deduction> deductions) {
        return of(catalogue).evaluate(deductions);
    }

    /** Evaluates {@code deductions} of one institution's year. */
    public Evaluation evaluate(List<Deduction> deductions) {
        int n = indicators.size();
        int[] points = new int[n];
        int[] cases = new int[n];
        int[] repaired = new int[n];
        int[] recorded = new int[n];
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
        int score = score(catalogue.scale(), max, points);
        List<Line> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CreditCatalogue.Indicator ind = indicators.get(i);
            lines.add(new Line(categories[i], ind.code(), ind.name(), ind.maxDeduction(), cases[i], repaired[i], recorded[i],
                    Math.min(points[i], max[i])));
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
