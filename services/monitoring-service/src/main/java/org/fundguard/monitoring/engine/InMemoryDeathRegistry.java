package org.fundguard.monitoring.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Death registry in memory (the daily civil-affairs / public-security extract, matched to psn_no). */
public final class InMemoryDeathRegistry implements DeathRegistry {

    private final Map<String, LocalDate> deaths = new HashMap<>();

    public InMemoryDeathRegistry put(String psnNo, LocalDate deathDate) {
        deaths.put(psnNo, deathDate);
        return this;
    }

    @Override
    public LocalDate deathDate(String psnNo) {
        return deaths.get(psnNo);
    }
}
