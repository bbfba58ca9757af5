package org.fundguard.report.event;

import java.time.OffsetDateTime;

/**
 * Payload of {@code report.verified.v1} (with the case value) and {@code report.unfounded.v1} (without): the
 * outcome of the investigation. No reporter identity, no free text.
 */
public record ReportInvestigated(String reportId, String region, String institutionCode, String caseValue,
                                 OffsetDateTime investigatedAt) {

    public static final String TYPE_VERIFIED = "report.verified.v1";
    public static final String TYPE_UNFOUNDED = "report.unfounded.v1";
}
