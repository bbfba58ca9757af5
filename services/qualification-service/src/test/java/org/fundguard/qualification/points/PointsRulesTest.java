package org.fundguard.qualification.points;

import org.fundguard.qualification.points.PointsRules.Consequence;
import org.fundguard.qualification.points.PointsRules.FinalPoints;
import org.fundguard.qualification.points.PointsRules.Outcome;
import org.fundguard.qualification.points.PointsRules.Repair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The points rules at every edge, table-driven, with the shipped national table. */
class PointsRulesTest {

    private static final PointsTable NATIONAL = PointsTables.loadDefault().inForce("341100", LocalDate.of(2025, 6, 1));

    /** Points per event as "4+5" (final in successive months of 2025), then the expected outcome and bar years. */
    @ParameterizedTest(name = "{0} → {1} ({2} years' bar)")
    @CsvSource(delimiter = '|', textBlock = """
            8        | NONE        | 0
            9        | SUSPENSION  | 0
            4+4      | NONE        | 0
            4+5      | SUSPENSION  | 0
            11       | SUSPENSION  | 0
            12       | TERMINATION | 3
            6+6      | TERMINATION | 1
            10+4     | TERMINATION | 1
            10+2     | TERMINATION | 1
            12+1     | TERMINATION | 3
            """)
    void theYearsTotalDecides(String events, Outcome outcome, int barYears) {
        List<FinalPoints> points = new ArrayList<>();
        String[] parts = events.trim().split("\\+");
        for (int i = 0; i < parts.length; i++) {
            points.add(new FinalPoints("e" + i, Integer.parseInt(parts[i]), LocalDate.of(2025, 3, 1).plusMonths(i)));
        }
        Consequence c = PointsRules.consequence(2025, points, List.of());
        assertThat(c.outcome()).isEqualTo(outcome);
        assertThat(c.barYears()).isEqualTo(barYears);
    }

    @Test
    void pointsCountInTheYearTheirDecisionBecameFinalAndResetOnTheFirstOfJanuary() {
        List<FinalPoints> points = List.of(new FinalPoints("a", 6, LocalDate.of(2025, 12, 31)),
                new FinalPoints("b", 6, LocalDate.of(2026, 1, 1)));
        assertThat(PointsRules.yearTotal(2025, points, List.of())).isEqualTo(6);
        assertThat(PointsRules.yearTotal(2026, points, List.of())).isEqualTo(6);
        assertThat(PointsRules.consequence(2025, points, List.of()).outcome()).isEqualTo(Outcome.NONE);
        assertThat(PointsRules.consequence(2026, points, List.of()).outcome()).isEqualTo(Outcome.NONE);
        // both in one year: 12 points cumulatively → terminated, 1 year's bar
        List<FinalPoints> sameYear = List.of(new FinalPoints("a", 6, LocalDate.of(2025, 12, 30)),
                new FinalPoints("b", 6, LocalDate.of(2025, 12, 31)));
        assertThat(PointsRules.consequence(2025, sameYear, List.of())).isEqualTo(new Consequence(Outcome.TERMINATION, 12, 1));
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            MISUSE | 重复收费         | GENERAL   | 1
            MISUSE | 重复收费         | IMPORTANT | 2
            MISUSE | 重复收费         | PRINCIPAL | 3
            MISUSE | 分解住院         | GENERAL   | 4
            MISUSE | 分解住院         | IMPORTANT | 5
            MISUSE | 分解住院         | PRINCIPAL | 6
            MISUSE | 诱导住院         | GENERAL   | 7
            MISUSE | 虚构医药服务项目 | GENERAL   | 10
            FRAUD  | 重复收费         | GENERAL   | 10
            FRAUD  | 重复收费         | IMPORTANT | 11
            FRAUD  | 重复收费         | PRINCIPAL | 12
            """)
    void responsibilityPicksTheEndOfTheBand(String conduct, String type, ResponsibilityLevel level, int points) {
        assertThat(NATIONAL.band(conduct, List.of(type)).proposed(level)).isEqualTo(points);
    }

    @Test
    void suspensionAndBarDates() {
        assertThat(PointsRules.suspensionUntil(LocalDate.of(2027, 3, 1), 4)).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(PointsRules.barredUntil(LocalDate.of(2027, 3, 1), 3)).isEqualTo(LocalDate.of(2030, 2, 28));
        assertThatThrownBy(() -> PointsRules.suspensionUntil(LocalDate.of(2027, 3, 1), 7)).isInstanceOf(IllegalArgumentException.class);
        assertThat(NATIONAL.suggestedSuspensionMonths(9)).isEqualTo(1);
        assertThat(NATIONAL.suggestedSuspensionMonths(10)).isEqualTo(4);
        assertThat(NATIONAL.suggestedSuspensionMonths(11)).isEqualTo(6);
    }

    @ParameterizedTest(name = "asked {0}, total {1}, repaired {2} → {3}")
    @CsvSource(textBlock = """
            1, 8, 0, 1
            2, 8, 0, 1
            1, 8, 5, 1
            1, 8, 6, 0
            1, 0, 0, 0
            """)
    void repairCaps(int requested, int total, int repaired, int expected) {
        assertThat(PointsRules.repairable(requested, total, repaired, false, NATIONAL)).isEqualTo(expected);
    }

    @Test
    void repairIsRefusedWhileSuspended() {
        assertThatThrownBy(() -> PointsRules.repairable(1, 10, 0, true, NATIONAL)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("suspended");
        assertThat(PointsRules.consequence(2025, List.of(new FinalPoints("a", 9, LocalDate.of(2025, 5, 1))),
                List.of(new Repair(1, LocalDate.of(2025, 4, 1)))).outcome()).isEqualTo(Outcome.NONE);
    }
}
