package org.fundguard.report.reward;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped reward policies, row by row; every expected amount is computed by hand in the row. */
class RewardCalculatorTest {

    private static final RewardPolicies SHIPPED = RewardPolicies.loadDefault();

    private static RewardPolicy policy(String id) {
        return SHIPPED.all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static RewardQuote quote(String policyId, String caseValue, boolean insider, Integer level, TargetKind kind) {
        return RewardCalculator.quote(policy(policyId), new RewardInput(new BigDecimal(caseValue), insider, level, kind));
    }

    @ParameterizedTest(name = "seed 004: {0} insider={1} → {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            # case value | insider | expected  | by hand
            0            | false   | 0.00      | no fund loss
            -5           | false   | 0.00      | no fund loss
            0.01         | false   | 200.00    | 0.0003 → floor 200
            1000         | false   | 200.00    | 30 → floor 200
            6666.66      | false   | 200.00    | 199.9998 → floor 200
            6666.67      | false   | 200.00    | 200.0001, above the floor, rounds to 200.00
            6667         | false   | 200.01    | 200.01
            100000       | false   | 3000.00   | 3% of 100,000
            100000.01    | false   | 3000.00   | 3000 + 0.0002
            100000.25    | false   | 3000.01   | 3000 + 0.005, half-up
            500000       | false   | 11000.00  | 3000 + 8000
            500000.01    | false   | 11000.00  | 11000 + 0.0001
            10000000     | false   | 106000.00 | 11000 + 95000
            19400000     | false   | 200000.00 | 11000 + 189000, exactly the cap
            19400001     | false   | 200000.00 | 200000.01 → cap
            20000000     | false   | 200000.00 | 206000 → cap
            1000         | true    | 240.00    | floor 200, then +20%
            6666.83      | true    | 240.01    | 200.0049 × 1.2 = 240.00588 (rounding before the uplift gives 240.00)
            100000       | true    | 3600.00   | 3000 × 1.2
            10000000     | true    | 127200.00 | 106000 × 1.2
            16066666     | true    | 199999.99 | 166666.66 × 1.2 = 199999.992
            16066667     | true    | 200000.00 | 166666.67 × 1.2 = 200000.004 → cap
            20000000     | true    | 200000.00 | 247200 → cap
            """)
    void seed004MarginalBrackets(String caseValue, boolean insider, String expected, String byHand) {
        assertThat(quote("seed-004", caseValue, insider, null, null).amount()).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "Guangdong level {0}: {1} insider={2} → {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            # level | case value | insider | expected  | by hand
            1       | 1000       | false   | 400.00    | 30 → floor 400
            1       | 13333.33   | false   | 400.00    | 399.9999 → floor 400
            1       | 13333.34   | false   | 400.00    | 400.0002, above the floor
            1       | 20000      | false   | 600.00    | 3%
            1       | 20000      | true    | 720.00    | 600 × 1.2
            1       | 1000       | true    | 480.00    | floor 400, then +20%
            1       | 10000000   | false   | 200000.00 | 300000 → cap
            2       | 10000      | false   | 300.00    | 200 → floor 300
            2       | 15000      | false   | 300.00    | exactly the floor
            2       | 15000.50   | false   | 300.01    | 2%
            2       | 50000      | false   | 1000.00   | 2%
            2       | 50000      | true    | 1200.00   | 1000 × 1.2
            2       | 10000      | true    | 360.00    | floor 300, then +20%
            3       | 10000      | false   | 200.00    | 100 → floor 200
            3       | 20000      | false   | 200.00    | exactly the floor
            3       | 100000     | false   | 1000.00   | 1%
            3       | 100000     | true    | 1200.00   | 1000 × 1.2
            3       | 1000       | true    | 240.00    | floor 200, then +20%
            3       | 30000000   | false   | 200000.00 | 300000 → cap
            3       | 40000.49   | true    | 480.01    | 400.0049 × 1.2 = 480.00588 (rounding before the uplift gives 480.00)
            """)
    void guangdongByEvidenceLevel(int level, String caseValue, boolean insider, String expected, String byHand) {
        assertThat(quote("guangdong-2023", caseValue, insider, level, null).amount()).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "Beijing {0}: {1} insider={2} → {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            # target      | case value | insider | expected  | by hand
            INSTITUTION   | 10000      | false   | 500.00    | 200 → minimum 500
            INSTITUTION   | 25000      | false   | 500.00    | exactly the minimum
            INSTITUTION   | 25000.50   | false   | 500.01    | 2%
            INSTITUTION   | 100000     | false   | 2000.00   | 2%
            INSTITUTION   | 500000     | false   | 10000.00  | 2% of 500,000 (500,000 itself is in the 2% tier)
            INSTITUTION   | 500000.01  | false   | 20000.00  | 4% of the whole 500,000.01 = 20000.0004
            INSTITUTION   | 600000     | false   | 24000.00  | 4% of the whole 600,000, not 2% + 4% of the part
            INSTITUTION   | 600000     | true    | 24000.00  | no insider uplift in this policy
            INSTITUTION   | 5000000    | false   | 200000.00 | 4% of 5,000,000, exactly the cap
            INSTITUTION   | 6000000    | false   | 200000.00 | 240000 → cap
            INDIVIDUAL    | 1000       | false   | 500.00    | 100 → minimum 500
            INDIVIDUAL    | 5000       | false   | 500.00    | exactly the minimum
            INDIVIDUAL    | 8000       | false   | 800.00    | 10%
            INDIVIDUAL    | 10000      | false   | 1000.00   | 10% of 10,000 (10,000 itself is in the first tier)
            INDIVIDUAL    | 10000.01   | false   | 1500.00   | 10% of the whole 10,000.01 + 500 = 1500.001
            INDIVIDUAL    | 10000.05   | false   | 1500.01   | 1000.005 + 500, half-up
            INDIVIDUAL    | 20000      | false   | 2500.00   | 2000 + 500
            INDIVIDUAL    | 1995000    | false   | 200000.00 | 199500 + 500, exactly the cap
            INDIVIDUAL    | 3000000    | false   | 200000.00 | 300500 → cap
            """)
    void beijingByTargetKind(TargetKind kind, String caseValue, boolean insider, String expected, String byHand) {
        assertThat(quote("beijing-2023", caseValue, insider, null, kind).amount()).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void roundsOnceAtTheEndNotPerBracket() {
        // Two brackets that each end in half a fen: 10.005 + 300.005 = 310.01, whereas rounding each gives 310.02.
        RewardPolicy halfFen = new RewardPolicy("half-fen", "", LocalDate.of(2023, 1, 1), "test", "test",
                new RewardShape.MarginalBrackets(
                        List.of(Bracket.upTo(new BigDecimal("1000.5"), new BigDecimal("0.01")),
                                Bracket.unbounded(new BigDecimal("0.01"))),
                        new BigDecimal("200"), BigDecimal.ZERO, new BigDecimal("200000")));

        assertThat(RewardCalculator.quote(halfFen, RewardInput.of(new BigDecimal("31001"))).amount())
                .isEqualTo(new BigDecimal("310.01"));
    }

    @Test
    void showsEveryStepOfACappedInsiderQuote() {
        RewardQuote quote = quote("seed-004", "20000000", true, null, null);

        assertThat(quote.policyId()).isEqualTo("seed-004");
        assertThat(quote.amount()).isEqualTo(new BigDecimal("200000.00"));
        assertThat(render(quote.steps())).containsExactly(
                "3% of 100,000.00 (part up to 100,000) → 3000",
                "2% of 400,000.00 (part above 100,000 up to 500,000) → 11000",
                "1% of 19,500,000.00 (part above 500,000) → 206000",
                "+20% because the reporter is a current or former insider of the reported institution → 247200",
                "capped at 200,000.00 → 200000",
                "rounded half-up to the fen → 200000.00");
    }

    @Test
    void showsTheFloorBeforeTheInsiderUplift() {
        assertThat(render(quote("seed-004", "1000", true, null, null).steps())).containsExactly(
                "3% of 1,000.00 (part up to 100,000) → 30",
                "raised to the floor of 200.00 → 200",
                "+20% because the reporter is a current or former insider of the reported institution → 240",
                "rounded half-up to the fen → 240.00");
    }

    @Test
    void showsTheExactIntermediateAndTheSingleRounding() {
        assertThat(render(quote("beijing-2023", "10000.05", false, null, TargetKind.INDIVIDUAL).steps())).containsExactly(
                "individual: 10% of the whole case value 10,000.05 + 500.00 fixed (case value above 10,000) → 1500.005",
                "rounded half-up to the fen → 1500.01");
    }

    @Test
    void namesTheWholeValueTierTheCaseValueFallsIn() {
        assertThat(render(quote("beijing-2023", "600000", false, null, TargetKind.INSTITUTION).steps())).containsExactly(
                "institution: 4% of the whole case value 600,000.00 (case value above 500,000) → 24000",
                "rounded half-up to the fen → 24000.00");
        assertThat(render(quote("beijing-2023", "300000", false, null, TargetKind.INSTITUTION).steps())).containsExactly(
                "institution: 2% of the whole case value 300,000.00 (case value up to 500,000) → 6000",
                "rounded half-up to the fen → 6000.00");
    }

    @Test
    void showsTheEvidenceLevelInTheSteps() {
        assertThat(render(quote("guangdong-2023", "10000", false, 2, null).steps())).containsExactly(
                "evidence level 2: 2% of 10,000.00 (whole case value) → 200",
                "raised to the floor of 300.00 → 300",
                "rounded half-up to the fen → 300.00");
    }

    @Test
    void givesNothingWhenTheFundSufferedNoLoss() {
        RewardQuote quote = quote("guangdong-2023", "0", true, 1, null);

        assertThat(quote.amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(render(quote.steps())).containsExactly(
                "no reward: condition \"fund suffered a loss\" not met (case value 0.00) → 0.00");
    }

    @Test
    void rejectsALevelPolicyQuoteWithoutEvidenceLevel() {
        assertThatThrownBy(() -> quote("guangdong-2023", "10000", false, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evidenceLevel")
                .hasMessageContaining("guangdong-2023");
    }

    @Test
    void rejectsATargetKindPolicyQuoteWithoutTargetKind() {
        assertThatThrownBy(() -> quote("beijing-2023", "10000", false, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetKind");
    }

    @Test
    void rejectsAnInputWithoutCaseValueOrWithAnEvidenceLevelOutOfRange() {
        assertThatThrownBy(() -> new RewardInput(null, false, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caseValue");
        assertThatThrownBy(() -> new RewardInput(BigDecimal.TEN, false, 4, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evidenceLevel");
    }

    /** "label → running amount": exact intermediates without trailing zeros; the last, rounded step as it is (scale 2). */
    private static List<String> render(List<RewardQuote.Step> steps) {
        int last = steps.size() - 1;
        return IntStream.rangeClosed(0, last)
                .mapToObj(i -> steps.get(i).label() + " → " + (i == last
                        ? steps.get(i).runningAmount().toPlainString()
                        : steps.get(i).runningAmount().stripTrailingZeros().toPlainString()))
                .toList();
    }
}
