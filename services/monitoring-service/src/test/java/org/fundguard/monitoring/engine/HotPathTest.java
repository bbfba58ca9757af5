package org.fundguard.monitoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.item;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.line;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.knowledge.AgeUnit;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.junit.jupiter.api.Test;

/**
 * The per-line path allocates nothing for clean lines: a 200-line visit that passes every per-line rule (sex, age, level,
 * visit type, insurance, price cap, supply, indication, fee date, qualification) allocates only the per-visit objects.
 * Throughput is measured by the JMH benchmark, not here.
 */
class HotPathTest {

    @Test
    void cleanLinesAllocateNothing() {
        List<KnowledgePoint> kps = new ArrayList<>();
        String[] codes = new String[20];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = String.format("XA10BAZ%03dF006010100006", i);
        }
        for (int i = 0; i < codes.length; i++) {
            String c = codes[i];
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_SEX, "S" + i).codes(c).gend("1").build());
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_CHILD_CONTRAINDICATED, "A" + i).codes(c).ageMin(18)
                    .ageUnit(AgeUnit.YEAR).build());
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_INSTITUTION_LEVEL, "L" + i).codes(c).hospLvs("01", "02").build());
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_VISIT_TYPE, "V" + i).codes(c).medTypes("2").build());
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_MAX_SUPPLY, "M" + i).codes(c).maxDays("30").maxQuantity("100")
                    .build());
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_INDICATION, "I" + i).codes(c).diagnosisCodes("E11", "I10")
                    .build());
            kps.add(KnowledgePoint.builder(RuleClass.ITEM_PRICE_CAP, "P" + i).codes(c).priceCap("99.00").build());
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_WORK_INJURY_ONLY, "W" + i).codes(c).insutypes("310", "410")
                    .build());
        }
        kps.add(KnowledgePoint.builder(RuleClass.FEE_DATE_OUTSIDE_STAY, "FD").medTypes("2").build());
        kps.add(KnowledgePoint.builder(RuleClass.PRACTITIONER_BARRED, "B").build());
        RuleEngine engine = Screening.engine(kps.toArray(new KnowledgePoint[0]));
        CrossClaimContext ctx = CrossClaimContext.none().withQualifications(new InMemoryQualificationReplica()
                .add(new BarPeriod("D000", BarPeriod.Status.TERMINATED, LocalDate.of(2020, 1, 1), null, null)));
        ClaimBuilder b = ClaimBuilder.visit("M1").stay("2025-03-01", "2025-03-30");
        for (int i = 0; i < 200; i++) {
            b.line((i % 3 == 0 ? item(String.valueOf(i), "0012" + i) : line(String.valueOf(i), codes[i % codes.length]))
                    .at("2025-03-" + String.format("%02d", 1 + i % 28)).days("7").pric("12.345678").cnt("2"));
        }
        Claim clean = b.build();
        HitSink fail = h -> {
            throw new AssertionError("unexpected hit " + h.reason());
        };
        for (int i = 0; i < 20_000; i++) {
            engine.evaluate(clean, ctx, fail);
        }

        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        int rounds = 2_000;
        long before = mx.getThreadAllocatedBytes(tid);
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            engine.evaluate(clean, ctx, fail);
        }
        long nanos = System.nanoTime() - start;
        long bytes = mx.getThreadAllocatedBytes(tid) - before;
        double perLine = (double) bytes / (rounds * 200L);

        System.out.printf("hot path: %.2f bytes/line, %.0f lines/s%n", perLine, rounds * 200L * 1e9 / nanos);
        // per visit at most an Evaluation and a Region (≈ 100 bytes); per line nothing
        assertThat(perLine).isLessThan(1.0);
    }
}
