package org.fundguard.kit.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One year's public holidays and make-up working days (调休上班日) as the State Council's yearly notice (or a
 * province) sets them, with the notice named in {@code source}. A holiday may fall on a weekend (harmless); a make-up
 * working day is always a Saturday or Sunday.
 */
public record HolidayYear(int year, String source, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {

    public HolidayYear {
        Objects.requireNonNull(source, "source");
        holidays = Set.copyOf(holidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }
}
