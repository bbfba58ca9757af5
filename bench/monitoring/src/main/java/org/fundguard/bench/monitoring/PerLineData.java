package org.fundguard.bench.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.Diagnosis;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Visit;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleClass;

/**
 * The per-line benchmark's data, generated from a seed: a knowledge base of restricted codes and a batch of claims with
 * exactly {@code lines} fee lines.
 *
 * <p>Catalogue: 12,000 drugs (23-character national codes) and 6,000 service items (15 digits); lines draw codes with
 * a skew (a few codes are very common, most are rare). Knowledge base, one point per code and rule class (a code may
 * carry several): sex-restricted (药品/项目区分性别), child-only and not-for-children (年龄), work-injury and maternity
 * insurance only (险种), inpatient-only (就医方式), institution-level (机构等级), item price caps (限定单价) and drug
 * maximum quantity/days (最大开药量/天数) — about 8,000 points. Visits: 85% outpatient (11/14/41, 1–8 lines), 15%
 * inpatient (21, 20–60 lines); patients of both sexes and all ages; 职工/居民 insurance with a few work-injury and
 * maternity visits; institution levels 01–03. Lines mostly comply: a line that would break a restriction is redrawn
 * 90% of the time, and prices/quantities exceed their caps in a few percent of lines, so a few percent of lines hit.
 * No refunds (every line stands as charged) and every knowledge point is national and in force.
 */
public final class PerLineData {

    public final List<KnowledgePoint> points;
    public final List<Claim> claims;
    public final int lines;

    private final SplittableRandom rnd;
    private final String[] drugs;
    private final String[] items;
    private final BigDecimal[] drugPrice;
    private final BigDecimal[] itemPrice;
    private final Map<String, List<KnowledgePoint>> byCode = new HashMap<>();

    private PerLineData(int lines, long seed) {
        this.lines = lines;
        this.rnd = new SplittableRandom(seed);
        drugs = new String[12_000];
        drugPrice = new BigDecimal[drugs.length];
        for (int i = 0; i < drugs.length; i++) {
            drugs[i] = String.format("X%c%02d%cAZ%04dA%03d0101%05d", (char) ('A' + i % 14), i % 97,
                    (char) ('A' + i % 23), i, i % 1000, i);
            drugPrice[i] = money(0.5 + rnd.nextDouble() * 80);
        }
        items = new String[6_000];
        itemPrice = new BigDecimal[items.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = String.format("%03d%06d%06d", 1 + i % 30, 100_000 + i, i);
            itemPrice[i] = money(2 + rnd.nextDouble() * 300);
        }
        this.points = knowledge();
        for (KnowledgePoint kp : points) {
            for (String c : kp.codes()) {
                byCode.computeIfAbsent(c, k -> new ArrayList<>()).add(kp);
            }
        }
        this.claims = claims();
    }

    public static PerLineData generate(int lines, long seed) {
        return new PerLineData(lines, seed);
    }

    // ------------------------------------------------------------------ knowledge

    private List<KnowledgePoint> knowledge() {
        List<KnowledgePoint> kps = new ArrayList<>();
        int[] n = {0};
        // disjoint-ish random choices: each class picks its own codes, overlaps give codes with several checks
        for (String c : pick(drugs, 250)) {
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_SEX, id(n)).codes(c).gend(rnd.nextBoolean() ? "1" : "2").build());
        }
        for (String c : pick(items, 150)) {
            kps.add(KnowledgePoint.builder(RuleClass.ITEM_SEX, id(n)).codes(c).gend(rnd.nextBoolean() ? "1" : "2").build());
        }
        for (String c : pick(drugs, 150)) {
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_CHILD_ONLY, id(n)).codes(c).ageMax(17).build());
        }
        for (String c : pick(drugs, 300)) {
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_CHILD_CONTRAINDICATED, id(n)).codes(c).ageMin(18).build());
        }
        for (String c : pick(items, 100)) {
            kps.add(KnowledgePoint.builder(RuleClass.ITEM_AGE, id(n)).codes(c).ageMin(6).ageMax(70).build());
        }
        for (String c : pick(drugs, 60)) {
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_WORK_INJURY_ONLY, id(n)).codes(c).insutypes("410").build());
        }
        for (String c : pick(drugs, 60)) {
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_MATERNITY_ONLY, id(n)).codes(c).insutypes("510").build());
        }
        for (String c : pick(items, 60)) {
            kps.add(KnowledgePoint.builder(RuleClass.ITEM_MATERNITY_ONLY, id(n)).codes(c).insutypes("510").build());
        }
        for (String c : pick(drugs, 500)) {
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_VISIT_TYPE, id(n)).codes(c).medTypes("2").build());
        }
        for (String c : pick(items, 300)) {
            kps.add(KnowledgePoint.builder(RuleClass.ITEM_VISIT_TYPE, id(n)).codes(c).medTypes("2", "14").build());
        }
        for (String c : pick(drugs, 500)) {
            kps.add(KnowledgePoint.builder(RuleClass.DRUG_INSTITUTION_LEVEL, id(n)).codes(c).hospLvs("01", "02").build());
        }
        for (String c : pick(items, 300)) {
            kps.add(KnowledgePoint.builder(RuleClass.ITEM_INSTITUTION_LEVEL, id(n)).codes(c).hospLvs("01").build());
        }
        for (int i = 0; i < items.length; i += 2) {
            kps.add(KnowledgePoint.builder(RuleClass.ITEM_PRICE_CAP, id(n)).codes(items[i]).priceCap(itemPrice[i])
                    .build());
        }
        for (String c : pick(drugs, 2500)) {
            KnowledgePoint.Builder b = KnowledgePoint.builder(RuleClass.DRUG_MAX_SUPPLY, id(n)).codes(c);
            if (rnd.nextInt(3) > 0) {
                b.maxDays(rnd.nextBoolean() ? "30" : "7");
            }
            if (rnd.nextInt(3) > 0) {
                b.maxQuantity(String.valueOf(10 * (1 + rnd.nextInt(10))));
            } else if (rnd.nextInt(3) == 0) {
                b.maxDays("14");
            }
            kps.add(b.build());
        }
        return kps;
    }

    private static String id(int[] n) {
        return "KP" + (++n[0]);
    }

    private List<String> pick(String[] from, int count) {
        List<String> out = new ArrayList<>(count);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        while (out.size() < count) {
            int i = rnd.nextInt(from.length);
            if (seen.add(i)) {
                out.add(from[i]);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ claims

    private List<Claim> claims() {
        List<Claim> out = new ArrayList<>(lines / 8);
        int made = 0;
        int visitNo = 0;
        LocalDate base = LocalDate.of(2025, 1, 1);
        while (made < lines) {
            visitNo++;
            boolean inpatient = rnd.nextInt(100) < 15;
            String medType = inpatient ? "21" : new String[] {"11", "11", "11", "14", "41"}[rnd.nextInt(5)];
            String gend = rnd.nextInt(100) < 2 ? "9" : rnd.nextBoolean() ? "1" : "2";
            LocalDate brdy = base.minusDays(rnd.nextInt(90 * 365));
            int ins = rnd.nextInt(100);
            String insutype = ins < 2 ? "410" : ins < 5 ? "510" : ins < 60 ? "310" : "390";
            String hospLv = new String[] {"01", "02", "02", "03", "03"}[rnd.nextInt(5)];
            LocalDateTime begin = base.plusDays(rnd.nextInt(360)).atTime(8 + rnd.nextInt(10), rnd.nextInt(60));
            int stay = inpatient ? 2 + rnd.nextInt(14) : 0;
            LocalDateTime end = inpatient ? begin.plusDays(stay).withHour(10) : begin.plusMinutes(40);
            String mdtrt = "M" + visitNo;
            String psn = "P" + (visitNo / 3);
            String inst = String.format("H3411%02d%05d", rnd.nextInt(20), rnd.nextInt(400));
            Visit v = new Visit(mdtrt, psn, gend, brdy, insutype, medType, inst, hospLv, "341102", null, begin, end,
                    List.of(Diagnosis.main("I10.x00")));
            int want = inpatient ? 20 + rnd.nextInt(41) : 1 + rnd.nextInt(8);
            want = Math.min(want, lines - made);
            List<FeeLine> fl = new ArrayList<>(want);
            for (int i = 0; i < want; i++) {
                fl.add(line(v, i + 1, begin.plusHours(rnd.nextInt(stay * 24 + 1)), inpatient));
            }
            made += want;
            out.add(new Claim(v, fl));
        }
        return out;
    }

    private FeeLine line(Visit v, int sn, LocalDateTime at, boolean inpatient) {
        String code = null;
        boolean drug = false;
        int idx = 0;
        for (int attempt = 0; attempt < 4; attempt++) {
            drug = rnd.nextInt(100) < 55;
            idx = skewed(drug ? drugs.length : items.length);
            code = drug ? drugs[idx] : items[idx];
            if (!breaksProfile(code, v, at.toLocalDate()) || rnd.nextInt(10) == 0) {
                break;
            }
        }
        BigDecimal pric = drug ? drugPrice[idx] : itemPrice[idx];
        if (rnd.nextInt(100) < 3) {
            pric = pric.add(money(0.01 + rnd.nextDouble() * 5)); // over the cap where there is one
        }
        BigDecimal cnt;
        BigDecimal days = null;
        if (drug) {
            int d = rnd.nextInt(100) < 4 ? 31 + rnd.nextInt(60) : 1 + rnd.nextInt(inpatient ? 3 : 7);
            days = BigDecimal.valueOf(d);
            cnt = BigDecimal.valueOf(rnd.nextInt(100) < 3 ? 101 + rnd.nextInt(100) : 1 + rnd.nextInt(3 * d));
        } else {
            cnt = BigDecimal.valueOf(1 + rnd.nextInt(3));
        }
        BigDecimal amount = cnt.multiply(pric).setScale(2, RoundingMode.HALF_UP);
        return new FeeLine(String.valueOf(sn), v.mdtrtId(), v.psnNo(), null, at, code, null, drug ? "101" : "201", null,
                cnt, pric, amount, days, "D341102000001", null, List.of(), null, null, null, null, null);
    }

    /** True when the code carries a patient/visit restriction this visit does not meet (the generator's own check). */
    private boolean breaksProfile(String code, Visit v, LocalDate on) {
        List<KnowledgePoint> kps = byCode.get(code);
        if (kps == null) {
            return false;
        }
        for (KnowledgePoint kp : kps) {
            switch (kp.ruleClass().kind()) {
                case SEX -> {
                    if (("1".equals(v.gend()) || "2".equals(v.gend())) && !v.gend().equals(kp.gend())) {
                        return true;
                    }
                }
                case AGE -> {
                    long age = v.brdy().until(on, java.time.temporal.ChronoUnit.YEARS);
                    if ((kp.ageMin() != null && age < kp.ageMin()) || (kp.ageMax() != null && age > kp.ageMax())) {
                        return true;
                    }
                }
                case INSURANCE_TYPE -> {
                    if (!kp.insutypes().contains(v.insutype())) {
                        return true;
                    }
                }
                case VISIT_TYPE -> {
                    if (kp.medTypes().stream().noneMatch(v.medType()::startsWith)) {
                        return true;
                    }
                }
                case INSTITUTION_LEVEL -> {
                    if (!kp.hospLvs().contains(v.hospLv())) {
                        return true;
                    }
                }
                default -> {
                    // price and supply: decided by the line's own values
                }
            }
        }
        return false;
    }

    /** Index in [0, n) skewed towards small values (common codes), roughly Zipf-like. */
    private int skewed(int n) {
        double u = rnd.nextDouble();
        return Math.min(n - 1, (int) (n * u * u * u));
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
