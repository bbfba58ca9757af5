package org.fundguard.monitoring.ingest;

/**
 * One rejected value or row: the file, the line it starts on (1-based; the CSV header is line 1), the national field
 * name ({@code feedetail[2].cnt} for a node inside a JSON line, {@code null} when the whole row is at fault), why, and
 * the business key it belonged to ({@code mdtrt_id}, or {@code mdtrt_id/feedetl_sn}) when known.
 */
public record RowError(String file, long line, String field, String reason, String key) {

    @Override
    public String toString() {
        return file + ":" + line + (field == null ? "" : " " + field) + ": " + reason
                + (key == null ? "" : " [" + key + "]");
    }
}
