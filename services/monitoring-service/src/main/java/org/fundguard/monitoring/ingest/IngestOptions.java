package org.fundguard.monitoring.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Knobs of one ingest run.
 *
 * @param maxErrors how many {@link RowError}s are kept in the report; beyond it errors are only counted
 * @param progressEveryRows how often (in rows) the progress listener is called
 * @param progress the progress listener
 * @param warehouseOrder how the warehouse CSV files are brought into {@code mdtrt_id} order (see
 *     {@link WarehouseCsvIngest})
 * @param sortBufferBytes estimated heap held per file while sorting externally; a larger file is sorted in runs on
 *     disk and merged (bounds memory)
 * @param tempDir where sorted runs are written; null for the system temporary directory
 */
public record IngestOptions(int maxErrors, long progressEveryRows, ProgressListener progress,
        WarehouseOrder warehouseOrder, long sortBufferBytes, Path tempDir) {

    public IngestOptions {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(warehouseOrder, "warehouseOrder");
        if (maxErrors < 0 || progressEveryRows <= 0 || sortBufferBytes <= 0) {
            throw new IllegalArgumentException("maxErrors >= 0, progressEveryRows > 0, sortBufferBytes > 0");
        }
    }

    /**
     * How the warehouse files get into {@code mdtrt_id} order, which the merge join needs.
     */
    public enum WarehouseOrder {
        /** Read each file's keys once first; a file already in order is streamed, any other is sorted. */
        CHECK,
        /** Trust the files to be in order (no extra pass); a key out of order stops the run with a file error. */
        SORTED,
        /** Sort every file externally without checking. */
        SORT
    }

    /**
     * 1,000 errors kept, progress every 50,000 rows, warehouse order checked and files sorted when needed with a
     * 64 MiB buffer per file.
     */
    public static IngestOptions defaults() {
        return new IngestOptions(1000, 50_000, ProgressListener.NONE, WarehouseOrder.CHECK, 64L << 20, null);
    }

    public IngestOptions withMaxErrors(int max) {
        return new IngestOptions(max, progressEveryRows, progress, warehouseOrder, sortBufferBytes, tempDir);
    }

    public IngestOptions withProgress(ProgressListener listener, long everyRows) {
        return new IngestOptions(maxErrors, everyRows, listener, warehouseOrder, sortBufferBytes, tempDir);
    }

    public IngestOptions withWarehouseOrder(WarehouseOrder order) {
        return new IngestOptions(maxErrors, progressEveryRows, progress, order, sortBufferBytes, tempDir);
    }

    /** Memory per file for the external sort and where its runs go (null: the system temporary directory). */
    public IngestOptions withSortBuffer(long bytes, Path dir) {
        return new IngestOptions(maxErrors, progressEveryRows, progress, warehouseOrder, bytes, dir);
    }
}
