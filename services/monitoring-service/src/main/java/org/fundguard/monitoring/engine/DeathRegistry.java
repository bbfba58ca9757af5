package org.fundguard.monitoring.engine;

import java.time.LocalDate;

/** Deaths reported by civil affairs / public security, matched to insured persons (psn_no → death date). */
public interface DeathRegistry {

    /** The person's date of death, or null when not registered as dead. */
    LocalDate deathDate(String psnNo);

    static DeathRegistry none() {
        return psnNo -> null;
    }
}
