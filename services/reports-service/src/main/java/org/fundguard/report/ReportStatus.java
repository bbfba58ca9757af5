package org.fundguard.report;

/** Where a report stands in its handling. */
public enum ReportStatus {
    RECEIVED
}
