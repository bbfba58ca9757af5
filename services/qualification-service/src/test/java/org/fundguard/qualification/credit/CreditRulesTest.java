package org.fundguard.qualification.credit;

import org.fundguard.kit.problem.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The credit rules on the shipped default catalogue: shape, scoring, grades, forced E, repair deadline, poor years. */
class CreditRulesTest {

    static final CreditCatalogue C = CreditCatalogues.loadDefault().inForce("341100", LocalDate.of(2026, 6, 1));

    static CreditEvaluator.Deduction d(String code, int points) {
        return new CreditEvaluator.Deduction(code, points, false, false);
    }

    @Test
    void theDefaultHasTheShapeOfSeed003() {
        assertThat(C.id()).isEqualTo("shangyu-003");
        assertThat(C.scale()).isEqualTo(1000);
        assertThat(C.categories()).extracting(CreditCatalogue.Category::name)
                .containsExactly("基础管理", "自律管理", "协议管理", "监督管理", "管理引导", "公共信息");
        assertThat(C.indicators()).hasSize(58);
        assertThat(C.indicators().stream().filter(CreditCatalogue.Indicator::repairable)).hasSize(38);
        assertThat(C.grades()).extracting(CreditCatalogue.GradeCut::grade).containsExactly("A", "B", "C", "D", "E");
    }

    @ParameterizedTest(name = "score {0} → {1}")
    @CsvSource({"1000,A", "950,A", "949,B", "850,B", "849,C", "750,C", "749,D", "600,D", "599,E", "0,E"})
    void gradeCutOffs(int score, String grade) {
        assertThat(C.gradeFor(score)).isEqualTo(grade);
    }

    @ParameterizedTest(name = "{0} → {1} inspections a year")
    @CsvSource({"A,1", "B,1", "C,2", "D,4", "E,6"})
    void inspectionFrequencyByGrade(String grade, int perYear) {
        assertThat(C.inspectionsFor(grade)).isEqualTo(perYear);
        // classified supervision: B and above fewer checks than C, D and below more
        if (grade.compareTo("C") < 0) {
            assertThat(perYear).isLessThan(C.inspectionsFor("C"));
        } else if (grade.compareTo("C") > 0) {
            assertThat(perYear).isGreaterThan(C.inspectionsFor("C"));
        }
    }

    @Test
    void noDeductionsIsTheFullScale() {
        CreditEvaluator.Evaluation e = CreditEvaluator.evaluate(C, List.of());
        assertThat(e.score()).isEqualTo(1000);
        assertThat(e.grade()).isEqualTo("A");
        assertThat(e.lines()).hasSize(58).allSatisfy(l -> assertThat(l.deducted()).isZero());
    }

    @Test
    void deductionsAddUpAndAreCappedPerIndicator() {
        // XY-05 max 20: 10 + 10 + 10 recorded, 20 deducted; JD-01 max 25: 10
        CreditEvaluator.Evaluation e = CreditEvaluator.evaluate(C, List.of(d("XY-05", 10), d("XY-05", 10), d("XY-05", 10), d("JD-01", 10)));
        assertThat(e.score()).isEqualTo(1000 - 20 - 10);
        assertThat(e.grade()).isEqualTo("A");
        CreditEvaluator.Line xy05 = e.lines().stream().filter(l -> l.indicatorCode().equals("XY-05")).findFirst().orElseThrow();
        assertThat(xy05.cases()).isEqualTo(3);
        assertThat(xy05.pointsRecorded()).isEqualTo(30);
        assertThat(xy05.deducted()).isEqualTo(20);
        assertThat(xy05.category()).isEqualTo("协议管理");
    }

    @Test
    void losingEveryIndicatorsMaximumIsZero() {
        List<CreditEvaluator.Deduction> all = new ArrayList<>();
        C.indicators().forEach(i -> all.add(d(i.code(), i.maxDeduction())));
        assertThat(CreditEvaluator.evaluate(C, all).score()).isZero();
    }

    @Test
    void seriousDishonestyForcesEWhateverTheScore() {
        CreditEvaluator.Evaluation e = CreditEvaluator.evaluate(C, List.of(new CreditEvaluator.Deduction("JD-09", 20, false, true)));
        assertThat(e.score()).isEqualTo(980);
        assertThat(e.scoreGrade()).isEqualTo("A");
        assertThat(e.grade()).isEqualTo("E");
        assertThat(e.forcedReason()).contains("serious dishonesty");
        assertThat(e.inspectionsPerYear()).isEqualTo(6);
    }

    @Test
    void aRepairedDeductionRestoresItsPointsAndForcesNothing() {
        CreditEvaluator.Evaluation e = CreditEvaluator.evaluate(C, List.of(new CreditEvaluator.Deduction("XY-09", 15, true, true)));
        assertThat(e.score()).isEqualTo(1000);
        assertThat(e.grade()).isEqualTo("A");
        assertThat(e.forcedReason()).isNull();
    }

    @Test
    void fraudIsSeriousAndDecisionsMapToIndicators() {
        assertThat(C.seriousConduct("FRAUD")).isTrue();
        assertThat(C.seriousConduct("MISUSE")).isFalse();
        assertThat(C.indicatorsFor(new CreditCatalogue.DecisionFacts("AGREEMENT_HANDLING", "MISUSE",
                Set.of("SUSPEND_DEPARTMENT"), Set.of("分解住院", "重复收费")))).containsExactly("JD-01", "XY-10", "XY-04", "XY-05");
        assertThat(C.indicatorsFor(new CreditCatalogue.DecisionFacts("ADMINISTRATIVE_PENALTY", "FRAUD", Set.of(), Set.of("x"))))
                .containsExactly("JD-08", "JD-09");
    }

    @Test
    void repairOnTheDeadlineIsAcceptedTheDayAfterRefusedNamingTheDeadline() {
        CreditCatalogue.Indicator xy05 = C.indicator("XY-05");   // 60 days
        LocalDate deadline = RepairRule.deadline(xy05, LocalDate.of(2026, 3, 1));
        assertThat(deadline).isEqualTo(LocalDate.of(2026, 4, 30));
        RepairRule.check(xy05, deadline, null, deadline);
        assertThatThrownBy(() -> RepairRule.check(xy05, deadline, null, deadline.plusDays(1)))
                .isInstanceOf(DomainException.RuleViolation.class)
                .hasMessageContaining("2026-04-30").hasMessageContaining("too late");
    }

    @Test
    void aNonRepairableIndicatorOrARepairedDeductionIsRefused() {
        CreditCatalogue.Indicator jd09 = C.indicator("JD-09");
        assertThat(RepairRule.deadline(jd09, LocalDate.of(2026, 3, 1))).isNull();
        assertThatThrownBy(() -> RepairRule.check(jd09, null, null, LocalDate.of(2026, 3, 2)))
                .isInstanceOf(DomainException.RuleViolation.class).hasMessageContaining("not repairable");
        CreditCatalogue.Indicator xy05 = C.indicator("XY-05");
        assertThatThrownBy(() -> RepairRule.check(xy05, LocalDate.of(2026, 4, 30), LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 6)))
                .isInstanceOf(DomainException.StateConflict.class);
    }

    @ParameterizedTest(name = "{0} / {1} / {2} → flagged {3}")
    @CsvSource({"D,D,D,true", "D,E,D,true", "E,E,E,true", "C,D,E,false", "D,D,C,false", "D,,D,false", "A,B,A,false"})
    void threeConsecutivePoorYearsFlag(String y1, String y2, String y3, boolean flagged) {
        java.util.Map<Integer, String> grades = new java.util.HashMap<>();
        if (y1 != null) grades.put(2023, y1);
        if (y2 != null) grades.put(2024, y2);
        if (y3 != null) grades.put(2025, y3);
        assertThat(PoorYears.flags(C, grades, 2025)).isEqualTo(flagged);
    }

    @Test
    void aCatalogueWhoseWeightsDoNotAddUpIsRefused() {
        CreditCatalogue.Category cat = new CreditCatalogue.Category("X", "x", 999,
                List.of(new CreditCatalogue.Indicator("XX-01", "x", 999, 1, false, null)));
        CreditCatalogue bad = new CreditCatalogue("bad", "34", LocalDate.of(2026, 1, 1), "t", "s", 1000, C.grades(),
                C.inspectionsPerYear(), C.poorGrades(), 3, null, List.of(), List.of(cat));
        assertThatThrownBy(() -> new CreditCatalogues(List.of(bad))).hasMessageContaining("weights add up to 999");
    }
}
