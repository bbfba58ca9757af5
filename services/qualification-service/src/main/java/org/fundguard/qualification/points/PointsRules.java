package org.fundguard.qualification.points;

import java.time.LocalDate;
import java.util.List;

/**
 * The points rules of 医保发〔2024〕23号, pure: the year's total, what it leads to, and what repair may take off.
 * Points count in the calendar year in which their decision became final and reset on 1 January (history kept);
 * ≥ 9 suspends for 1–6 months, ≥ 12 terminates with re-registration barred 1 year, or 3 years when 12 points came
 * from one event; repair takes at most the table's points per activity and per year, never while suspended or
 * terminated.
 */
public final class PointsRules {

    public static final int SUSPENSION_THRESHOLD = 9;
    public static final int TERMINATION_THRESHOLD = 12;
    public static final int MIN_SUSPENSION_MONTHS = 1;
    public static final int MAX_SUSPENSION_MONTHS = 6;

    private PointsRules() {
    }

    /** Final points of one event (decision) for one person, and the day they became final. */
    public record FinalPoints(String eventId, int points, LocalDate finalOn) {
    }

    /** Points an approved repair took off, and the day it was approved. */
    public record Repair(int points, LocalDate approvedOn) {
    }

    /** What the year's total leads to. */
    public enum Outcome { NONE, SUSPENSION, TERMINATION }

    /** The consequence: for a termination, the years re-registration is barred (1 or 3). */
    public record Consequence(Outcome outcome, int yearTotal, int barYears) {
    }

    /** The total of {@code year}: final points of decisions final in that year, less repairs approved in it. */
    public static int yearTotal(int year, List<FinalPoints> points, List<Repair> repairs) {
        int sum = points.stream().filter(p -> p.finalOn().getYear() == year).mapToInt(FinalPoints::points).sum();
        int repaired = repairs.stream().filter(r -> r.approvedOn().getYear() == year).mapToInt(Repair::points).sum();
        return Math.max(0, sum - repaired);
    }

    /** What the points of {@code year} lead to (≥ 12: termination, 3 years' bar when one event brought 12). */
    public static Consequence consequence(int year, List<FinalPoints> points, List<Repair> repairs) {
        int total = yearTotal(year, points, repairs);
        if (total >= TERMINATION_THRESHOLD) {
            boolean oneEvent = points.stream().anyMatch(p -> p.finalOn().getYear() == year && p.points() >= TERMINATION_THRESHOLD);
            return new Consequence(Outcome.TERMINATION, total, oneEvent ? 3 : 1);
        }
        if (total >= SUSPENSION_THRESHOLD) {
            return new Consequence(Outcome.SUSPENSION, total, 0);
        }
        return new Consequence(Outcome.NONE, total, 0);
    }

    /** The last day of a suspension of {@code months} from {@code from} (from 03-01 for 4 months: until 06-30). */
    public static LocalDate suspensionUntil(LocalDate from, int months) {
        if (months < MIN_SUSPENSION_MONTHS || months > MAX_SUSPENSION_MONTHS) {
            throw new IllegalArgumentException("months must be 1–6, was " + months);
        }
        return from.plusMonths(months).minusDays(1);
    }

    /** The last day re-registration is barred after a termination from {@code from}. */
    public static LocalDate barredUntil(LocalDate from, int years) {
        return from.plusYears(years).minusDays(1);
    }

    /**
     * How many points a completed activity may take off the year's total: at most the table's per-activity cap, what
     * is left of the yearly cap, and the total itself.
     *
     * @throws IllegalStateException while the person is suspended or terminated
     */
    public static int repairable(int requested, int yearTotal, int repairedThisYear, boolean suspendedOrTerminated,
                                 PointsTable table) {
        if (suspendedOrTerminated) {
            throw new IllegalStateException("no repair while the payment qualification is suspended or terminated");
        }
        int left = Math.max(0, table.repairMaxPerYear() - repairedThisYear);
        return Math.max(0, Math.min(Math.min(requested, table.repairMaxPerActivity()), Math.min(left, yearTotal)));
    }
}
