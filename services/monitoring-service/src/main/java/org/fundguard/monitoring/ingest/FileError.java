package org.fundguard.monitoring.ingest;

/**
 * A problem that stops a whole file (a required column missing from the header, unreadable input, input declared
 * sorted that is not): {@code line} is where it was found, 0 when it concerns the file as a whole.
 */
public record FileError(String file, long line, String reason) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + reason;
    }
}
