package org.fundguard.monitoring.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** Mutable counters, the capped error list and the progress cadence of one ingest run (one thread). */
final class IngestRun {

    private final IngestOptions options;
    private final List<RowError> errors = new ArrayList<>();
    private final List<FileError> fileErrors = new ArrayList<>();
    private LongSupplier bytes = () -> 0;
    private long rowsRead;
    private long rowsRejected;
    private long rowsInvalidated;
    private long visits;
    private long feeLines;
    private long errorCount;
    private long nextProgress;

    IngestRun(IngestOptions options) {
        this.options = options;
        this.nextProgress = options.progressEveryRows();
    }

    void bytes(LongSupplier counter) {
        this.bytes = counter;
    }

    void rowRead() {
        if (++rowsRead >= nextProgress) {
            nextProgress += options.progressEveryRows();
            progress(false);
        }
    }

    void rowRejected() {
        rowsRejected++;
    }

    void rowsRejected(long count) {
        rowsRejected += count;
    }

    void rowsInvalidated(long count) {
        rowsInvalidated += count;
    }

    void visit(int lines) {
        visits++;
        feeLines += lines;
    }

    void error(RowError error) {
        errorCount++;
        if (errors.size() < options.maxErrors()) {
            errors.add(error);
        }
    }

    void fileError(FileError error) {
        fileErrors.add(error);
    }

    boolean hasFileErrors() {
        return !fileErrors.isEmpty();
    }

    private void progress(boolean done) {
        options.progress().onProgress(new IngestProgress(rowsRead, rowsRejected, bytes.getAsLong(), visits, done));
    }

    /** The report as it stands, without a progress call. */
    IngestReport snapshot() {
        return new IngestReport(rowsRead, rowsRejected, rowsInvalidated, visits, feeLines, bytes.getAsLong(), errors,
                errorCount, fileErrors);
    }

    /** The final report, after a last progress call marked done. */
    IngestReport finish() {
        progress(true);
        return snapshot();
    }
}
