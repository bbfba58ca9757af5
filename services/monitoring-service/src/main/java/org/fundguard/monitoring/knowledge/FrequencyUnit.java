package org.fundguard.monitoring.knowledge;

/**
 * The unit of a frequency limit's window: calendar days (自然日, by fee date) or hours (by fee time).
 * A limit "at most N per P units" is checked over every window of P consecutive units ending at each charge.
 */
public enum FrequencyUnit {
    DAY("日"),
    HOUR("小时");

    private final String label;

    FrequencyUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
