package org.fundguard.monitoring.ingest;

import java.io.Closeable;
import java.io.IOException;

/** Rows of one warehouse file that have a grouping key, in some order; bad rows were reported and dropped. */
interface RowSource extends Closeable {

    /** A row: its {@code mdtrt_id}, its values by slot, the line it starts on. */
    record KeyedRow(String key, String[] values, long line) {
    }

    /** The next row, or null at the end. */
    KeyedRow next() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
