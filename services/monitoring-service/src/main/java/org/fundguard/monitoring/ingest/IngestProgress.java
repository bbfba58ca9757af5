package org.fundguard.monitoring.ingest;

/**
 * A snapshot for a job's progress display: rows (CSV records or JSON lines) read so far, of which rejected, bytes
 * consumed from the input(s), visits handed to the consumer, and whether this is the final snapshot.
 */
public record IngestProgress(long rowsRead, long rowsRejected, long bytesRead, long visits, boolean done) {
}
