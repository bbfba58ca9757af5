package org.fundguard.qualification.points;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One province's version of the points rules (a row of {@code points-tables.json}): which conduct and which violation
 * type falls in which band (1 to 4), the suggested suspension months by the year's total, the statement period in
 * working days, and the repair caps.
 */
public record PointsTable(String id, String regionPrefix, LocalDate effectiveFrom, String title, String legalSource,
                          Map<String, Integer> conductBands, Map<String, Integer> violationTypeBands,
                          List<SuspensionSuggestion> suspensionMonthsByTotal, int statementWorkingDays,
                          int repairMaxPerActivity, int repairMaxPerYear) {

    /** From this year's total on (ascending), suggest this many months of suspension (1–6). */
    public record SuspensionSuggestion(int from, int months) {
    }

    public PointsTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(regionPrefix, "regionPrefix");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        conductBands = Map.copyOf(conductBands);
        violationTypeBands = violationTypeBands == null ? Map.of() : Map.copyOf(violationTypeBands);
        suspensionMonthsByTotal = List.copyOf(suspensionMonthsByTotal);
        if (!conductBands.keySet().containsAll(Set.of("MISUSE", "FRAUD"))) {
            throw new IllegalStateException("points table " + id + ": conductBands must name MISUSE and FRAUD");
        }
        if (conductBands.get("FRAUD") != 4) {
            throw new IllegalStateException("points table " + id + ": fraud is band 10–12 (医保发〔2024〕23号)");
        }
        conductBands.values().forEach(Band::ofNumber);
        violationTypeBands.values().forEach(Band::ofNumber);
        for (SuspensionSuggestion s : suspensionMonthsByTotal) {
            if (s.months() < PointsRules.MIN_SUSPENSION_MONTHS || s.months() > PointsRules.MAX_SUSPENSION_MONTHS) {
                throw new IllegalStateException("points table " + id + ": suspension months must be 1–6, was " + s.months());
            }
        }
        if (statementWorkingDays < 1 || repairMaxPerActivity < 0 || repairMaxPerYear < 0) {
            throw new IllegalStateException("points table " + id + ": statement days ≥ 1 and repair caps ≥ 0");
        }
    }

    /**
     * The band of a decision: the highest of its conduct's band and the bands of its violation types that the table
     * names (a fraud is always 10–12).
     */
    public Band band(String conduct, List<String> violationTypes) {
        Integer c = conductBands.get(conduct);
        if (c == null) {
            throw new IllegalArgumentException("unknown conduct " + conduct + "; allowed: " + conductBands.keySet());
        }
        int band = c;
        for (String type : violationTypes) {
            band = Math.max(band, violationTypeBands.getOrDefault(type, 0));
        }
        return Band.ofNumber(band);
    }

    /** The months of suspension this table suggests for a year's total of at least 9 (the officer picks 1–6). */
    public int suggestedSuspensionMonths(int yearTotal) {
        int months = PointsRules.MIN_SUSPENSION_MONTHS;
        for (SuspensionSuggestion s : suspensionMonthsByTotal) {
            if (yearTotal >= s.from()) {
                months = s.months();
            }
        }
        return months;
    }
}
