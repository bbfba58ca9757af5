package org.fundguard.monitoring.ingest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * An input stream whose text is generated chunk by chunk as it is read, so a test can feed millions of lines without
 * holding them; it also tells how many bytes the reader has pulled so far.
 */
final class GeneratedInput extends InputStream {

    private final LongFunction<String> chunks;
    private final long chunkCount;
    private long next;
    private byte[] current = new byte[0];
    private int pos;
    private long delivered;

    /** Chunk {@code i} for {@code i} in {@code [0, chunkCount)} is {@code chunks.apply(i)}. */
    GeneratedInput(long chunkCount, LongFunction<String> chunks) {
        this.chunkCount = chunkCount;
        this.chunks = chunks;
    }

    long delivered() {
        return delivered;
    }

    /** Chunks generated so far (the current one included). */
    long chunksRead() {
        return next;
    }

    private boolean ensure() {
        while (pos == current.length) {
            if (next == chunkCount) {
                return false;
            }
            current = chunks.apply(next++).getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return true;
    }

    @Override
    public int read() {
        if (!ensure()) {
            return -1;
        }
        delivered++;
        return current[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!ensure()) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        delivered += n;
        return n;
    }
}
