package org.fundguard.qualification.credit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of a province's credit indicator catalogue (信用评价指标): categories of indicators with their weights and
 * deductions, the grade cut-offs, the inspection frequency by grade, what counts as serious dishonesty, which grades are
 * poor, and how decisions map to indicators. Loaded from {@code credit/credit-catalogues.json} by {@link CreditCatalogues}.
 */
public record CreditCatalogue(String id, String regionPrefix, LocalDate effectiveFrom, String title, String legalSource,
                              int scale, List<GradeCut> grades, Map<String, Integer> inspectionsPerYear,
                              List<String> poorGrades, int poorYearsToFlag, SeriousDishonesty seriousDishonesty,
                              List<Mapping> mappings, List<Category> categories) {

    /** A grade and the lowest score that reaches it; listed from the best grade down. */
    public record GradeCut(String grade, int minScore) {
    }

    /** Conducts of a decision and indicators whose deduction force grade E. */
    public record SeriousDishonesty(List<String> conducts, List<String> indicators) {
        public SeriousDishonesty {
            conducts = conducts == null ? List.of() : List.copyOf(conducts);
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }

    /**
     * A decision matches when every field given matches (decision type, conduct, one of its agreement actions, one of
     * its violation types); each indicator named then gets one deduction of its {@code deductionPerCase}.
     */
    public record Mapping(String decisionType, String conduct, String agreementAction, String violationType,
                          List<String> indicators) {
        public Mapping {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }

        boolean matches(DecisionFacts d) {
            return (decisionType == null || decisionType.equals(d.decisionType()))
                    && (conduct == null || conduct.equals(d.conduct()))
                    && (agreementAction == null || d.agreementActions().contains(agreementAction))
                    && (violationType == null || d.violationTypes().contains(violationType));
        }
    }

    public record Category(String code, String name, int weight, List<Indicator> indicators) {
        public Category {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }

    /**
     * An indicator: at most {@code maxDeduction} points come off (its weight within the category), each case
     * {@code deductionPerCase} by default; a repairable one can be repaired within {@code repairDays} of the deduction.
     */
    public record Indicator(String code, String name, int maxDeduction, int deductionPerCase, boolean repairable,
                            Integer repairDays) {
    }

    /** What of a decision the mappings look at. */
    public record DecisionFacts(String decisionType, String conduct, Set<String> agreementActions, Set<String> violationTypes) {
    }

    public CreditCatalogue {
        grades = List.copyOf(grades);
        inspectionsPerYear = Map.copyOf(inspectionsPerYear);
        poorGrades = List.copyOf(poorGrades);
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
        categories = List.copyOf(categories);
        seriousDishonesty = seriousDishonesty == null ? new SeriousDishonesty(List.of(), List.of()) : seriousDishonesty;
    }

    /** Every indicator in catalogue order (the order of the explanation and of {@link CreditEvaluator#score}). */
    public List<Indicator> indicators() {
        List<Indicator> all = new ArrayList<>();
        categories.forEach(c -> all.addAll(c.indicators()));
        return Collections.unmodifiableList(all);
    }

    /** Position of each indicator code in {@link #indicators()}. */
    public Map<String, Integer> indexes() {
        Map<String, Integer> out = new HashMap<>();
        List<Indicator> all = indicators();
        for (int i = 0; i < all.size(); i++) {
            out.put(all.get(i).code(), i);
        }
        return out;
    }

    /** The indicator of {@code code}, or null. */
    public Indicator indicator(String code) {
        for (Category c : categories) {
            for (Indicator i : c.indicators()) {
                if (i.code().equals(code)) {
                    return i;
                }
            }
        }
        return null;
    }

    /** The category an indicator is in. */
    public Category categoryOf(String indicatorCode) {
        for (Category c : categories) {
            for (Indicator i : c.indicators()) {
                if (i.code().equals(indicatorCode)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The grade a score reaches. */
    public String gradeFor(int score) {
        for (GradeCut g : grades) {
            if (score >= g.minScore()) {
                return g.grade();
            }
        }
        return grades.get(grades.size() - 1).grade();
    }

    /** The worst grade (E in the default), the one serious dishonesty forces. */
    public String worstGrade() {
        return grades.get(grades.size() - 1).grade();
    }

    public int inspectionsFor(String grade) {
        return inspectionsPerYear.get(grade);
    }

    public boolean isPoor(String grade) {
        return poorGrades.contains(grade);
    }

    /** The indicators a decision is deducted on, in mapping order, each once. */
    public Set<String> indicatorsFor(DecisionFacts decision) {
        Set<String> out = new LinkedHashSet<>();
        for (Mapping m : mappings) {
            if (m.matches(decision)) {
                out.addAll(m.indicators());
            }
        }
        return out;
    }

    /** Whether a decision's conduct is serious dishonesty. */
    public boolean seriousConduct(String conduct) {
        return conduct != null && seriousDishonesty.conducts().contains(conduct);
    }

    /** Whether a deduction on this indicator is serious dishonesty. */
    public boolean seriousIndicator(String indicatorCode) {
        return seriousDishonesty.indicators().contains(indicatorCode);
    }
}
