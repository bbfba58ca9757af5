package org.fundguard.monitoring.knowledge;

/**
 * What a knowledge point's basis counts within (column {@code applies_per}): a pairing rule (重复收费) whose basis says
 * "同一日只能收取一个护理级别" is broken by two levels charged on the same day, not by two levels in one stay. A day is
 * the fee line's date ({@code fee_ocur_time}, else the visit's {@code begntime}).
 */
public enum AppliesPer {
    /** The whole visit (一次就诊; for an inpatient visit, the stay): the default. */
    VISIT("同一次就诊中"),
    /** Each calendar day of the visit on its own (同一日). */
    DAY("同一日");

    private final String label;

    AppliesPer(String label) {
        this.label = label;
    }

    /** How a reason says it, e.g. 同一日. */
    public String label() {
        return label;
    }
}
