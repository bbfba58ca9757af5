package org.fundguard.monitoring.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fundguard.monitoring.KnowledgeService;

import java.util.List;

/** What a knowledge import did: good rows stored as one rule-set version, bad rows listed with row, field and reason. */
public record ImportReportView(
        @Schema(required = true, description = "The file name given, or \"upload\".") String source,
        @Schema(required = true, description = "Data rows read (blank lines not counted).") int rowsRead,
        @Schema(required = true, description = "Points stored.") int accepted,
        @Schema(required = true, description = "Rows refused.") long refused,
        @Schema(description = "The rule-set version the stored points came with; absent when nothing was stored.") Integer ruleSetVersion,
        @Schema(required = true) List<RowProblem> errors) {

    /** One problem with a row: CSV line (header = 1) or JSON element (1-based); a row may have several. */
    public record RowProblem(@Schema(required = true) int row, String field, String value,
                             @Schema(required = true, description = "Why, in Chinese.") String reason) {
    }

    static ImportReportView of(KnowledgeService.ImportOutcome o) {
        List<RowProblem> errors = o.errors().stream().map(e -> new RowProblem(e.row(), e.field(), e.value(), e.reason())).toList();
        long refused = o.errors().stream().mapToInt(e -> e.row()).distinct().count();
        return new ImportReportView(o.source(), o.rowsRead(), o.accepted(), refused, o.ruleSetVersion(), errors);
    }
}
