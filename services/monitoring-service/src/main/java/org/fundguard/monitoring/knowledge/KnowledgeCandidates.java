package org.fundguard.monitoring.knowledge;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The knowledge points that may apply to one rule class, one code and one subject (the paired code for 重复收费, else
 * empty), precompiled for an allocation-free lookup of the one in force on a day in a region.
 *
 * <p>Order of precedence: city over province over national; within a scope the highest version, then the latest start.
 * A point outside its dates or region is skipped, so a city point that has expired falls back to the province's.
 */
public final class KnowledgeCandidates {

    private static final Comparator<KnowledgePoint> PRECEDENCE = Comparator
            .comparing((KnowledgePoint k) -> k.scope().level()).reversed()
            .thenComparing(Comparator.comparingInt(KnowledgePoint::version).reversed())
            .thenComparing(Comparator.comparing(KnowledgePoint::effectiveFrom).reversed())
            .thenComparing(KnowledgePoint::id);

    private final RuleClass ruleClass;
    private final RuleKind kind;
    private final String code;
    private final String subject;
    private final KnowledgePoint[] points;
    private final byte[] level;
    private final int[] key;
    private final long[] fromDay;
    private final long[] toDay;
    // The common case, one point for the code, resolved without touching the arrays.
    private final KnowledgePoint only;
    private final int onlyLevel;
    private final int onlyKey;
    private final long onlyFrom;
    private final long onlyTo;

    KnowledgeCandidates(RuleClass ruleClass, String code, String subject, List<KnowledgePoint> candidates) {
        this.ruleClass = ruleClass;
        this.kind = ruleClass.kind();
        this.code = code;
        this.subject = subject;
        this.points = candidates.toArray(new KnowledgePoint[0]);
        Arrays.sort(points, PRECEDENCE);
        int n = points.length;
        level = new byte[n];
        key = new int[n];
        fromDay = new long[n];
        toDay = new long[n];
        for (int i = 0; i < n; i++) {
            KnowledgePoint p = points[i];
            level[i] = (byte) p.scope().level().ordinal();
            key[i] = p.scope().key();
            fromDay[i] = p.effectiveFrom().toEpochDay();
            toDay[i] = p.effectiveTo() == null ? Long.MAX_VALUE : p.effectiveTo().toEpochDay();
        }
        only = n == 1 ? points[0] : null;
        onlyLevel = n == 1 ? level[0] : -1;
        onlyKey = n == 1 ? key[0] : -1;
        onlyFrom = n == 1 ? fromDay[0] : 0;
        onlyTo = n == 1 ? toDay[0] : 0;
    }

    public RuleClass ruleClass() {
        return ruleClass;
    }

    /** The evaluator kind of the rule class (cached here so the engine's switch needs no further load). */
    public RuleKind kind() {
        return kind;
    }

    /** The national code these candidates are indexed under ({@link KnowledgeBase#GENERAL} for points without codes). */
    public String code() {
        return code;
    }

    /** The paired code for 重复收费 candidates, else the empty string. */
    public String subject() {
        return subject;
    }

    /**
     * The knowledge point in force on {@code epochDay} for a visit in {@code region}, or null. The result may be
     * {@linkplain KnowledgePoint#enabled() disabled}: a regional point that switches the rule off there.
     */
    public KnowledgePoint resolve(long epochDay, Region region) {
        KnowledgePoint one = only;
        if (one != null) {
            if (epochDay < onlyFrom || epochDay > onlyTo
                    || (onlyLevel == 2 && onlyKey != region.cityKey())
                    || (onlyLevel == 1 && onlyKey != region.provinceKey())) {
                return null;
            }
            return one;
        }
        for (int i = 0; i < points.length; i++) {
            int lv = level[i];
            if (lv == 2) {
                if (key[i] != region.cityKey()) {
                    continue;
                }
            } else if (lv == 1 && key[i] != region.provinceKey()) {
                continue;
            }
            if (epochDay >= fromDay[i] && epochDay <= toDay[i]) {
                return points[i];
            }
        }
        return null;
    }

    /** All candidates in order of precedence. */
    public List<KnowledgePoint> points() {
        return List.of(points);
    }
}
