package org.fundguard.monitoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.line;
import static org.fundguard.monitoring.engine.ClaimBuilder.outpatient;
import static org.fundguard.monitoring.engine.ClaimBuilder.visit;
import static org.fundguard.monitoring.engine.Screening.screen;

import java.time.LocalDate;
import java.util.List;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.ResultType;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExternalDataRulesTest {

    static final String DRUG = "XA10BAZ006F006010100006";

    @Nested
    class SpendingAfterDeath {
        private final KnowledgePoint death = KnowledgePoint.builder(RuleClass.SPENDING_AFTER_DEATH, "KP-DEATH")
                .name("死亡后发生医保费用").build();
        private final CrossClaimContext registry = CrossClaimContext.none()
                .withDeaths(new InMemoryDeathRegistry().put("P1", LocalDate.of(2025, 3, 5)));

        @Test
        void feesAfterTheDeathDateHitFeesOnItDoNot() {
            Claim stay = visit("M1").stay("2025-03-01", "2025-03-10").line(line("1", DRUG).at("2025-03-05 23:00"))
                    .line(line("2", DRUG).at("2025-03-06 08:00").pric("20")).line(line("3", DRUG).at("2025-03-07"))
                    .build();

            Hit hit = screen(stay, registry, death).get(0);

            assertThat(hit.feedetlSns()).containsExactly("2", "3");
            assertThat(hit.amount()).isEqualByComparingTo("30.00");
            assertThat(hit.reason()).isEqualTo("死亡后发生医保费用：患者死亡登记日期为 2025-03-05，本次就诊（M1，开始于 2025-03-01）有 2 条费用"
                    + "发生在死亡之后（最早 2025-03-06），知识点 KP-DEATH");
        }

        @Test
        void aVisitStartingAfterDeathHitsEvenWithoutLines() {
            assertThat(screen(outpatient("M2", "2025-03-20").build(), registry, death)).singleElement()
                    .satisfies(h -> assertThat(h.feedetlSns()).isEmpty());
        }

        @Test
        void theLivingAndVisitsBeforeDeathDoNotHit() {
            Claim before = visit("M1").stay("2025-02-01", "2025-02-10").line(line("1", DRUG).at("2025-02-03")).build();
            Claim someoneElse = visit("M1").psn("P2").stay("2025-03-01", "2025-03-10")
                    .line(line("1", DRUG).at("2025-03-08")).build();

            assertThat(screen(before, registry, death)).isEmpty();
            assertThat(screen(someoneElse, registry, death)).isEmpty();
        }
    }

    @Nested
    class PractitionerBarred {
        private final KnowledgePoint barred = KnowledgePoint.builder(RuleClass.PRACTITIONER_BARRED, "KP-BAR")
                .exemptMedTypes("13", "24").build();
        private final CrossClaimContext replica = CrossClaimContext.none().withQualifications(
                new InMemoryQualificationReplica()
                        .add(new BarPeriod("D341102000009", BarPeriod.Status.SUSPENDED, LocalDate.of(2025, 3, 1),
                                LocalDate.of(2025, 3, 31), "滁医保〔2025〕12号"))
                        .add(new BarPeriod("D341102000010", BarPeriod.Status.TERMINATED, LocalDate.of(2025, 1, 1),
                                null, null)));

        @ParameterizedTest(name = "{0} on {1} → {2} hits")
        @CsvSource({
                "D341102000009, 2025-02-28, 0",
                "D341102000009, 2025-03-01, 1",
                "D341102000009, 2025-03-31, 1",
                "D341102000009, 2025-04-01, 0",
                "D341102000010, 2026-06-01, 1",
                "D341102000001, 2025-03-15, 0",
        })
        void feesBilledDuringSuspensionOrTerminationHit(String doctor, String day, int hits) {
            Claim claim = outpatient("M1", day).line(line("1", DRUG).at(day).dr(doctor)).build();

            assertThat(screen(claim, replica, barred)).hasSize(hits);
        }

        @Test
        void hitIsADefiniteViolationNamingTheDecision() {
            Claim claim = outpatient("M1", "2025-03-15").line(line("1", DRUG).at("2025-03-15").dr("D341102000009"))
                    .build();

            Hit hit = screen(claim, replica, barred).get(0);

            assertThat(hit.resultType()).isEqualTo(ResultType.DEFINITE);
            assertThat(hit.sevDeg()).isEqualTo(1);
            assertThat(hit.reason()).isEqualTo("医保支付资格暂停或终止期间发生费用：开单医生 D341102000009 的医保支付资格自 2025-03-01 至 "
                    + "2025-03-31暂停（滁医保〔2025〕12号），药品 " + DRUG + " 发生于 2025-03-15，非急诊抢救，知识点 KP-BAR");
        }

        @ParameterizedTest(name = "med_type {0}, er_flag {1} → {2} hits")
        @CsvSource({"13, 0, 0", "24, 0, 0", "11, 1, 0", "11, 0, 1", "21, 2, 1"})
        void emergencyAndRescueAreExcepted(String medType, String erFlag, int hits) {
            Claim claim = outpatient("M1", "2025-03-15").medType(medType)
                    .line(line("1", DRUG).at("2025-03-15").dr("D341102000009").er(erFlag)).build();

            assertThat(screen(claim, replica, barred)).hasSize(hits);
        }
    }

    @Nested
    class TraceCodeReused {
        private final KnowledgePoint trace = KnowledgePoint.builder(RuleClass.TRACE_CODE_REUSED, "KP-TR")
                .effectiveFrom(LocalDate.of(2025, 7, 1)).name("药品追溯码重复结算").build();

        private final Claim first = outpatient("A1", "2025-07-02").psn("P1").fixmedins("P34110200001").medType("41")
                .line(line("1", DRUG).at("2025-07-02 10:00").trace("81000010000000000011")).build();
        private final Claim second = outpatient("B1", "2025-07-05").psn("P2").fixmedins("P34060000002").medType("41")
                .line(line("1", DRUG).at("2025-07-05 10:00").cnt("2").pric("15")
                        .trace("81000010000000000011", "81000010000000000012")).build();

        @Test
        void theLaterSettlementOfABoxHitsTheFirstDoesNot() {
            CrossClaimContext ctx = CrossClaimContext.none().withTraceCodes(index(first, second));

            List<Hit> onFirst = screen(first, ctx, trace);
            List<Hit> onSecond = screen(second, ctx, trace);

            assertThat(onFirst).isEmpty();
            assertThat(onSecond).singleElement().satisfies(h -> {
                assertThat(h.relatedMdtrtIds()).containsExactly("A1");
                assertThat(h.amount()).isEqualByComparingTo("15.00");
                assertThat(h.reason()).isEqualTo("药品追溯码重复结算：药品 " + DRUG + " 药品追溯码 81000010000000000011 已于 2025-07-02 "
                        + "在机构 P34110200001（就诊 A1）结算，本次再次结算，知识点 KP-TR");
            });
        }

        @Test
        void preSettlementCheckAgainstPastSettlementsOnly() {
            CrossClaimContext past = CrossClaimContext.none().withTraceCodes(index(first));

            assertThat(screen(second, past, trace)).hasSize(1);
        }

        @Test
        void twoLinesOfOneVisitWithTheSameCode() {
            Claim both = outpatient("C1", "2025-07-05").line(line("1", DRUG).at("2025-07-05 10:00").trace("8X"))
                    .line(line("2", DRUG).at("2025-07-05 10:05").trace("8X")).build();

            assertThat(screen(both, CrossClaimContext.none(), trace)).extracting(Hit::feedetlSns)
                    .containsExactly(List.of("2"));
            assertThat(screen(both, CrossClaimContext.none().withTraceCodes(index(both)), trace))
                    .extracting(Hit::feedetlSns).containsExactly(List.of("2"));
        }

        @Test
        void aRefundedFirstUseIsNoUse() {
            Claim refunded = outpatient("A1", "2025-07-02").line(line("1", DRUG).at("2025-07-02 10:00")
                    .trace("81000010000000000011")).line(line("2", DRUG).at("2025-07-02 11:00").refundOf("1", "1"))
                    .build();

            assertThat(screen(second, CrossClaimContext.none().withTraceCodes(index(refunded, second)), trace))
                    .isEmpty();
        }

        @Test
        void notBeforeTheRuleIsInForce() {
            Claim june = outpatient("A0", "2025-06-30").line(line("1", DRUG).at("2025-06-30").trace("8Y")).build();
            Claim juneAgain = outpatient("A9", "2025-06-30").psn("P9")
                    .line(line("1", DRUG).at("2025-06-30 11:00").trace("8Y")).build();

            assertThat(screen(juneAgain, CrossClaimContext.none().withTraceCodes(index(june, juneAgain)), trace))
                    .isEmpty();
        }

        private InMemoryTraceCodeIndex index(Claim... claims) {
            InMemoryTraceCodeIndex index = new InMemoryTraceCodeIndex();
            for (Claim c : claims) {
                index.record(c);
            }
            return index;
        }
    }
}
