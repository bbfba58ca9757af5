package org.fundguard.report.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fundguard.report.Report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A report as staff see it. */
public record ReportView(@Schema(required = true) String id, @Schema(required = true) String region,
                         @Schema(required = true) String channel, @Schema(required = true) String status,
                         String institutionCode, String institutionName, @Schema(required = true) String conduct,
                         LocalDate occurredOn, @Schema(required = true) OffsetDateTime receivedAt) {

    static ReportView of(Report r) {
        return new ReportView(r.id.toString(), r.region, r.channel.name(), r.status.name(), r.institutionCode,
                r.institutionName, r.conduct, r.occurredOn, r.receivedAt);
    }

    /** A page of reports. */
    @Schema(name = "ReportPage")
    public record Page(@Schema(required = true) List<ReportView> items, @Schema(required = true) int page,
                       @Schema(required = true) int size, @Schema(required = true) long totalItems,
                       @Schema(required = true) int totalPages) {
    }
}
