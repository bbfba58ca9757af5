package org.fundguard.qualification.practitioner.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What a register import did: data rows read, files created, files changed, rows equal to the file as it stands
 * (nothing written), rows refused, and every refusal with its row, field and reason.
 */
@Schema(name = "PractitionerImportReport")
public record ImportReportView(
        @Schema(required = true) int rows,
        @Schema(required = true) int created,
        @Schema(required = true) int updated,
        @Schema(required = true) int unchanged,
        @Schema(required = true) int rejected,
        @Schema(required = true) List<RowErrorView> errors) {

    /** One refusal: the row (CSV: the record number counting the header as 1; JSON: the element from 1). */
    @Schema(name = "PractitionerImportRowError")
    public record RowErrorView(
            @Schema(required = true) int row,
            @Schema(required = true, examples = "prac_psn_code") String field,
            @Schema(required = true) String reason) {
    }
}
