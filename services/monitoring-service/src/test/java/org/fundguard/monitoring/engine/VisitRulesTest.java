package org.fundguard.monitoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.item;
import static org.fundguard.monitoring.engine.ClaimBuilder.outpatient;
import static org.fundguard.monitoring.engine.ClaimBuilder.visit;
import static org.fundguard.monitoring.engine.Screening.screen;

import java.math.BigDecimal;
import java.util.List;
import org.fundguard.monitoring.knowledge.AppliesPer;
import org.fundguard.monitoring.knowledge.FrequencyUnit;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisitRulesTest {

    static final String A = "001101000010000";
    static final String B = "001102000010000";
    static final String C = "001103000010000";

    @Nested
    class DuplicateCharge {
        private final KnowledgePoint pair = KnowledgePoint.builder(RuleClass.ITEM_DUPLICATE_CHARGE, "KP-PAIR")
                .codes(A).pairedCodes(B, C).name("不得同时收取").build();

        @Test
        void bothCodesInOneVisitHitThePairedLines() {
            var claim = visit("M1").line(item("1", A).pric("10")).line(item("2", B).pric("6").at("2025-03-05"))
                    .line(item("3", B).pric("6").at("2025-03-06")).build();

            Hit hit = screen(claim, pair).get(0);

            assertThat(hit.ruleCode()).isEqualTo("GZ10000102012000");
            assertThat(hit.feedetlSns()).containsExactly("2", "3", "1");
            assertThat(hit.amount()).isEqualByComparingTo("12.00");
            assertThat(hit.definite()).isTrue();
            assertThat(hit.reason()).isEqualTo("不得同时收取：医疗服务项目 " + A + " 与 医疗服务项目 " + B
                    + " 在同一次就诊中同时收费，知识点 KP-PAIR 规定二者不得同时收取，重复收取 12 元");
        }

        @ParameterizedTest(name = "codes {0} → {1} hits")
        @CsvSource({"A, 0", "B, 0", "B|C, 0", "A|B, 1", "A|C, 1", "A|B|C, 2"})
        void onlyTheCoveredCodeWithAPairedCodeHits(String codes, int hits) {
            ClaimBuilder b = visit("M1");
            int sn = 0;
            for (String c : codes.split("\\|")) {
                b.line(item(String.valueOf(++sn), c.equals("A") ? A : c.equals("B") ? B : C));
            }

            assertThat(screen(b.build(), pair)).hasSize(hits);
        }

        @Test
        void aCityCanSwitchOffOnePairOnly() {
            KnowledgePoint offInChuzhou = KnowledgePoint.builder(RuleClass.ITEM_DUPLICATE_CHARGE, "KP-PAIR")
                    .scope("341100").codes(A).pairedCodes(B).enabled(false).build();
            var claim = visit("M1").admdvs("341102").line(item("1", A)).line(item("2", B)).line(item("3", C)).build();

            assertThat(screen(claim, pair, offInChuzhou)).extracting(Hit::feedetlSns)
                    .containsExactly(List.of("3", "1"));
        }
    }

    /** 同一日只能收取一个护理级别: a pairing rule applied per day, not per visit. */
    @Nested
    class SameDayPair {
        static final String LEVEL1 = "001201000010000";
        static final String LEVEL2 = "001201000020000";
        private final KnowledgePoint nursing = KnowledgePoint.builder(RuleClass.ITEM_DUPLICATE_CHARGE, "KP-I025-0001")
                .codes(LEVEL1).pairedCodes(LEVEL2).appliesPer(AppliesPer.DAY).name("一级护理与二级护理不得同时收取").build();

        @Test
        void twoLevelsOnDifferentDaysOfOneStayDoNotHit() {
            var stay = visit("M1").stay("2025-03-01", "2025-03-10")
                    .line(item("1", LEVEL1).pric("28").at("2025-03-02 08:00")).line(item("2", LEVEL1).pric("28").at("2025-03-03 08:00"))
                    .line(item("3", LEVEL2).pric("18").at("2025-03-04 08:00")).line(item("4", LEVEL2).pric("18").at("2025-03-05 08:00"))
                    .build();

            assertThat(screen(stay, nursing)).isEmpty();
            // the same stay under a visit-wide pairing rule would hit
            KnowledgePoint visitWide = KnowledgePoint.builder(RuleClass.ITEM_DUPLICATE_CHARGE, "KP-V").codes(LEVEL1)
                    .pairedCodes(LEVEL2).build();
            assertThat(screen(stay, visitWide)).hasSize(1);
        }

        @Test
        void onTheSameDayTheyHitWithTheAmountOfThatDaysClashingLines() {
            var stay = visit("M1").stay("2025-03-01", "2025-03-10")
                    .line(item("1", LEVEL1).pric("28").at("2025-03-02 08:00"))
                    .line(item("2", LEVEL2).pric("18").at("2025-03-03 08:00"))
                    .line(item("3", LEVEL1).pric("28").at("2025-03-04 08:00"))
                    .line(item("4", LEVEL2).pric("18").at("2025-03-04 20:00"))
                    .line(item("5", LEVEL2).pric("18").at("2025-03-05 08:00"))
                    .build();

            List<Hit> hits = screen(stay, nursing);

            assertThat(hits).hasSize(1);
            Hit hit = hits.get(0);
            assertThat(hit.feedetlSns()).containsExactly("4", "3");
            assertThat(hit.amount()).isEqualByComparingTo("18.00");
            assertThat(hit.reason()).isEqualTo("一级护理与二级护理不得同时收取：医疗服务项目 " + LEVEL1 + " 与 医疗服务项目 " + LEVEL2
                    + " 于 2025-03-04 同日收费，知识点 KP-I025-0001 规定同一日二者不得同时收取，重复收取 18 元");
        }

        @Test
        void eachClashingDayIsOneHitAndARefundedLineDoesNotClash() {
            var stay = visit("M1").stay("2025-03-01", "2025-03-10")
                    .line(item("1", LEVEL1).pric("28").at("2025-03-02 08:00"))
                    .line(item("2", LEVEL2).pric("18").at("2025-03-02 09:00"))
                    .line(item("3", LEVEL2).pric("18").at("2025-03-02 21:00"))
                    .line(item("4", LEVEL1).pric("28").at("2025-03-03 08:00"))
                    .line(item("5", LEVEL2).pric("18").at("2025-03-03 09:00"))
                    .line(item("6", LEVEL1).pric("28").at("2025-03-05 08:00"))
                    .line(item("7", LEVEL2).pric("18").at("2025-03-05 09:00"))
                    .line(item("8", LEVEL2).refundOf("7", "1").pric("18").at("2025-03-05 10:00"))
                    .build();

            assertThat(screen(stay, nursing)).extracting(Hit::feedetlSns, h -> h.amount().toPlainString())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("2", "3", "1"), "36.00"),
                            org.assertj.core.groups.Tuple.tuple(List.of("5", "4"), "18.00"));
        }
    }

    @Nested
    class Frequency {
        private final KnowledgePoint oncePerDay = KnowledgePoint.builder(RuleClass.ITEM_FREQUENCY, "KP-F1").codes(A)
                .frequency("1", FrequencyUnit.DAY, 1).name("每日限 1 次").build();
        private final KnowledgePoint twicePer24h = KnowledgePoint.builder(RuleClass.ITEM_FREQUENCY, "KP-F2").codes(A)
                .frequency("2", FrequencyUnit.HOUR, 24).build();
        private final KnowledgePoint threePerWeek = KnowledgePoint.builder(RuleClass.ITEM_CYCLE_FREQUENCY, "KP-F3")
                .codes(A).frequency("3", FrequencyUnit.DAY, 7).build();

        @ParameterizedTest(name = "{0} → hit lines {1}")
        @CsvSource({
                "2025-03-02 08:00|2025-03-03 08:00, ''",
                "2025-03-02 08:00|2025-03-02 23:59, 2",
                "2025-03-02 08:00|2025-03-02 09:00|2025-03-02 10:00, 2|3",
        })
        void perCalendarDay(String times, String hitLines) {
            assertThat(hitLines(times, oncePerDay)).isEqualTo(hitLines);
        }

        @ParameterizedTest(name = "{0} → hit lines {1}")
        @CsvSource({
                // the window is (t − 24 h, t]: a charge exactly 24 h earlier has left it
                "2025-03-02 08:00|2025-03-02 20:00|2025-03-03 08:00, ''",
                "2025-03-02 08:00|2025-03-02 20:00|2025-03-03 07:59, 3",
                "2025-03-02 08:00|2025-03-03 08:00|2025-03-03 09:00, ''",
        })
        void perRollingHours(String times, String hitLines) {
            assertThat(hitLines(times, twicePer24h)).isEqualTo(hitLines);
        }

        @ParameterizedTest(name = "{0} → hit lines {1}")
        @CsvSource({
                "2025-03-01|2025-03-02|2025-03-03|2025-03-08, ''",
                "2025-03-01|2025-03-02|2025-03-03|2025-03-07, 4",
        })
        void perCycleOfDays(String days, String hitLines) {
            assertThat(hitLines(days, threePerWeek)).isEqualTo(hitLines);
        }

        @Test
        void quantityCountsAndOnlyTheExcessIsAtIssue() {
            var claim = visit("M1").line(item("1", A).cnt("3").pric("25")).build();

            Hit hit = screen(claim, oncePerDay).get(0);

            assertThat(hit.amount()).isEqualByComparingTo("50.00");
            assertThat(hit.reason()).isEqualTo("每日限 1 次：医疗服务项目 " + A
                    + " 知识点 KP-F1 限每 1 日不超过 1 次，截至 2025-03-02 的 1 日内计费 3 次，共超出 2 次");
        }

        @Test
        void usesInEarlierVisitsCountInTheWindowButOnlyThisVisitsLinesHit() {
            var morning = outpatient("M0", "2025-03-02").begin("2025-03-02 08:00").line(item("10", A).at("2025-03-02 08:00")).build();
            var afternoon = outpatient("M1", "2025-03-02").begin("2025-03-02 15:00").line(item("1", A).pric("25").at("2025-03-02 15:00")).build();

            List<Hit> hits = Screening.screenWithHistory(afternoon, List.of(morning), oncePerDay);

            assertThat(hits).singleElement().satisfies(hit -> {
                assertThat(hit.feedetlSns()).containsExactly("1");
                assertThat(hit.amount()).isEqualByComparingTo("25.00");
                assertThat(hit.relatedMdtrtIds()).containsExactly("M0");
            });
            // the earlier visit itself does not hit on the later one's use, and a visit of the day before does not count
            assertThat(Screening.screenWithHistory(morning, List.of(afternoon), oncePerDay)).isEmpty();
            var dayBefore = outpatient("M9", "2025-03-01").begin("2025-03-01 15:00").line(item("9", A).at("2025-03-01 15:00")).build();
            assertThat(Screening.screenWithHistory(afternoon, List.of(dayBefore), oncePerDay)).isEmpty();
        }

        @Test
        void aRollingWindowOfHoursReachesIntoTheVisitBefore() {
            var evening = outpatient("M0", "2025-03-01").begin("2025-03-01 20:00").line(item("10", A).cnt("2").at("2025-03-01 20:00")).build();
            var next = outpatient("M1", "2025-03-02").begin("2025-03-02 07:00").line(item("1", A).at("2025-03-02 07:00")).build();
            var later = outpatient("M2", "2025-03-02").begin("2025-03-02 20:00").line(item("2", A).at("2025-03-02 20:00")).build();

            assertThat(Screening.screenWithHistory(next, List.of(evening), twicePer24h)).extracting(Hit::feedetlSns)
                    .containsExactly(List.of("1"));
            // exactly 24 h later the evening's two have left the window
            assertThat(Screening.screenWithHistory(later, List.of(evening), twicePer24h)).isEmpty();
        }

        private String hitLines(String times, KnowledgePoint kp) {
            ClaimBuilder b = visit("M1").stay("2025-02-25", "2025-03-20");
            int sn = 0;
            for (String t : times.split("\\|")) {
                b.line(item(String.valueOf(++sn), A).at(t));
            }
            List<Hit> hits = screen(b.build(), kp);
            return hits.isEmpty() ? "" : String.join("|", hits.get(0).feedetlSns());
        }
    }

    @Test
    void hitAmountsAreExactToTheFen() {
        KnowledgePoint cap = KnowledgePoint.builder(RuleClass.ITEM_PRICE_CAP, "KP").codes(A).priceCap("0.333333")
                .build();
        var claim = visit("M1").line(item("1", A).pric("0.333334").cnt("3")).build();

        Hit hit = screen(claim, cap).get(0);

        assertThat(hit.amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(hit.amount().scale()).isEqualTo(2);
    }
}
