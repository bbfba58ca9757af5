package org.fundguard.monitoring.engine;

import java.time.LocalDate;

/** The local replica of practitioners' payment qualification (fed by qualification-service events). */
public interface QualificationReplica {

    /** The suspension or termination covering the practitioner on that date, or null when the practitioner may bill. */
    BarPeriod barredOn(String practitionerCode, LocalDate date);

    static QualificationReplica none() {
        return (code, date) -> null;
    }
}
