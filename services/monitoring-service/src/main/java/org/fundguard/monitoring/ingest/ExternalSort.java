package org.fundguard.monitoring.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.fundguard.monitoring.ingest.CsvRowSource.PackedRow;

/**
 * Sorts the rows of one warehouse file by {@code mdtrt_id} (then by line, so rows of one key keep file order) with
 * bounded memory: rows are held packed (undecoded bytes, {@link CsvRowSource#nextPacked}) up to an estimated byte
 * budget; each full buffer is sorted and written to a temporary run file, and the runs are merged while reading. A
 * file that fits the budget never touches the disk. Memory: the budget, plus a 64 KiB read buffer per run when merging.
 */
final class ExternalSort {

    private static final Comparator<PackedRow> ORDER =
            Comparator.comparing(PackedRow::key).thenComparingLong(PackedRow::line);

    private ExternalSort() {
    }

    /** Drains {@code source} and returns its rows sorted; closing the result closes the source and deletes runs. */
    static RowSource sort(CsvRowSource source, long budgetBytes, Path tempDir) throws IOException {
        List<Path> runs = new ArrayList<>();
        List<PackedRow> buffer = new ArrayList<>();
        try {
            long used = 0;
            PackedRow row;
            while ((row = source.nextPacked()) != null) {
                buffer.add(row);
                // the row record, its array and (often shared with the previous row) key
                used += 96 + row.packed().length + row.key().length();
                if (used >= budgetBytes) {
                    runs.add(spill(buffer, tempDir));
                    buffer.clear();
                    used = 0;
                }
            }
            buffer.sort(ORDER);
            if (!runs.isEmpty() && !buffer.isEmpty()) {
                runs.add(spill(buffer, tempDir));
                buffer.clear();
            }
        } catch (IOException | RuntimeException e) {
            delete(runs);
            throw e;
        }
        if (runs.isEmpty()) {
            return new InMemory(buffer, source);
        }
        return new Merge(runs, source);
    }

    private static Path spill(List<PackedRow> rows, Path tempDir) throws IOException {
        rows.sort(ORDER);
        Path run = tempDir == null ? Files.createTempFile("fundguard-ingest-", ".run")
                : Files.createTempFile(tempDir, "fundguard-ingest-", ".run");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run),
                1 << 16))) {
            String lastKey = null;
            for (PackedRow row : rows) {
                // consecutive rows mostly share the key: write it once
                boolean sameKey = row.key().equals(lastKey);
                out.writeLong(sameKey ? -row.line() : row.line());
                if (!sameKey) {
                    byte[] key = row.key().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(key.length);
                    out.write(key);
                    lastKey = row.key();
                }
                out.writeInt(row.packed().length);
                out.write(row.packed());
            }
        } catch (IOException e) {
            Files.deleteIfExists(run);
            throw e;
        }
        return run;
    }

    private static void delete(List<Path> runs) {
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                // a leftover temporary file is not worth failing the run for
            }
        }
    }

    /** A file that fitted in the budget: its sorted buffer. */
    private static final class InMemory implements RowSource {

        private final List<PackedRow> rows;
        private final CsvRowSource source;
        private int next;

        InMemory(List<PackedRow> rows, CsvRowSource source) {
            this.rows = rows;
            this.source = source;
        }

        @Override
        public KeyedRow next() {
            while (next < rows.size()) {
                PackedRow row = rows.get(next);
                rows.set(next++, null); // let the consumed rows go
                KeyedRow unpacked = source.unpack(row);
                if (unpacked != null) {
                    return unpacked;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    /** K-way merge of sorted run files. */
    private static final class Merge implements RowSource {

        private final List<Path> runs;
        private final CsvRowSource source;
        private final List<Run> open = new ArrayList<>();
        private final PriorityQueue<Run> queue = new PriorityQueue<>((a, b) -> ORDER.compare(a.head, b.head));

        Merge(List<Path> runs, CsvRowSource source) throws IOException {
            this.runs = runs;
            this.source = source;
            try {
                for (Path path : runs) {
                    Run run = new Run(path);
                    open.add(run);
                    if (run.advance()) {
                        queue.add(run);
                    }
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public KeyedRow next() throws IOException {
            Run run;
            while ((run = queue.poll()) != null) {
                PackedRow row = run.head;
                if (run.advance()) {
                    queue.add(run);
                }
                KeyedRow unpacked = source.unpack(row);
                if (unpacked != null) {
                    return unpacked;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            for (Run run : open) {
                try {
                    run.in.close();
                } catch (IOException e) {
                    // closing a temporary file that is deleted next
                }
            }
            delete(runs);
            source.close();
        }
    }

    /** One run file being read back. */
    private static final class Run {

        final DataInputStream in;
        PackedRow head;
        private String key;

        Run(Path path) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
        }

        boolean advance() throws IOException {
            long line;
            try {
                line = in.readLong();
            } catch (EOFException e) {
                head = null;
                return false;
            }
            if (line > 0) {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                key = new String(bytes, StandardCharsets.UTF_8);
            } else {
                line = -line;
            }
            byte[] packed = new byte[in.readInt()];
            in.readFully(packed);
            head = new PackedRow(key, line, packed);
            return true;
        }
    }
}
