package org.fundguard.monitoring.generator;

import java.time.LocalDate;

/**
 * What to generate: the seed (same seed, same output byte for byte), how many patients at most, an optional cap on fee
 * lines (generation stops after the patient that reaches it), the period visits start in, the share of patients that
 * carry an injected violation, and the mean number of visits of an ordinary patient.
 *
 * @param seed          random seed
 * @param patients      patients to generate at most
 * @param maxLines      stop after this many fee lines (0 = no cap)
 * @param start         first day of the period
 * @param end           last day of the period (scenario visits may run a few days beyond it)
 * @param violationRate share of patients (0–1) given an injected violation
 * @param meanVisits    mean visits of an ordinary patient in the period
 */
public record GeneratorConfig(long seed, long patients, long maxLines, LocalDate start, LocalDate end,
        double violationRate, double meanVisits) {

    public GeneratorConfig {
        if (patients < 0 || maxLines < 0 || violationRate < 0 || violationRate > 1 || meanVisits < 1
                || end.isBefore(start)) {
            throw new IllegalArgumentException("invalid generator configuration");
        }
    }

    /** Calendar year 2025, 5% of patients with a violation, 4 visits per patient on average. */
    public static GeneratorConfig of(long seed, long patients) {
        return new GeneratorConfig(seed, patients, 0, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 0.05, 4);
    }

    public GeneratorConfig withMaxLines(long lines) {
        return new GeneratorConfig(seed, patients, lines, start, end, violationRate, meanVisits);
    }

    public GeneratorConfig withViolationRate(double rate) {
        return new GeneratorConfig(seed, patients, maxLines, start, end, rate, meanVisits);
    }
}
