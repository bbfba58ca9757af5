package org.fundguard.qualification.credit;

import java.util.Map;

/** Three (the catalogue's {@code poorYearsToFlag}) consecutive poor years flag an institution for ending its agreement. */
public final class PoorYears {

    private PoorYears() {
    }

    /**
     * Whether {@code year} closes a run of {@code catalogue.poorYearsToFlag()} consecutive years, each evaluated with a
     * poor grade; a year without an evaluation breaks the run.
     */
    public static boolean flags(CreditCatalogue catalogue, Map<Integer, String> gradeByYear, int year) {
        for (int y = year - catalogue.poorYearsToFlag() + 1; y <= year; y++) {
            String g = gradeByYear.get(y);
            if (g == null || !catalogue.isPoor(g)) {
                return false;
            }
        }
        return true;
    }
}
