package org.fundguard.monitoring.knowledge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One knowledge point (知识点): a rule class applied to a set of national codes with its parameters, a version, the dates
 * it is in force and the region it covers. Which parameters matter depends on {@link RuleClass#kind()}; the others are
 * null (or empty).
 *
 * <p>Semantics of the parameters (all bounds inclusive):
 * <ul>
 *   <li>{@code gend}: the only sex allowed (1 男, 2 女); a patient of the other known sex hits, 0/9 never do.</li>
 *   <li>{@code ageMin}/{@code ageMax} in {@code ageUnit}: allowed iff min ≤ age ≤ max, age in completed units at the fee
 *       date ({@link AgeUnit}): "child only, under 18" is {@code ageMax = 17}; "not for children" is {@code ageMin = 18}.</li>
 *   <li>{@code insutypes}, {@code hospLvs}: allowed values of the visit's {@code insutype} / {@code hosp_lv}.</li>
 *   <li>{@code medTypes}: allowed {@code med_type} prefixes (e.g. "2" = all 住院, "52" = 生育住院); for visit-level kinds
 *       the visits the rule looks at. {@code exemptMedTypes}: prefixes exempt from the rule (急诊/抢救).</li>
 *   <li>{@code maxDays}/{@code maxQuantity}: most days supplied ({@code prd_days}) / quantity on one line; for a payment
 *       course, {@code maxDays} is the course length counted from the first paid use (day 1) and {@code windowDays} the
 *       look-back after which a new course starts (null = all history).</li>
 *   <li>{@code freqMax} per {@code freqPeriod} {@code freqUnit}s: at most this quantity in any window of that length.</li>
 *   <li>{@code pairedCodes}: codes that must not be charged in the same visit as the covered codes (the paired line is the
 *       violating one); with {@code appliesPer} {@link AppliesPer#DAY}, not on the same day (each day on its own, the
 *       amount that of the day's paired lines).</li>
 *   <li>{@code diagnosisCodes}: allowed diagnoses as 医保版 ICD-10 prefixes; the line hits when no diagnosis of the visit
 *       starts with one of them.</li>
 *   <li>{@code priceCap}: the highest unit price; equal is allowed, one fen above hits.</li>
 *   <li>{@code windowDays}: readmission window N (default 15) / frequent-visit period; {@code maxCount}: the most visits
 *       allowed in the period; {@code exemptDiagnosisCodes}: ICD-10 prefixes that exempt a readmission.</li>
 *   <li>{@code toleranceDays}: days of grace for date checks (fee date vs stay, fee date vs death date).</li>
 * </ul>
 *
 * @param ruleClass            the rule class (catalogue code)
 * @param id                   knowledge point id, stable across versions and regional overrides
 * @param version              version number; the highest in force wins within one scope
 * @param effectiveFrom        first day in force
 * @param effectiveTo          last day in force (inclusive), null = open
 * @param scope                national, province or city
 * @param codes                national codes covered (empty for kinds that are not coded)
 * @param name                 short label, e.g. 限女性使用
 * @param evidence             policy basis quoted in hits (违规依据), may be null
 * @param enabled              false switches the rule off for the codes and region (a regional override)
 * @param sevDeg               sev_deg override (2 or 3 for suspects), null = the rule class default
 * @param appliesPer           what the basis counts within (pairing rules: the visit, or each day); default VISIT
 */
public record KnowledgePoint(
        RuleClass ruleClass,
        String id,
        int version,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Scope scope,
        List<String> codes,
        String name,
        String evidence,
        boolean enabled,
        Integer sevDeg,
        String gend,
        Integer ageMin,
        Integer ageMax,
        AgeUnit ageUnit,
        Set<String> insutypes,
        List<String> medTypes,
        List<String> exemptMedTypes,
        Set<String> hospLvs,
        BigDecimal maxDays,
        BigDecimal maxQuantity,
        BigDecimal freqMax,
        FrequencyUnit freqUnit,
        int freqPeriod,
        List<String> pairedCodes,
        List<String> diagnosisCodes,
        BigDecimal priceCap,
        Integer windowDays,
        Integer maxCount,
        List<String> exemptDiagnosisCodes,
        boolean sameInstitution,
        int toleranceDays,
        AppliesPer appliesPer) {

    /** Readmission window when a knowledge point gives none (domain README §2, [default] N = 15). */
    public static final int DEFAULT_READMISSION_DAYS = 15;

    public KnowledgePoint {
        Objects.requireNonNull(ruleClass, "ruleClass");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        scope = scope == null ? Scope.NATIONAL : scope;
        codes = codes == null ? List.of() : List.copyOf(codes);
        ageUnit = ageUnit == null ? AgeUnit.YEAR : ageUnit;
        appliesPer = appliesPer == null ? AppliesPer.VISIT : appliesPer;
        insutypes = insutypes == null ? Set.of() : Set.copyOf(insutypes);
        medTypes = medTypes == null ? List.of() : List.copyOf(medTypes);
        exemptMedTypes = exemptMedTypes == null ? List.of() : List.copyOf(exemptMedTypes);
        hospLvs = hospLvs == null ? Set.of() : Set.copyOf(hospLvs);
        freqPeriod = freqPeriod <= 0 ? 1 : freqPeriod;
        pairedCodes = pairedCodes == null ? List.of() : List.copyOf(pairedCodes);
        diagnosisCodes = diagnosisCodes == null ? List.of() : List.copyOf(diagnosisCodes);
        exemptDiagnosisCodes = exemptDiagnosisCodes == null ? List.of() : List.copyOf(exemptDiagnosisCodes);
        if (windowDays == null && ruleClass.kind() == RuleKind.READMISSION) {
            windowDays = DEFAULT_READMISSION_DAYS;
        }
    }

    /** True when the point is in force on {@code date} (both ends inclusive). */
    public boolean inForce(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** The result type of a hit: the rule class's. */
    public ResultType resultType() {
        return ruleClass.resultType();
    }

    /** sev_deg of a hit: the override if set, else the rule class default. */
    public int effectiveSevDeg() {
        return sevDeg != null ? sevDeg : ruleClass.defaultSevDeg();
    }

    public static Builder builder(RuleClass ruleClass, String id) {
        return new Builder(ruleClass, id);
    }

    /** Builds knowledge points in code and tests; the importer builds them too. */
    public static final class Builder {
        private final RuleClass ruleClass;
        private final String id;
        private int version = 1;
        private LocalDate effectiveFrom = LocalDate.of(2000, 1, 1);
        private LocalDate effectiveTo;
        private Scope scope = Scope.NATIONAL;
        private final List<String> codes = new ArrayList<>();
        private String name;
        private String evidence;
        private boolean enabled = true;
        private Integer sevDeg;
        private String gend;
        private Integer ageMin;
        private Integer ageMax;
        private AgeUnit ageUnit = AgeUnit.YEAR;
        private final Set<String> insutypes = new LinkedHashSet<>();
        private final List<String> medTypes = new ArrayList<>();
        private final List<String> exemptMedTypes = new ArrayList<>();
        private final Set<String> hospLvs = new LinkedHashSet<>();
        private BigDecimal maxDays;
        private BigDecimal maxQuantity;
        private BigDecimal freqMax;
        private FrequencyUnit freqUnit;
        private int freqPeriod = 1;
        private final List<String> pairedCodes = new ArrayList<>();
        private final List<String> diagnosisCodes = new ArrayList<>();
        private BigDecimal priceCap;
        private Integer windowDays;
        private Integer maxCount;
        private final List<String> exemptDiagnosisCodes = new ArrayList<>();
        private boolean sameInstitution;
        private int toleranceDays;
        private AppliesPer appliesPer = AppliesPer.VISIT;

        private Builder(RuleClass ruleClass, String id) {
            this.ruleClass = ruleClass;
            this.id = id;
        }

        public Builder version(int v) { this.version = v; return this; }
        public Builder effective(LocalDate from, LocalDate to) { this.effectiveFrom = from; this.effectiveTo = to; return this; }
        public Builder effectiveFrom(LocalDate from) { this.effectiveFrom = from; return this; }
        public Builder effectiveTo(LocalDate to) { this.effectiveTo = to; return this; }
        public Builder scope(Scope s) { this.scope = s; return this; }
        public Builder scope(String admdvs) { this.scope = Scope.parse(admdvs); return this; }
        public Builder codes(String... c) { this.codes.addAll(List.of(c)); return this; }
        public Builder codes(List<String> c) { this.codes.addAll(c); return this; }
        public Builder name(String n) { this.name = n; return this; }
        public Builder evidence(String e) { this.evidence = e; return this; }
        public Builder enabled(boolean e) { this.enabled = e; return this; }
        public Builder sevDeg(Integer s) { this.sevDeg = s; return this; }
        public Builder gend(String g) { this.gend = g; return this; }
        public Builder ageMin(Integer a) { this.ageMin = a; return this; }
        public Builder ageMax(Integer a) { this.ageMax = a; return this; }
        public Builder ageUnit(AgeUnit u) { this.ageUnit = u; return this; }
        public Builder insutypes(String... i) { this.insutypes.addAll(List.of(i)); return this; }
        public Builder insutypes(List<String> i) { this.insutypes.addAll(i); return this; }
        public Builder medTypes(String... m) { this.medTypes.addAll(List.of(m)); return this; }
        public Builder medTypes(List<String> m) { this.medTypes.addAll(m); return this; }
        public Builder exemptMedTypes(String... m) { this.exemptMedTypes.addAll(List.of(m)); return this; }
        public Builder exemptMedTypes(List<String> m) { this.exemptMedTypes.addAll(m); return this; }
        public Builder hospLvs(String... h) { this.hospLvs.addAll(List.of(h)); return this; }
        public Builder hospLvs(List<String> h) { this.hospLvs.addAll(h); return this; }
        public Builder maxDays(BigDecimal d) { this.maxDays = d; return this; }
        public Builder maxDays(String d) { return maxDays(new BigDecimal(d)); }
        public Builder maxQuantity(BigDecimal q) { this.maxQuantity = q; return this; }
        public Builder maxQuantity(String q) { return maxQuantity(new BigDecimal(q)); }
        public Builder frequency(String max, FrequencyUnit unit, int period) {
            return frequency(new BigDecimal(max), unit, period);
        }
        public Builder frequency(BigDecimal max, FrequencyUnit unit, int period) {
            this.freqMax = max; this.freqUnit = unit; this.freqPeriod = period; return this;
        }
        public Builder freqMax(BigDecimal m) { this.freqMax = m; return this; }
        public Builder freqUnit(FrequencyUnit u) { this.freqUnit = u; return this; }
        public Builder freqPeriod(int p) { this.freqPeriod = p; return this; }
        public Builder pairedCodes(String... p) { this.pairedCodes.addAll(List.of(p)); return this; }
        public Builder pairedCodes(List<String> p) { this.pairedCodes.addAll(p); return this; }
        public Builder diagnosisCodes(String... d) { this.diagnosisCodes.addAll(List.of(d)); return this; }
        public Builder diagnosisCodes(List<String> d) { this.diagnosisCodes.addAll(d); return this; }
        public Builder priceCap(BigDecimal p) { this.priceCap = p; return this; }
        public Builder priceCap(String p) { return priceCap(new BigDecimal(p)); }
        public Builder windowDays(Integer w) { this.windowDays = w; return this; }
        public Builder maxCount(Integer m) { this.maxCount = m; return this; }
        public Builder exemptDiagnosisCodes(String... d) { this.exemptDiagnosisCodes.addAll(List.of(d)); return this; }
        public Builder exemptDiagnosisCodes(List<String> d) { this.exemptDiagnosisCodes.addAll(d); return this; }
        public Builder sameInstitution(boolean s) { this.sameInstitution = s; return this; }
        public Builder toleranceDays(int t) { this.toleranceDays = t; return this; }
        public Builder appliesPer(AppliesPer a) { this.appliesPer = a; return this; }

        public KnowledgePoint build() {
            return new KnowledgePoint(ruleClass, id, version, effectiveFrom, effectiveTo, scope, codes, name, evidence,
                    enabled, sevDeg, gend, ageMin, ageMax, ageUnit, insutypes, medTypes, exemptMedTypes, hospLvs,
                    maxDays, maxQuantity, freqMax, freqUnit, freqPeriod, pairedCodes, diagnosisCodes, priceCap,
                    windowDays, maxCount, exemptDiagnosisCodes, sameInstitution, toleranceDays, appliesPer);
        }
    }
}
