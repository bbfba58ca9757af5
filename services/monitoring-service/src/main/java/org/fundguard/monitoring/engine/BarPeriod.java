package org.fundguard.monitoring.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A period in which a practitioner's payment qualification (医保支付资格) is suspended or terminated: the fund pays
 * nothing billed under the practitioner's code, emergency and rescue excepted.
 *
 * @param practitionerCode 医保医师代码 (or the local code the region uses), as in bilg_dr_codg
 * @param status           suspended (暂停) or terminated (终止)
 * @param from             first day (inclusive)
 * @param to               last day (inclusive); null = open-ended (termination, or a suspension not yet lifted)
 * @param decisionNo       the decision that imposed it, may be null
 */
public record BarPeriod(String practitionerCode, Status status, LocalDate from, LocalDate to, String decisionNo) {

    /** Suspended or terminated. */
    public enum Status {
        SUSPENDED("暂停"), TERMINATED("终止");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public BarPeriod {
        Objects.requireNonNull(practitionerCode, "practitionerCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(from, "from");
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
