package org.fundguard.qualification.lookup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * One practitioner's suspensions and terminations as periods of days, as this service's events made them: immutable,
 * so a look-up reads a consistent timeline without a lock while the event feed swaps in the next one.
 */
public final class SanctionTimeline {

    /** Why a code may not bill. */
    public enum Status {
        SUSPENDED, TERMINATED
    }

    /**
     * A period in which the code may not bill (emergency and rescue excepted).
     *
     * @param from                      first day (inclusive)
     * @param until                     last day (inclusive); null while a termination runs until a restoration
     * @param reRegistrationBarredUntil a termination's bar on re-registration; null for a suspension
     */
    public record Sanction(Status status, LocalDate from, LocalDate until, UUID decisionId,
                           LocalDate reRegistrationBarredUntil) {
        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && (until == null || !date.isAfter(until));
        }
    }

    public static final SanctionTimeline EMPTY = new SanctionTimeline(new Sanction[0]);

    private static final Comparator<Sanction> BY_START = Comparator.comparing(Sanction::from);

    private final Sanction[] sanctions;

    private SanctionTimeline(Sanction[] sanctions) {
        this.sanctions = sanctions;
    }

    /** This timeline with {@code s} added (the same period again changes nothing). */
    public SanctionTimeline with(Sanction s) {
        for (Sanction existing : sanctions) {
            if (existing.equals(s)) {
                return this;
            }
        }
        Sanction[] next = Arrays.copyOf(sanctions, sanctions.length + 1);
        next[sanctions.length] = s;
        Arrays.sort(next, BY_START);
        return new SanctionTimeline(next);
    }

    /**
     * This timeline after a restoration from {@code from}: periods that had not begun by then are dropped, periods
     * running on that day end the day before.
     */
    public SanctionTimeline restoredFrom(LocalDate from) {
        List<Sanction> next = new ArrayList<>(sanctions.length);
        for (Sanction s : sanctions) {
            if (!s.from().isBefore(from)) {
                continue;
            }
            if (s.until() == null || !s.until().isBefore(from)) {
                next.add(new Sanction(s.status(), s.from(), from.minusDays(1), s.decisionId(), s.reRegistrationBarredUntil()));
            } else {
                next.add(s);
            }
        }
        return new SanctionTimeline(next.toArray(new Sanction[0]));
    }

    /**
     * The sanction in force on {@code date}, or null when the code may bill: a termination before a suspension, and of
     * two alike the one that began later (the most recent decision).
     */
    public Sanction on(LocalDate date) {
        Sanction found = null;
        for (Sanction s : sanctions) {
            if (!s.covers(date)) {
                continue;
            }
            if (found == null || rank(s) > rank(found) || (rank(s) == rank(found) && !s.from().isBefore(found.from()))) {
                found = s;
            }
        }
        return found;
    }

    /** Whether any sanction was ever recorded for the code (also ones already over). */
    public boolean known() {
        return sanctions.length > 0;
    }

    public List<Sanction> sanctions() {
        return List.of(sanctions);
    }

    private static int rank(Sanction s) {
        return s.status() == Status.TERMINATED ? 1 : 0;
    }
}
