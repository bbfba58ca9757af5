package org.fundguard.kit.calendar;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.fundguard.kit.time.BusinessClock;
import org.jboss.logging.Logger;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The working-day calendar (工作日) for deadlines counted in working days: Saturdays and Sundays are off, plus each
 * year's public holidays, minus its make-up working days (调休上班日). The dates come from per-year holiday files
 * ({@link HolidayFiles}): the kit's {@code calendar/cn-<year>.json} and {@code fundguard.calendar.directory}. A year
 * without a file counts weekends only; readiness check {@code calendar} warns when the current or the next year has
 * none. A malformed file stops the service at start.
 */
@ApplicationScoped
@Startup
public class WorkingDayCalendar {

    private static final Logger LOG = Logger.getLogger(WorkingDayCalendar.class);

    private final Map<Integer, HolidayYear> years;
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> makeUpDays = new HashSet<>();

    @Inject
    public WorkingDayCalendar(CalendarConfig config, BusinessClock clock) {
        this(HolidayFiles.load(WorkingDayCalendar.class.getClassLoader(), config.directory()).values());
        int year = clock.today().getYear();
        for (String w : missing(year)) {
            LOG.warn(w);
        }
        LOG.infof("working-day calendar: holiday data for %s", years());
    }

    private WorkingDayCalendar(Collection<HolidayYear> data) {
        Map<Integer, HolidayYear> byYear = new TreeMap<>();
        for (HolidayYear y : data) {
            if (byYear.put(y.year(), y) != null) {
                throw new IllegalArgumentException("two holiday sets for " + y.year());
            }
            holidays.addAll(y.holidays());
            makeUpDays.addAll(y.makeUpWorkingDays());
        }
        for (LocalDate day : makeUpDays) {
            if (!isWeekend(day)) {
                throw new IllegalArgumentException("make-up working day " + day + " is not a Saturday or Sunday");
            }
            if (holidays.contains(day)) {
                throw new IllegalArgumentException(day + " is listed both as holiday and as make-up working day");
            }
        }
        this.years = Map.copyOf(byYear);
    }

    /** A calendar of the given years, for plain unit tests and tools (no CDI). */
    public static WorkingDayCalendar of(Collection<HolidayYear> years) {
        return new WorkingDayCalendar(years);
    }

    /** The kit's own holiday files only (no directory), for plain unit tests. */
    public static WorkingDayCalendar builtIn() {
        return new WorkingDayCalendar(HolidayFiles.load(WorkingDayCalendar.class.getClassLoader(), Optional.empty()).values());
    }

    /** A calendar with weekends only. */
    public static WorkingDayCalendar weekendsOnly() {
        return new WorkingDayCalendar(List.of());
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
     * The deadline that is {@code days} working days after {@code from}: the n-th working day following it, the start
     * day itself not counted (a report received on a holiday starts counting on the next working day). For
     * {@code days == 0} the start day itself is returned.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        Objects.requireNonNull(from, "from");
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
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
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        long count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The years with holiday data. */
    public Set<Integer> years() {
        return new TreeSet<>(years.keySet());
    }

    /** True when {@code year} has holiday data (otherwise its working days are weekdays only). */
    public boolean covers(int year) {
        return years.containsKey(year);
    }

    /** Where a year's dates come from (the notice), when it has data. */
    public Optional<String> source(int year) {
        return Optional.ofNullable(years.get(year)).map(HolidayYear::source);
    }

    /** The warnings for {@code year} and the next one, when they have no data. */
    public List<String> missing(int year) {
        return java.util.stream.IntStream.of(year, year + 1).filter(y -> !covers(y))
                .mapToObj(y -> "no holiday data for " + y + "; working-day deadlines in " + y + " count weekends only")
                .toList();
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
