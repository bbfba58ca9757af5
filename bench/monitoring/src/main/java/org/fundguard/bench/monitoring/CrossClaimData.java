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

/**
 * The cross-claim benchmark's data, generated from a seed: claims with exactly {@code lines} fee lines, grouped by
 * patient and in visit order (what {@code BatchScreener.screenSorted} reads), and a death registry.
 *
 * <p>About 3.5 visits per patient over 2025, at a home institution 70% of the time (300 institutions); 15% of visits
 * are inpatient stays (med_type 21, 2–15 days, 20–60 lines), the rest outpatient (11/14/41, 1–8 lines). Gaps between a
 * patient's visits are 0–60 days, so some stays follow a discharge from the same hospital within 15 days (分解住院).
 * Drug lines (55%) carry a 20-digit traceability code 60% of the time; 0.5% of them reuse a code already dispensed,
 * to anyone (回流药). 1.5% of patients are registered dead on a day between their first visit and a month after their
 * last, so some of their later visits or lines fall after death.
 */
public final class CrossClaimData {

    public final List<Claim> claims;
    public final Map<String, LocalDate> deaths = new HashMap<>();
    public final int lines;

    private final SplittableRandom rnd;

    private CrossClaimData(int lines, long seed) {
        this.lines = lines;
        this.rnd = new SplittableRandom(seed);
        this.claims = generate();
    }

    public static CrossClaimData generate(int lines, long seed) {
        return new CrossClaimData(lines, seed);
    }

    private List<Claim> generate() {
        List<Claim> out = new ArrayList<>(lines / 8);
        List<String> issued = new ArrayList<>();
        long traceSeq = 0;
        int made = 0;
        int patient = 0;
        int visitNo = 0;
        LocalDate year = LocalDate.of(2025, 1, 1);
        while (made < lines) {
            patient++;
            String psn = String.format("P%08d", patient);
            String gend = rnd.nextBoolean() ? "1" : "2";
            LocalDate brdy = year.minusDays(rnd.nextInt(90 * 365));
            String home = String.format("H341102%05d", rnd.nextInt(300));
            int visits = 1 + rnd.nextInt(6);
            LocalDateTime t = year.plusDays(rnd.nextInt(200)).atTime(8, 0);
            LocalDate first = t.toLocalDate();
            LocalDate last = first;
            for (int k = 0; k < visits && made < lines; k++) {
                visitNo++;
                boolean inpatient = rnd.nextInt(100) < 15;
                String medType = inpatient ? "21" : new String[] {"11", "11", "14", "41"}[rnd.nextInt(4)];
                String inst = rnd.nextInt(100) < 70 ? home : String.format("H341102%05d", rnd.nextInt(300));
                LocalDateTime begin = t.toLocalDate().atTime(8 + rnd.nextInt(10), rnd.nextInt(60));
                if (!begin.isAfter(t)) {
                    begin = t.plusMinutes(1 + rnd.nextInt(60)); // visit order stays strict within a patient
                }
                int stay = inpatient ? 2 + rnd.nextInt(14) : 0;
                LocalDateTime end = inpatient ? begin.plusDays(stay).withHour(10).withMinute(0) : begin.plusMinutes(40);
                String mdtrt = String.format("M%09d", visitNo);
                Visit v = new Visit(mdtrt, psn, gend, brdy, "310", medType, inst, "02", "341102", null, begin, end,
                        List.of(Diagnosis.main("I10.x00")));
                int want = Math.min(inpatient ? 20 + rnd.nextInt(41) : 1 + rnd.nextInt(8), lines - made);
                List<FeeLine> fl = new ArrayList<>(want);
                for (int i = 0; i < want; i++) {
                    LocalDateTime at = begin.plusHours(rnd.nextInt(stay * 24 + 1)).plusMinutes(rnd.nextInt(60));
                    boolean drug = rnd.nextInt(100) < 55;
                    List<String> trace = List.of();
                    if (drug && rnd.nextInt(100) < 60) {
                        String code;
                        if (!issued.isEmpty() && rnd.nextInt(1000) < 5) {
                            code = issued.get(rnd.nextInt(issued.size()));
                        } else {
                            code = String.format("8%019d", 10_000_000_000L + (++traceSeq) * 7919L);
                            issued.add(code);
                        }
                        trace = List.of(code);
                    }
                    BigDecimal pric = BigDecimal.valueOf(50 + rnd.nextInt(20_000), 2);
                    BigDecimal cnt = BigDecimal.valueOf(1 + rnd.nextInt(5));
                    fl.add(new FeeLine(String.valueOf(i + 1), mdtrt, psn, null, at,
                            drug ? String.format("XA%021d", rnd.nextInt(12_000)) : String.format("%015d", rnd.nextInt(6_000)),
                            null, drug ? "101" : "201", null, cnt, pric, cnt.multiply(pric).setScale(2, RoundingMode.HALF_UP),
                            drug ? BigDecimal.valueOf(1 + rnd.nextInt(7)) : null, "D341102000001", null, trace, null, null,
                            null, null, null));
                }
                made += want;
                out.add(new Claim(v, fl));
                last = end.toLocalDate();
                t = end.plusDays(rnd.nextInt(61));
            }
            if (rnd.nextInt(1000) < 15) {
                int span = (int) (last.toEpochDay() - first.toEpochDay()) + 30;
                deaths.put(psn, first.plusDays(rnd.nextInt(span + 1)));
            }
        }
        return out;
    }
}
