package org.fundguard.report.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A working-day calendar for deadlines counted in working days (工作日): Saturdays and Sundays are off, plus
 * the configured public holidays, minus the configured make-up working days (调休上班日, a weekend day that is
 * worked). The dates come from a province's versioned configuration, never from constants in code.
 */
public final class WorkingDays {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpDays;

    /**
     * @param holidays   days off in addition to weekends (a holiday falling on a weekend is harmless)
     * @param makeUpDays Saturdays or Sundays that are working days
     * @throws IllegalArgumentException if a make-up day is not a weekend day or is also listed as a holiday
     */
    public WorkingDays(Collection<LocalDate> holidays, Collection<LocalDate> makeUpDays) {
        this.holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
        this.makeUpDays = Set.copyOf(Objects.requireNonNull(makeUpDays, "makeUpDays"));
        for (LocalDate day : this.makeUpDays) {
            // a weekday listed as make-up day is almost certainly a typo in the configuration; fail at startup
            if (!isWeekend(day)) {
                throw new IllegalArgumentException("make-up working day " + day + " is not a Saturday or Sunday");
            }
            if (this.holidays.contains(day)) {
                throw new IllegalArgumentException(day + " is listed both as holiday and as make-up working day");
            }
        }
    }

    /** A calendar with weekends only. */
    public static WorkingDays weekendsOnly() {
        return new WorkingDays(Set.of(), Set.of());
    }

    /**
     * Builds a calendar from configuration values: comma-separated ISO dates ({@code 2026-10-01,2026-10-02}),
     * whitespace and empty items ignored, {@code null} or blank meaning none.
     *
     * @throws IllegalArgumentException naming the item that is not an ISO date
     */
    public static WorkingDays parse(String holidays, String makeUpDays) {
        return new WorkingDays(parseDates(holidays, "holidays"), parseDates(makeUpDays, "make-up days"));
    }

    private static Set<LocalDate> parseDates(String value, String what) {
        Set<LocalDate> dates = new HashSet<>();
        if (value == null) {
            return dates;
        }
        for (String item : value.split(",")) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                dates.add(LocalDate.parse(trimmed));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(what + ": '" + trimmed + "' is not an ISO date (yyyy-MM-dd)", e);
            }
        }
        return dates;
    }

    /** True unless the day is a holiday, or a weekend day that is not a make-up working day. */
    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (holidays.contains(day)) {
            return false;
        }
        return !isWeekend(day) || makeUpDays.contains(day);
    }

    /**
     * The deadline that is {@code n} working days after {@code start}: the n-th working day following it, the
     * start day itself not counted (a report received on a holiday starts counting on the next working day).
     * For {@code n == 0} the start day itself is returned.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * How many working days lie after {@code from} up to and including {@code to}, so that
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}; negative when {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
