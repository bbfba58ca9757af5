package org.fundguard.monitoring.knowledge;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The unit of an age band. Age is counted in completed units: a person is N years old from their N-th birthday on
 * (the birthday itself counts as reached); someone born on 29 February reaches a new year on 1 March in common years.
 * In days, the day of birth is day 0 (新生儿 = 0–28 days).
 */
public enum AgeUnit {
    YEAR("岁", ChronoUnit.YEARS),
    MONTH("个月", ChronoUnit.MONTHS),
    DAY("天", ChronoUnit.DAYS);

    private final String label;
    private final ChronoUnit unit;

    AgeUnit(String label, ChronoUnit unit) {
        this.label = label;
        this.unit = unit;
    }

    /** Completed units between birth and {@code on}; negative when {@code on} is before birth. Allocation-free. */
    public long ageAt(LocalDate brdy, LocalDate on) {
        return brdy.until(on, unit);
    }

    public String label() {
        return label;
    }
}
