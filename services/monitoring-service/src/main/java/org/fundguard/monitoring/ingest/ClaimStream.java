package org.fundguard.monitoring.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.fundguard.monitoring.claim.Claim;

/**
 * One ingest run seen as an iterator, for callers that pull visits (a screener taking a
 * {@code Supplier<Iterator<Claim>>}); the {@code ingest(…, Consumer)} methods push the same visits. An I/O failure
 * while iterating surfaces as {@link UncheckedIOException}. Close it to release the input even when not drained.
 */
public abstract class ClaimStream implements Iterator<Claim>, Closeable {

    private final IngestRun run;
    private Claim next;
    private IngestReport last;
    private long nextLine;
    private long lastLine;

    ClaimStream(IngestRun run) {
        this.run = run;
    }

    /** The next accepted visit, or null at the end of input. */
    abstract Claim read() throws IOException;

    /** The line the visit {@link #read()} just returned starts on in {@link #visitFile()} (0 when not known). */
    abstract long readLine();

    /** The name of the input that holds the visits (the JSON-lines source, or the {@code mdtrt_d} extract), for errors. */
    public abstract String visitFile();

    /**
     * The line of {@link #visitFile()} that the visit last returned by {@link #next()} starts on (1-based, the CSV header
     * is line 1), 0 before the first or when not known.
     */
    public long visitLine() {
        return lastLine;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (last != null) {
            return false;
        }
        try {
            next = read();
            nextLine = next == null ? 0 : readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (next == null) {
            last = run.finish();
            return false;
        }
        return true;
    }

    @Override
    public Claim next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Claim claim = next;
        next = null;
        lastLine = nextLine;
        return claim;
    }

    /** Counts and errors so far; the final report (and the final progress call) once {@link #hasNext()} is false. */
    public IngestReport report() {
        return last != null ? last : run.snapshot();
    }

    /** Pushes every remaining visit to {@code consumer}, closes the stream and returns the final report. */
    IngestReport drainTo(Consumer<Claim> consumer) throws IOException {
        try (this) {
            while (hasNext()) {
                consumer.accept(next());
            }
            return report();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
