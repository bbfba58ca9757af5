package org.fundguard.monitoring.ingest;

/**
 * Receives {@link IngestProgress} every {@link IngestOptions#progressEveryRows()} rows and once at the end, on the
 * ingesting thread (keep it cheap: publish the numbers, do not block).
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = progress -> {
    };

    void onProgress(IngestProgress progress);
}
