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

    ClaimStream(IngestRun run) {
        this.run = run;
    }

    /** The next accepted visit, or null at the end of input. */
    abstract Claim read() throws IOException;

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
