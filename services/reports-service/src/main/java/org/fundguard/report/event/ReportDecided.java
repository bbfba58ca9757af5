package org.fundguard.report.event;

import java.time.OffsetDateTime;

/**
 * Payload of {@code report.accepted.v1} and {@code report.declined.v1}: the acceptance decision (reason only when
 * declined). No reporter identity, no free text.
 */
public record ReportDecided(String reportId, String region, OffsetDateTime decidedAt, String declineReason) {

    public static final String TYPE_ACCEPTED = "report.accepted.v1";
    public static final String TYPE_DECLINED = "report.declined.v1";
}
