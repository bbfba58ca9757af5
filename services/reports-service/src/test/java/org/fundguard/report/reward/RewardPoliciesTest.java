package org.fundguard.report.reward;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Which policy is in force where and when, and what the loader refuses. */
class RewardPoliciesTest {

    private static final String SEED_SHAPE = """
            {"type": "MARGINAL_BRACKETS",
             "brackets": [{"upTo": 100000, "rate": 0.03}, {"upTo": 500000, "rate": 0.02}, {"rate": 0.01}],
             "floor": 200, "insiderUplift": 0.20, "cap": 200000}""";

    @Test
    void loadsTheShippedPolicies() {
        assertThat(RewardPolicies.loadDefault().all())
                .extracting(RewardPolicy::id, RewardPolicy::regionPrefix, RewardPolicy::effectiveFrom)
                .containsExactly(
                        tuple("seed-004", "", LocalDate.of(2023, 1, 1)),
                        tuple("guangdong-2023", "44", LocalDate.of(2023, 1, 1)),
                        tuple("beijing-2023", "11", LocalDate.of(2023, 11, 16)));
    }

    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # region | decision date | policy
            440300   | 2025-06-01    | guangdong-2023
            440106   | 2023-01-01    | guangdong-2023
            110105   | 2025-06-01    | beijing-2023
            110105   | 2023-11-16    | beijing-2023
            110105   | 2023-11-15    | seed-004
            341100   | 2025-06-01    | seed-004
            310101   | 2025-06-01    | seed-004
            """)
    void selectsTheShippedPolicyForTheRegion(String region, LocalDate date, String expectedId) {
        assertThat(RewardPolicies.loadDefault().inForce(region, date).id()).isEqualTo(expectedId);
    }

    @ParameterizedTest(name = "{0} on {1} → {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            # region | decision date | policy         | why
            440100   | 2026-12-31    | gd-2023        | the 2027 version is not in force yet
            440100   | 2027-01-01    | gd-2027        | the 2027 version from its first day
            440300   | 2023-12-31    | gd-2023        | Shenzhen's own policy starts in 2024
            440300   | 2024-01-01    | sz-2024        | the more specific prefix wins
            440300   | 2027-06-01    | sz-2024        | a more specific prefix beats a later broader version
            440305   | 2025-06-01    | nanshan-2025   | six digits beat four
            440306   | 2025-06-01    | sz-2024        | another district of Shenzhen
            341100   | 2027-06-01    | default-2023   | no provincial policy
            """)
    void prefersTheMostSpecificPrefixThenTheLatestVersion(String region, LocalDate date, String expectedId, String why) {
        RewardPolicies policies = new RewardPolicies(List.of(
                seed("default-2023", "", "2023-01-01"),
                seed("gd-2023", "44", "2023-01-01"),
                seed("gd-2027", "44", "2027-01-01"),
                seed("sz-2024", "4403", "2024-01-01"),
                seed("nanshan-2025", "440305", "2025-01-01")));

        assertThat(policies.inForce(region, date).id()).isEqualTo(expectedId);
    }

    @Test
    void failsWhenNoPolicyIsInForceYet() {
        assertThatThrownBy(() -> RewardPolicies.loadDefault().inForce("341100", LocalDate.of(2022, 12, 31)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("341100");
    }

    @Test
    void rejectsARegionCodeThatIsNotSixDigits() {
        assertThatThrownBy(() -> RewardPolicies.loadDefault().inForce("44", LocalDate.of(2025, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regionCode6");
    }

    @Test
    void addsAProvinceVersionFromAnExtraFile(@TempDir Path dir) throws IOException {
        Path extra = write(dir, file(policy("gd-2026", "44", "2026-01-01", """
                {"type": "EVIDENCE_LEVEL",
                 "levels": [{"level": 1, "rate": "0.04", "floor": 500}, {"level": 2, "rate": 0.03, "floor": 400}],
                 "insiderUplift": 0.2, "cap": 200000}""")));

        RewardPolicies policies = RewardPolicies.loadWith(extra);

        assertThat(policies.all()).hasSize(4);
        assertThat(policies.inForce("440300", LocalDate.of(2025, 12, 31)).id()).isEqualTo("guangdong-2023");
        RewardPolicy newer = policies.inForce("440300", LocalDate.of(2026, 1, 1));
        assertThat(newer.id()).isEqualTo("gd-2026");
        assertThat(RewardCalculator.quote(newer, new RewardInput(new BigDecimal("20000"), false, 1, null)).amount())
                .isEqualTo(new BigDecimal("800.00"));
    }

    @Test
    void rejectsAnExtraFileRepeatingAShippedRegionAndDate(@TempDir Path dir) throws IOException {
        Path extra = write(dir, file(policy("gd-copy", "44", "2023-01-01", SEED_SHAPE)));

        assertThatThrownBy(() -> RewardPolicies.loadWith(extra))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("guangdong-2023")
                .hasMessageContaining("gd-copy");
    }

    @Test
    void rejectsAnExtraFileRepeatingAShippedId(@TempDir Path dir) throws IOException {
        Path extra = write(dir, file(policy("seed-004", "34", "2025-01-01", SEED_SHAPE)));

        assertThatThrownBy(() -> RewardPolicies.loadWith(extra))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seed-004")
                .hasMessageContaining("twice");
    }

    // --- validation: one bad file per test ---

    @Test
    void rejectsAnUnknownShape() {
        assertRejected(file(policy("p-unknown", "", "2023-01-01", """
                {"type": "STEPPED", "floor": 200, "insiderUplift": 0, "cap": 200000}""")),
                "p-unknown", "unknown shape type \"STEPPED\"");
    }

    @Test
    void rejectsANegativeBracketRate() {
        assertRejected(file(policy("p-negative", "", "2023-01-01", """
                {"type": "MARGINAL_BRACKETS", "brackets": [{"upTo": 100000, "rate": 0.03}, {"rate": -0.01}],
                 "floor": 200, "insiderUplift": 0.2, "cap": 200000}""")),
                "p-negative", "brackets[1].rate must not be negative");
    }

    @Test
    void rejectsANegativeLevelRate() {
        assertRejected(file(policy("p-level", "44", "2023-01-01", """
                {"type": "EVIDENCE_LEVEL", "levels": [{"level": 1, "rate": -0.03, "floor": 400}],
                 "insiderUplift": 0.2, "cap": 200000}""")),
                "p-level", "rate of level 1 must not be negative");
    }

    @Test
    void rejectsANegativeInsiderUplift() {
        assertRejected(file(policy("p-uplift", "", "2023-01-01", SEED_SHAPE.replace("0.20", "-0.20"))),
                "p-uplift", "insiderUplift must not be negative");
    }

    @Test
    void rejectsAFloorAboveTheCap() {
        assertRejected(file(policy("p-floor", "", "2023-01-01", SEED_SHAPE.replace("\"cap\": 200000", "\"cap\": 150"))),
                "p-floor", "floor 200 is above the cap 150");
    }

    @Test
    void rejectsALevelFloorAboveTheCap() {
        assertRejected(file(policy("p-level-floor", "44", "2023-01-01", """
                {"type": "EVIDENCE_LEVEL", "levels": [{"level": 1, "rate": 0.03, "floor": 5000}],
                 "insiderUplift": 0.2, "cap": 4000}""")),
                "p-level-floor", "floor of level 1 5000 is above the cap 4000");
    }

    @Test
    void rejectsACapAboveTheNationalMaximum() {
        assertRejected(file(policy("p-cap", "", "2023-01-01", SEED_SHAPE.replace("200000", "300000"))),
                "p-cap", "above the national maximum");
    }

    @Test
    void rejectsAFloorBelowTheNationalMinimum() {
        assertRejected(file(policy("p-low", "", "2023-01-01", SEED_SHAPE.replace("\"floor\": 200", "\"floor\": 100"))),
                "p-low", "below the national minimum");
    }

    @Test
    void rejectsTwoPoliciesForTheSameRegionAndDate() {
        assertRejected(file(
                        policy("p-first", "44", "2024-01-01", SEED_SHAPE),
                        policy("p-second", "44", "2024-01-01", SEED_SHAPE)),
                "p-first and p-second", "both apply to region prefix \"44\" from 2024-01-01");
    }

    @Test
    void rejectsTwoPoliciesWithTheSameId() {
        assertRejected(file(
                        policy("p-same", "44", "2024-01-01", SEED_SHAPE),
                        policy("p-same", "11", "2024-01-01", SEED_SHAPE)),
                "p-same", "defined twice");
    }

    @Test
    void rejectsBracketsThatDoNotCoverEveryCaseValue() {
        assertRejected(file(policy("p-bounded", "", "2023-01-01", """
                {"type": "MARGINAL_BRACKETS", "brackets": [{"upTo": 100000, "rate": 0.03}],
                 "floor": 200, "insiderUplift": 0.2, "cap": 200000}""")),
                "p-bounded", "the last bracket must have no upTo");
    }

    @Test
    void rejectsBracketEdgesThatDoNotIncrease() {
        assertRejected(file(policy("p-order", "", "2023-01-01", """
                {"type": "MARGINAL_BRACKETS",
                 "brackets": [{"upTo": 500000, "rate": 0.03}, {"upTo": 100000, "rate": 0.02}, {"rate": 0.01}],
                 "floor": 200, "insiderUplift": 0.2, "cap": 200000}""")),
                "p-order", "brackets[1].upTo 100000 must be above the previous edge 500000");
    }

    @Test
    void rejectsATargetKindPolicyMissingAKind() {
        assertRejected(file(policy("p-kinds", "11", "2023-01-01", """
                {"type": "TARGET_KIND", "brackets": {"INSTITUTION": [{"rate": 0.02}]},
                 "floor": 500, "insiderUplift": 0, "cap": 200000}""")),
                "p-kinds", "brackets missing for target kind(s) [INDIVIDUAL]");
    }

    @Test
    void rejectsAnUnknownBasis() {
        assertRejected(file(policy("p-basis", "11", "2023-01-01", """
                {"type": "TARGET_KIND", "basis": "PROGRESSIVE",
                 "brackets": {"INSTITUTION": [{"rate": 0.02}], "INDIVIDUAL": [{"rate": 0.1}]},
                 "floor": 500, "insiderUplift": 0, "cap": 200000}""")),
                "p-basis", "unknown basis \"PROGRESSIVE\" (expected MARGINAL or WHOLE_VALUE)");
    }

    @Test
    void rejectsARegionPrefixOfThreeDigits() {
        assertRejected(file(policy("p-prefix", "440", "2023-01-01", SEED_SHAPE)),
                "p-prefix", "regionPrefix must be \"\" or 2, 4 or 6 digits");
    }

    @Test
    void rejectsAMisspelledField() {
        assertRejected(file(policy("p-typo", "", "2023-01-01", SEED_SHAPE.replace("\"cap\"", "\"cpa\""))),
                "p-typo", "unknown field \"cpa\" in shape");
    }

    @Test
    void rejectsAnEffectiveFromThatIsNotADate() {
        assertRejected(file(policy("p-date", "", "2023-13-01", SEED_SHAPE)),
                "p-date", "effectiveFrom \"2023-13-01\" is not a date");
    }

    @Test
    void rejectsAFileThatIsNotJson() {
        assertThatThrownBy(() -> RewardPolicies.load(stream("{\"policies\": [")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid JSON");
    }

    private static void assertRejected(String json, String policyId, String reason) {
        assertThatThrownBy(() -> RewardPolicies.load(stream(json)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(policyId)
                .hasMessageContaining(reason);
    }

    private static RewardPolicy seed(String id, String prefix, String effectiveFrom) {
        return new RewardPolicy(id, prefix, LocalDate.parse(effectiveFrom), "test " + id, "test",
                new RewardShape.MarginalBrackets(
                        List.of(Bracket.upTo(new BigDecimal("100000"), new BigDecimal("0.03")),
                                Bracket.unbounded(new BigDecimal("0.01"))),
                        new BigDecimal("200"), new BigDecimal("0.20"), new BigDecimal("200000")));
    }

    private static String policy(String id, String prefix, String effectiveFrom, String shape) {
        return """
                {"id": "%s", "regionPrefix": "%s", "effectiveFrom": "%s",
                 "title": "test %s", "legalSource": "test", "shape": %s}""".formatted(id, prefix, effectiveFrom, id, shape);
    }

    private static String file(String... policies) {
        return "{\"policies\": [" + String.join(",\n", policies) + "]}";
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(Path dir, String json) throws IOException {
        return Files.writeString(dir.resolve("reward-policies-extra.json"), json);
    }
}
