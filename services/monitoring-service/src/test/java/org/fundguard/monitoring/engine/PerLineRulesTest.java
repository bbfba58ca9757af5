package org.fundguard.monitoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.item;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.line;
import static org.fundguard.monitoring.engine.ClaimBuilder.visit;
import static org.fundguard.monitoring.engine.Screening.screen;

import java.time.LocalDate;
import java.util.List;
import org.fundguard.monitoring.knowledge.AgeUnit;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.ResultType;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PerLineRulesTest {

    static final String DRUG = "XG03CAZ001A001010100001";
    static final String ITEM = "001216000010100";

    @Nested
    class SexRestricted {
        private final KnowledgePoint femaleOnly = KnowledgePoint.builder(RuleClass.DRUG_SEX, "KP-SEX-1")
                .codes(DRUG).gend("2").name("限女性使用").evidence("药品说明书").build();

        @ParameterizedTest(name = "gend {0} → {1} hits")
        @CsvSource({"2, 0", "1, 1", "0, 0", "9, 0"})
        void onlyAKnownOtherSexHits(String gend, int hits) {
            assertThat(screen(visit("M1").gend(gend).line(line("1", DRUG)).build(), femaleOnly)).hasSize(hits);
        }

        @Test
        void hitNamesTheKnowledgePointAndTheSexes() {
            Hit hit = screen(visit("M1").gend("1").line(line("7", DRUG).name("雌二醇片").cnt("2").pric("15.5")).build(),
                    femaleOnly).get(0);

            assertThat(hit.ruleClass()).isEqualTo(RuleClass.DRUG_SEX);
            assertThat(hit.ruleCode()).isEqualTo("GZ10000301004000");
            assertThat(hit.knowledgePointId()).isEqualTo("KP-SEX-1");
            assertThat(hit.resultType()).isEqualTo(ResultType.SUSPECT);
            assertThat(hit.sevDeg()).isEqualTo(2);
            assertThat(hit.feedetlSns()).containsExactly("7");
            assertThat(hit.amount()).isEqualByComparingTo("31.00");
            assertThat(hit.mdtrtId()).isEqualTo("M1");
            assertThat(hit.evidence()).isEqualTo("药品说明书");
            assertThat(hit.reason()).isEqualTo(
                    "限女性使用：药品 " + DRUG + "（雌二醇片） 知识点 KP-SEX-1 仅限女性，患者性别为男");
        }

        @Test
        void itemsAreCheckedByTheirOwnRuleClass() {
            KnowledgePoint maleItem = KnowledgePoint.builder(RuleClass.ITEM_SEX, "KP-SEX-2").codes(ITEM).gend("1")
                    .build();

            List<Hit> hits = screen(visit("M1").gend("2").line(item("1", ITEM)).line(line("2", DRUG)).build(),
                    maleItem);

            assertThat(hits).singleElement().satisfies(h -> {
                assertThat(h.ruleCode()).isEqualTo("GZ10000302004000");
                assertThat(h.reason()).contains("医疗服务项目 " + ITEM).contains("仅限男性，患者性别为女");
            });
        }
    }

    @Nested
    class AgeRestricted {
        // born 2007-03-15: 17 until 2025-03-14, 18 from the birthday 2025-03-15
        private final KnowledgePoint childOnly = KnowledgePoint.builder(RuleClass.DRUG_CHILD_ONLY, "KP-CHILD")
                .codes(DRUG).ageMax(17).name("限儿童使用").build();
        private final KnowledgePoint notForChildren = KnowledgePoint.builder(RuleClass.DRUG_CHILD_CONTRAINDICATED,
                "KP-NOCHILD").codes(DRUG).ageMin(18).build();
        private final KnowledgePoint newborn = KnowledgePoint.builder(RuleClass.ITEM_NEWBORN_ONLY, "KP-NEWBORN")
                .codes(ITEM).ageMin(0).ageMax(28).ageUnit(AgeUnit.DAY).build();

        @ParameterizedTest(name = "fee on {0}: child-only hits {1}, not-for-children hits {2}")
        @CsvSource({"2025-03-14, 0, 1", "2025-03-15, 1, 0", "2025-03-16, 1, 0"})
        void theBirthdayCountsAsReached(String feeDay, int childOnlyHits, int notForChildrenHits) {
            var claim = visit("M1").brdy("2007-03-15").stay("2025-03-10", "2025-03-20").line(line("1", DRUG).at(feeDay))
                    .build();

            assertThat(screen(claim, childOnly)).hasSize(childOnlyHits);
            assertThat(screen(claim, notForChildren)).hasSize(notForChildrenHits);
        }

        @Test
        void reasonGivesTheBandAndTheAge() {
            var claim = visit("M1").brdy("2007-03-15").stay("2025-03-10", "2025-03-20")
                    .line(line("1", DRUG).at("2025-03-15")).build();

            assertThat(screen(claim, childOnly).get(0).reason())
                    .isEqualTo("限儿童使用：药品 " + DRUG + " 知识点 KP-CHILD 限 17 岁及以下，患者费用发生日（2025-03-15）年龄为 18岁");
        }

        @ParameterizedTest(name = "born {0}, fee 2025-03-29 → {1} hits")
        @CsvSource({"2025-03-01, 0", "2025-02-28, 1"})
        void newbornBandIsCountedInDays(String born, int hits) {
            var claim = visit("M1").brdy(born).stay("2025-03-01", "2025-04-05")
                    .line(item("1", ITEM).at("2025-03-29")).build();

            assertThat(screen(claim, newborn)).hasSize(hits);
        }

        @Test
        void unknownBirthDateNeverHits() {
            var claim = new ClaimBuilder().brdy("2000-01-01").line(line("1", DRUG)).build();
            var noBirth = new org.fundguard.monitoring.claim.Claim(new org.fundguard.monitoring.claim.Visit("M1", "P1",
                    "1", null, "310", "21", "H34110200001", "02", "341102", null, claim.visit().begntime(),
                    claim.visit().endtime(), List.of()), claim.feeLines());

            assertThat(screen(claim, childOnly)).hasSize(1);
            assertThat(screen(noBirth, childOnly)).isEmpty();
        }
    }

    @Nested
    class InsuranceTypeRestricted {
        private final KnowledgePoint workInjury = KnowledgePoint.builder(RuleClass.DRUG_WORK_INJURY_ONLY, "KP-WI")
                .codes(DRUG).insutypes("410").name("限工伤保险").build();
        private final KnowledgePoint maternity = KnowledgePoint.builder(RuleClass.ITEM_MATERNITY_ONLY, "KP-MAT")
                .codes(ITEM).insutypes("510").build();

        @ParameterizedTest(name = "insutype {0} → work-injury {1}, maternity {2}")
        @CsvSource({"310, 1, 1", "410, 0, 1", "510, 1, 0"})
        void onlyTheListedInsuranceTypesMayPay(String insutype, int workInjuryHits, int maternityHits) {
            var claim = visit("M1").insutype(insutype).line(line("1", DRUG)).line(item("2", ITEM)).build();

            assertThat(screen(claim, workInjury)).hasSize(workInjuryHits);
            assertThat(screen(claim, maternity)).hasSize(maternityHits);
        }

        @Test
        void definiteViolationWithSeverity1() {
            Hit hit = screen(visit("M1").insutype("310").line(line("1", DRUG)).build(), workInjury).get(0);

            assertThat(hit.resultType()).isEqualTo(ResultType.DEFINITE);
            assertThat(hit.sevDeg()).isEqualTo(1);
            assertThat(hit.reason()).contains("仅限险种 410 支付，本次险种为 310");
        }
    }

    @Nested
    class VisitTypeRestricted {
        private final KnowledgePoint inpatientOnly = KnowledgePoint.builder(RuleClass.DRUG_VISIT_TYPE, "KP-INPT")
                .codes(DRUG).medTypes("2", "52").name("限住院使用").build();

        @ParameterizedTest(name = "med_type {0} → {1} hits")
        @CsvSource({"21, 0", "2101, 0", "24, 0", "52, 0", "11, 1", "13, 1", "41, 1", "140104, 1"})
        void medTypeIsMatchedByPrefix(String medType, int hits) {
            assertThat(screen(visit("M1").medType(medType).line(line("1", DRUG)).build(), inpatientOnly))
                    .hasSize(hits);
        }
    }

    @Nested
    class InstitutionLevelRestricted {
        private final KnowledgePoint secondAndAbove = KnowledgePoint.builder(RuleClass.DRUG_INSTITUTION_LEVEL, "KP-LV")
                .codes(DRUG).hospLvs("01", "02", "03").build();

        @ParameterizedTest(name = "hosp_lv {0} → {1} hits")
        @CsvSource({"01, 0", "03, 0", "04, 1", "11, 1"})
        void onlyListedLevelsMayPrescribe(String level, int hits) {
            assertThat(screen(visit("M1").hospLv(level).line(line("1", DRUG)).build(), secondAndAbove)).hasSize(hits);
        }

        @Test
        void unknownLevelIsNotJudged() {
            assertThat(screen(visit("M1").hospLv(null).line(line("1", DRUG)).build(), secondAndAbove)).isEmpty();
        }
    }

    @Nested
    class PriceCap {
        private final KnowledgePoint cap = KnowledgePoint.builder(RuleClass.ITEM_PRICE_CAP, "KP-PRICE").codes(ITEM)
                .priceCap("12.50").name("导尿限价").build();

        @ParameterizedTest(name = "pric {0} × cnt {1} → {2} hits, amount {3}")
        @CsvSource({
                "12.50, 1, 0, ''",
                "12.500000, 3, 0, ''",
                "12.49, 1, 0, ''",
                "12.51, 1, 1, 0.01",
                "12.51, 3, 1, 0.03",
                "20.00, 2, 1, 15.00",
        })
        void equalToTheCapIsAllowedOneFenAboveHits(String pric, String cnt, int hits, String amount) {
            List<Hit> found = screen(visit("M1").line(item("1", ITEM).pric(pric).cnt(cnt)).build(), cap);

            assertThat(found).hasSize(hits);
            if (hits > 0) {
                assertThat(found.get(0).amount()).isEqualByComparingTo(amount);
                assertThat(found.get(0).resultType()).isEqualTo(ResultType.DEFINITE);
            }
        }

        @Test
        void reasonShowsCapAndPrice() {
            assertThat(screen(visit("M1").line(item("1", ITEM).pric("12.51")).build(), cap).get(0).reason())
                    .isEqualTo("导尿限价：医疗服务项目 " + ITEM + " 知识点 KP-PRICE 限价 12.5 元，实收单价 12.51 元，超出 0.01 元 × 数量 1");
        }
    }

    @Nested
    class MaxSupply {
        private final KnowledgePoint thirtyDays = KnowledgePoint.builder(RuleClass.DRUG_MAX_SUPPLY, "KP-SUP")
                .codes(DRUG).maxDays("30").maxQuantity("6").build();

        @ParameterizedTest(name = "{0} days, cnt {1} → {2} hits, amount {3}")
        @CsvSource({
                "30, 6, 0, ''",
                "31, 6, 1, 1.94",
                "60, 6, 1, 30.00",
                "30, 8, 1, 20.00",
                "40, 12, 1, 60.00",
        })
        void daysOrQuantityAboveTheMaximumHitProRata(String days, String cnt, int hits, String amount) {
            // amount at issue: the share of the line beyond the maximum (the larger share when both are exceeded)
            List<Hit> found = screen(visit("M1").line(line("1", DRUG).days(days).cnt(cnt)).build(), thirtyDays);

            assertThat(found).hasSize(hits);
            if (hits > 0) {
                assertThat(found.get(0).amount()).isEqualByComparingTo(amount);
            }
        }
    }

    @Nested
    class DiagnosisRestricted {
        private final KnowledgePoint diabetesOnly = KnowledgePoint.builder(RuleClass.DRUG_INDICATION, "KP-IND")
                .codes(DRUG).diagnosisCodes("E11", "E14").name("限2型糖尿病").build();

        @ParameterizedTest(name = "diagnoses {0} → {1} hits")
        @CsvSource({
                "E11.900, 0",
                "I10.x00|E14.900x001, 0",
                "e11.900, 0",
                "I10.x00, 1",
                "E10.900, 1",
        })
        void anyDiagnosisOfTheVisitMatchingAPrefixAllowsTheDrug(String diagnoses, int hits) {
            var claim = visit("M1").diagnoses(diagnoses.split("\\|")).line(line("1", DRUG)).build();

            assertThat(screen(claim, diabetesOnly)).hasSize(hits);
        }

        @Test
        void aVisitWithoutDiagnosisHits() {
            Hit hit = screen(visit("M1").diagnoses().line(line("1", DRUG)).build(), diabetesOnly).get(0);

            assertThat(hit.reason()).contains("限诊断 E11/E14，本次诊断 无 均不符合");
        }
    }

    @Nested
    class FeeDateOutsideStay {
        private final KnowledgePoint feeDate = KnowledgePoint.builder(RuleClass.FEE_DATE_OUTSIDE_STAY, "KP-FD")
                .medTypes("2", "52").build();

        @ParameterizedTest(name = "fee on {0} → {1} hits")
        @CsvSource({
                "2025-02-28 23:59, 1",
                "2025-03-01 00:00, 0",
                "2025-03-10 23:00, 0",
                "2025-03-11 00:01, 1",
        })
        void comparedByDateWithAdmissionAndDischarge(String at, int hits) {
            var claim = visit("M1").stay("2025-03-01", "2025-03-10").line(line("1", DRUG).at(at)).build();

            assertThat(screen(claim, feeDate)).hasSize(hits);
        }

        @Test
        void appliesToAnyCodeButOnlyToTheListedVisitTypes() {
            var outpatient = ClaimBuilder.outpatient("M2", "2025-03-01").line(line("1", "ANY").at("2025-03-05")).build();
            var inpatient = visit("M3").stay("2025-03-01", "2025-03-10").line(item("1", "ANY").at("2025-03-12")).build();

            assertThat(screen(outpatient, feeDate)).isEmpty();
            assertThat(screen(inpatient, feeDate)).singleElement()
                    .satisfies(h -> assertThat(h.reason()).contains("费用发生于 2025-03-12，住院期间为 2025-03-01 至 2025-03-10"));
        }

        @Test
        void stillInHospitalOnlyChecksTheAdmission() {
            var inHospital = visit("M1").begin("2025-03-01 08:00").end(null).line(line("1", DRUG).at("2025-04-30"))
                    .build();

            assertThat(screen(inHospital, feeDate)).isEmpty();
        }

        @Test
        void toleranceWidensTheStay() {
            KnowledgePoint lenient = KnowledgePoint.builder(RuleClass.FEE_DATE_OUTSIDE_STAY, "KP-FD2").toleranceDays(1)
                    .build();
            var claim = visit("M1").stay("2025-03-01", "2025-03-10").line(line("1", DRUG).at("2025-03-11"))
                    .line(line("2", DRUG).at("2025-03-12")).build();

            assertThat(screen(claim, lenient)).extracting(Hit::feedetlSns).containsExactly(List.of("2"));
        }
    }

    @Nested
    class KnowledgePointDates {
        private final KnowledgePoint from2025 = KnowledgePoint.builder(RuleClass.DRUG_SEX, "KP-D").codes(DRUG).gend("2")
                .effective(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 5)).build();

        @ParameterizedTest(name = "fee on {0} → {1} hits")
        @CsvSource({"2025-03-01, 0", "2025-03-02, 1", "2025-03-05, 1", "2025-03-06, 0"})
        void pointsApplyOnTheFeeDateWithInclusiveBounds(String day, int hits) {
            var claim = visit("M1").stay("2025-03-01", "2025-03-10").line(line("1", DRUG).at(day)).build();

            assertThat(screen(claim, from2025)).hasSize(hits);
        }

        @Test
        void aDisabledRuleClassDoesNotHitEvenWithKnowledge() {
            KnowledgePoint female = KnowledgePoint.builder(RuleClass.DRUG_SEX, "KP").codes(DRUG).gend("2").build();
            RuleSet onlyPrice = RuleSet.compile("v1", List.of(RuleClass.ITEM_PRICE_CAP),
                    org.fundguard.monitoring.knowledge.KnowledgeBase.of(List.of(female)));

            assertThat(new RuleEngine(onlyPrice).evaluate(visit("M1").line(line("1", DRUG)).build(),
                    CrossClaimContext.none())).isEmpty();
            assertThat(onlyPrice.enabled()).containsExactly(RuleClass.ITEM_PRICE_CAP);
        }
    }
}
