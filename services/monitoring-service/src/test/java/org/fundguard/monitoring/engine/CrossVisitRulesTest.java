package org.fundguard.monitoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.item;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.line;
import static org.fundguard.monitoring.engine.ClaimBuilder.outpatient;
import static org.fundguard.monitoring.engine.ClaimBuilder.visit;
import static org.fundguard.monitoring.engine.Screening.screenWithHistory;

import java.util.List;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossVisitRulesTest {

    static final String DRUG = "XL04AXZ008H008010100008";

    @Nested
    class PaymentCourse {
        private final KnowledgePoint fourteenDays = KnowledgePoint.builder(RuleClass.DRUG_PAYMENT_COURSE, "KP-C")
                .codes(DRUG).maxDays("14").windowDays(365).name("限支付 14 天").build();

        private final Claim first = outpatient("V1", "2025-03-01").line(line("1", DRUG).at("2025-03-01").days("7"))
                .build();

        @ParameterizedTest(name = "second supply on {0} for 7 days → {1} hits, amount {2}")
        @CsvSource({
                // course day 1 = 2025-03-01; 14 days end on 2025-03-14
                "2025-03-08, 0, ''",
                "2025-03-09, 1, 1.43",
                "2025-03-15, 1, 10.00",
        })
        void theCourseRunsFromTheFirstPaidUseAcrossVisits(String day, int hits, String amount) {
            Claim second = outpatient("V2", day).line(line("1", DRUG).at(day).days("7")).build();

            List<Hit> found = screenWithHistory(second, List.of(first), fourteenDays);

            assertThat(found).hasSize(hits);
            if (hits > 0) {
                assertThat(found.get(0).amount()).isEqualByComparingTo(amount);
                assertThat(found.get(0).relatedMdtrtIds()).containsExactly("V1");
                assertThat(found.get(0).ruleCode()).isEqualTo("GZ10000101010000");
            }
        }

        @Test
        void theReasonCountsFromTheFirstUse() {
            Claim second = outpatient("V2", "2025-03-09").line(line("1", DRUG).at("2025-03-09").days("7")).build();

            assertThat(screenWithHistory(second, List.of(first), fourteenDays).get(0).reason()).isEqualTo(
                    "限支付 14 天：药品 " + DRUG + " 知识点 KP-C 限支付疗程 14 天（自 2025-03-01 首次支付起算），本次费用 2025-03-09 开药 7 天，超出疗程 1 天");
        }

        @Test
        void aUseOutsideTheLookBackStartsANewCourse() {
            Claim lastYear = outpatient("V0", "2024-03-01").line(line("1", DRUG).at("2024-03-01").days("7")).build();
            Claim now = outpatient("V2", "2025-03-09").line(line("1", DRUG).at("2025-03-09").days("7")).build();

            assertThat(screenWithHistory(now, List.of(lastYear), fourteenDays)).isEmpty();
        }

        @Test
        void withinOneStayTheDailyChargesCountToo() {
            Claim stay = visit("V3").stay("2025-03-01", "2025-03-20").line(line("1", DRUG).at("2025-03-01"))
                    .line(line("2", DRUG).at("2025-03-14")).line(line("3", DRUG).at("2025-03-15")).build();

            assertThat(screenWithHistory(stay, List.of(), fourteenDays)).extracting(Hit::feedetlSns)
                    .containsExactly(List.of("3"));
        }

        @Test
        void aLaterVisitNeverCountsAsTheStartOfTheCourse() {
            Claim later = outpatient("V9", "2025-03-20").line(line("1", DRUG).at("2025-03-01").days("7")).build();
            Claim now = outpatient("V2", "2025-03-10").line(line("1", DRUG).at("2025-03-10").days("7")).build();

            assertThat(screenWithHistory(now, List.of(later), fourteenDays)).isEmpty();
        }
    }

    @Nested
    class Readmission {
        private final KnowledgePoint fifteenDays = KnowledgePoint.builder(RuleClass.SPLIT_HOSPITALISATION, "KP-R")
                .medTypes("2").exemptDiagnosisCodes("Z51.0", "Z51.1").name("分解住院").build();

        private final Claim previous = visit("S1").stay("2025-03-01", "2025-03-10").line(item("1", "X")).build();

        @ParameterizedTest(name = "readmitted on {0} → {1} hits")
        @CsvSource({
                // discharge day 2025-03-10 = day 0; with N = 15 the 15th day (03-25) hits, the 16th (03-26) does not
                "2025-03-10, 1",
                "2025-03-11, 1",
                "2025-03-25, 1",
                "2025-03-26, 0",
        })
        void withinNDaysOfDischargeAtTheSameInstitution(String admission, int hits) {
            Claim again = visit("S2").stay(admission, "2025-04-05").line(item("1", "X").at(admission)).build();

            assertThat(screenWithHistory(again, List.of(previous), fifteenDays)).hasSize(hits);
        }

        @Test
        void hitNamesThePreviousStayAndTheDay() {
            Claim again = visit("S2").stay("2025-03-25", "2025-04-05")
                    .line(item("1", "X").pric("100").at("2025-03-25")).line(item("2", "Y").pric("50").at("2025-03-26"))
                    .build();

            Hit hit = screenWithHistory(again, List.of(previous), fifteenDays).get(0);

            assertThat(hit.ruleCode()).isEqualTo("GZ10000204001000");
            assertThat(hit.relatedMdtrtIds()).containsExactly("S1");
            assertThat(hit.feedetlSns()).isEmpty();
            assertThat(hit.amount()).isEqualByComparingTo("150.00");
            assertThat(hit.sevDeg()).isEqualTo(2);
            assertThat(hit.reason()).isEqualTo("分解住院：患者于 2025-03-10 从机构 H34110200001 出院（就诊 S1），第 15 天（2025-03-25）"
                    + "再次入院，知识点 KP-R 规定出院后 15 天内再次入住同一机构为可疑分解住院");
        }

        @Test
        void anotherInstitutionOrAnOutpatientVisitIsNotAReadmission() {
            Claim elsewhere = visit("S2").fixmedins("H34110200002").stay("2025-03-12", "2025-03-20").build();
            Claim outpatientVisit = outpatient("S3", "2025-03-12").build();

            assertThat(screenWithHistory(elsewhere, List.of(previous), fifteenDays)).isEmpty();
            assertThat(screenWithHistory(outpatientVisit, List.of(previous), fifteenDays)).isEmpty();
        }

        @Test
        void chemotherapyCyclesAreExempt() {
            Claim chemo = visit("S2").stay("2025-03-20", "2025-03-23").diagnoses("Z51.100", "C50.900").build();

            assertThat(screenWithHistory(chemo, List.of(previous), fifteenDays)).isEmpty();
        }

        @Test
        void theNearestPreviousDischargeCounts() {
            Claim older = visit("S0").stay("2025-01-01", "2025-01-05").build();
            Claim again = visit("S2").stay("2025-03-20", "2025-03-30").build();

            assertThat(screenWithHistory(again, List.of(older, previous), fifteenDays).get(0).relatedMdtrtIds())
                    .containsExactly("S1");
        }

        @Test
        void theDefaultWindowIs15Days() {
            KnowledgePoint noWindow = KnowledgePoint.builder(RuleClass.SPLIT_HOSPITALISATION, "KP-R0").build();
            Claim day15 = visit("S2").stay("2025-03-25", "2025-03-30").build();
            Claim day16 = visit("S3").stay("2025-03-26", "2025-03-30").build();

            assertThat(noWindow.windowDays()).isEqualTo(15);
            assertThat(screenWithHistory(day15, List.of(previous), noWindow)).hasSize(1);
            assertThat(screenWithHistory(day16, List.of(previous), noWindow)).isEmpty();
        }
    }

    @Nested
    class FrequentVisits {
        private final KnowledgePoint outpatient = KnowledgePoint.builder(RuleClass.FREQUENT_OUTPATIENT, "KP-FO")
                .medTypes("11", "14").windowDays(7).maxCount(3).sevDeg(3).name("频繁门诊").build();

        @ParameterizedTest(name = "earlier visits {0}, this one {1} → {2} hits")
        @CsvSource({
                "2025-03-01|2025-03-02, 2025-03-03, 0",
                "2025-03-01|2025-03-02|2025-03-03, 2025-03-07, 1",
                "2025-03-01|2025-03-02|2025-03-03, 2025-03-08, 0",
        })
        void moreThanTheMaximumWithinTheWindowHits(String earlier, String day, int hits) {
            List<Claim> history = new java.util.ArrayList<>();
            int n = 0;
            for (String d : earlier.split("\\|")) {
                history.add(outpatient("O" + ++n, d).build());
            }
            Claim current = outpatient("O9", day).line(item("1", "X")).build();

            List<Hit> found = screenWithHistory(current, history, outpatient);

            assertThat(found).hasSize(hits);
            if (hits > 0) {
                assertThat(found.get(0).sevDeg()).isEqualTo(3);
                assertThat(found.get(0).relatedMdtrtIds()).containsExactly("O1", "O2", "O3");
                assertThat(found.get(0).reason()).isEqualTo("频繁门诊：患者在 7 天内（2025-03-01 至 2025-03-07）就诊 4 次（含本次），"
                        + "超过知识点 KP-FO 的上限 3 次");
            }
        }

        @Test
        void otherVisitTypesAndLaterVisitsDoNotCount() {
            List<Claim> history = List.of(outpatient("O1", "2025-03-01").build(),
                    visit("I1").stay("2025-03-02", "2025-03-03").build(),
                    outpatient("O2", "2025-03-03").build(),
                    outpatient("O8", "2025-03-05").begin("2025-03-05 18:00").build());
            Claim current = outpatient("O3", "2025-03-05").build();

            assertThat(screenWithHistory(current, history, outpatient)).isEmpty();
        }

        @Test
        void purchasesOfAListedDrugAreCountedPerDrug() {
            KnowledgePoint purchases = KnowledgePoint.builder(RuleClass.FREQUENT_PURCHASE, "KP-FP").codes(DRUG)
                    .medTypes("41").windowDays(30).maxCount(2).build();
            List<Claim> history = List.of(
                    pharmacy("P1", "2025-03-01", DRUG), pharmacy("P2", "2025-03-05", "OTHER"),
                    pharmacy("P3", "2025-03-10", DRUG));
            Claim third = pharmacy("P4", "2025-03-20", DRUG);
            Claim unrelated = pharmacy("P5", "2025-03-21", "OTHER");

            List<Hit> found = screenWithHistory(third, history, purchases);

            assertThat(found).singleElement().satisfies(h -> {
                assertThat(h.ruleCode()).isEqualTo("GZ10000204003000");
                assertThat(h.feedetlSns()).containsExactly("1");
                assertThat(h.relatedMdtrtIds()).containsExactly("P1", "P3");
                assertThat(h.amount()).isEqualByComparingTo("10.00");
            });
            assertThat(screenWithHistory(unrelated, List.of(history.get(0), history.get(2), third), purchases))
                    .isEmpty();
        }

        private Claim pharmacy(String id, String day, String code) {
            return outpatient(id, day).medType("41").fixmedins("P34110200001").line(line("1", code).at(day)).build();
        }
    }
}
