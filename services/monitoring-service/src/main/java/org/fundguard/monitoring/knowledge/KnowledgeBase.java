package org.fundguard.monitoring.knowledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of knowledge points, indexed by rule class and national code, that answers which point is in
 * force for a code on a date in a region (city > province > national).
 *
 * <p>Points of coded kinds are indexed under each code they list; the others under {@link #GENERAL} ("" — they apply to
 * every code). 重复收费 points are further split per paired code, so a region can override one pair without the others.
 */
public final class KnowledgeBase {

    /** Index key of knowledge points that list no codes. */
    public static final String GENERAL = "";

    private static final KnowledgeCandidates[] NONE = new KnowledgeCandidates[0];

    private final List<KnowledgePoint> points;
    private final Map<RuleClass, Map<String, KnowledgeCandidates[]>> index;

    private KnowledgeBase(List<KnowledgePoint> points) {
        this.points = List.copyOf(points);
        Map<RuleClass, Map<String, Map<String, List<KnowledgePoint>>>> grouped = new EnumMap<>(RuleClass.class);
        for (KnowledgePoint p : this.points) {
            Map<String, Map<String, List<KnowledgePoint>>> byCode =
                    grouped.computeIfAbsent(p.ruleClass(), rc -> new HashMap<>());
            List<String> codes = p.codes().isEmpty() ? List.of(GENERAL) : p.codes();
            List<String> subjects = p.ruleClass().kind() == RuleKind.PAIR && !p.pairedCodes().isEmpty()
                    ? p.pairedCodes() : List.of("");
            for (String code : codes) {
                Map<String, List<KnowledgePoint>> bySubject = byCode.computeIfAbsent(code, c -> new LinkedHashMap<>());
                for (String subject : subjects) {
                    bySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(p);
                }
            }
        }
        Map<RuleClass, Map<String, KnowledgeCandidates[]>> idx = new EnumMap<>(RuleClass.class);
        grouped.forEach((rc, byCode) -> {
            Map<String, KnowledgeCandidates[]> compiled = new HashMap<>(byCode.size() * 2);
            byCode.forEach((code, bySubject) -> compiled.put(code, bySubject.entrySet().stream()
                    .map(e -> new KnowledgeCandidates(rc, code, e.getKey(), e.getValue()))
                    .toArray(KnowledgeCandidates[]::new)));
            idx.put(rc, Collections.unmodifiableMap(compiled));
        });
        this.index = Collections.unmodifiableMap(idx);
    }

    public static KnowledgeBase of(Collection<KnowledgePoint> points) {
        return new KnowledgeBase(new ArrayList<>(points));
    }

    public static KnowledgeBase empty() {
        return new KnowledgeBase(List.of());
    }

    /** A new snapshot with {@code more} points added to these. */
    public KnowledgeBase with(Collection<KnowledgePoint> more) {
        List<KnowledgePoint> all = new ArrayList<>(points);
        all.addAll(more);
        return new KnowledgeBase(all);
    }

    /**
     * The knowledge point of {@code ruleClass} in force for {@code code} on {@code date} for a visit in region
     * {@code admdvs}, or null. Pass a null code for rule classes that list no codes. For 重复收费 this is the first
     * pair only; see {@link #findAll}. The result may be a disabled point (the rule is switched off there).
     */
    public KnowledgePoint find(RuleClass ruleClass, String code, LocalDate date, String admdvs) {
        KnowledgeCandidates[] c = candidates(ruleClass, code);
        return c.length == 0 ? null : c[0].resolve(date.toEpochDay(), Region.of(admdvs));
    }

    /** Every knowledge point in force for the code (one per paired code for 重复收费). */
    public List<KnowledgePoint> findAll(RuleClass ruleClass, String code, LocalDate date, String admdvs) {
        Region region = Region.of(admdvs);
        List<KnowledgePoint> found = new ArrayList<>();
        for (KnowledgeCandidates c : candidates(ruleClass, code)) {
            KnowledgePoint p = c.resolve(date.toEpochDay(), region);
            if (p != null) {
                found.add(p);
            }
        }
        return found;
    }

    /**
     * The precompiled candidates for a rule class and code (null code = {@link #GENERAL}); never null. The array is the
     * snapshot's own: read it, do not modify it.
     */
    public KnowledgeCandidates[] candidates(RuleClass ruleClass, String code) {
        Map<String, KnowledgeCandidates[]> byCode = index.get(ruleClass);
        if (byCode == null) {
            return NONE;
        }
        KnowledgeCandidates[] c = byCode.get(code == null ? GENERAL : code);
        return c == null ? NONE : c;
    }

    /** Candidates of one rule class by code ({@link #GENERAL} for points without codes); arrays as for {@link #candidates}. */
    public Map<String, KnowledgeCandidates[]> candidatesByCode(RuleClass ruleClass) {
        return index.getOrDefault(ruleClass, Map.of());
    }

    /** The rule classes that have at least one knowledge point. */
    public Collection<RuleClass> ruleClasses() {
        return index.keySet();
    }

    public List<KnowledgePoint> points() {
        return points;
    }

    public int size() {
        return points.size();
    }
}
