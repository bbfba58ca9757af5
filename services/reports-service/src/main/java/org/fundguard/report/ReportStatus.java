package org.fundguard.report;

/**
 * Where a report stands in its handling: RECEIVED → ACCEPTED or DECLINED (within 15 working days); ACCEPTED →
 * VERIFIED or UNFOUNDED (investigation); VERIFIED → DECIDED (a handling decision, {@code violation.decided.v1}).
 * WITHDRAWN by the reporter before a decision.
 */
public enum ReportStatus {
    RECEIVED, ACCEPTED, DECLINED, VERIFIED, UNFOUNDED, DECIDED, WITHDRAWN;

    /** Still waiting for the acceptance decision. */
    public boolean awaitsAcceptance() {
        return this == RECEIVED;
    }
}
