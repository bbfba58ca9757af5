package org.fundguard.report.event;

import java.time.OffsetDateTime;

/** Payload of {@code report.received.v1}: no reporter identity, no free text. */
public record ReportReceived(String reportId, String region, String channel, String institutionCode, OffsetDateTime receivedAt) {

    public static final String TYPE = "report.received.v1";
}
