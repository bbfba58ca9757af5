package org.fundguard.monitoring.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Qualification replica in memory: practitioner code → periods of suspension or termination. */
public final class InMemoryQualificationReplica implements QualificationReplica {

    private static final BarPeriod[] NONE = new BarPeriod[0];

    private final Map<String, BarPeriod[]> periods = new HashMap<>();

    public InMemoryQualificationReplica add(BarPeriod period) {
        BarPeriod[] old = periods.getOrDefault(period.practitionerCode(), NONE);
        BarPeriod[] now = java.util.Arrays.copyOf(old, old.length + 1);
        now[old.length] = period;
        periods.put(period.practitionerCode(), now);
        return this;
    }

    @Override
    public BarPeriod barredOn(String practitionerCode, LocalDate date) {
        BarPeriod[] p = periods.get(practitionerCode);
        if (p == null) {
            return null;
        }
        for (BarPeriod b : p) {
            if (b.covers(date)) {
                return b;
            }
        }
        return null;
    }
}
