package org.fundguard.monitoring.ingest;

import java.util.List;

/**
 * The outcome of one ingest run.
 *
 * @param rowsRead CSV records (all three files, headers excluded) or non-blank JSON lines read
 * @param rowsRejected CSV records left out for an error, or JSON lines with at least one error (a bad node inside a
 *     line drops only that node); a visit is still assembled from its good rows unless its own row is the bad one
 * @param rowsInvalidated CSV records, or JSON nodes, skipped because the platform marked them invalid
 *     ({@code vali_flag = 0}), with the rows that depend on them
 * @param visits visits handed to the consumer
 * @param feeLines fee lines inside those visits
 * @param bytesRead bytes consumed from the input(s)
 * @param errors the first {@code maxErrors} row errors, in the order found
 * @param errorCount all row errors, including those beyond the cap
 * @param fileErrors problems that stopped a file; when not empty the run is incomplete
 */
public record IngestReport(long rowsRead, long rowsRejected, long rowsInvalidated, long visits, long feeLines,
        long bytesRead, List<RowError> errors, long errorCount, List<FileError> fileErrors) {

    public IngestReport {
        errors = List.copyOf(errors);
        fileErrors = List.copyOf(fileErrors);
    }

    /** No file-level problem: every row was either used, rejected with a reason, or skipped as invalidated. */
    public boolean complete() {
        return fileErrors.isEmpty();
    }

    /** More errors happened than are listed. */
    public boolean errorsTruncated() {
        return errorCount > errors.size();
    }
}
