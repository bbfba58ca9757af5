package org.fundguard.monitoring.ingest;

import static org.fundguard.monitoring.ingest.ClaimAssembler.DIAG;
import static org.fundguard.monitoring.ingest.ClaimAssembler.FEE;
import static org.fundguard.monitoring.ingest.ClaimAssembler.SETL;
import static org.fundguard.monitoring.ingest.ClaimAssembler.VISIT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.ingest.ClaimAssembler.RawRow;
import org.fundguard.monitoring.ingest.RowSource.KeyedRow;

/**
 * Reads the warehouse dialect — {@code mdtrt_d}, {@code setl_d} and {@code fee_list_d} CSV extracts — and hands each
 * visit, with its settlements and fee lines, to the consumer as soon as it is complete.
 *
 * <p>Assembly is a merge join on {@code mdtrt_id}: the three files are read side by side in {@code mdtrt_id} order
 * (Java string order, which for the ASCII ids is byte order: {@code ORDER BY mdtrt_id COLLATE "C"}) and each key's
 * rows form one visit, so only one visit's rows are in memory at a time. Per {@link IngestOptions.WarehouseOrder}:
 * <ul>
 * <li>{@code CHECK} (default): one extra pass per file decodes only its key column; a file already in order is
 * streamed (constant memory), any other is sorted as with {@code SORT};</li>
 * <li>{@code SORTED}: no extra pass, constant memory; a key lower than the one before it is a {@link FileError} that
 * stops the run (visits already handed over were complete only up to that point: discard an incomplete run);</li>
 * <li>{@code SORT}: each file is sorted externally first ({@link ExternalSort}: at most
 * {@link IngestOptions#sortBufferBytes()} of packed rows in memory per file, the rest in sorted runs on disk) —
 * memory about three sort buffers plus 64 KiB per run while merging.</li>
 * </ul>
 * All three headers are checked before any row is read or any visit handed over; a missing required column is a
 * {@link FileError} and nothing is ingested.
 */
public final class WarehouseCsvIngest {

    private final IngestOptions options;

    public WarehouseCsvIngest(IngestOptions options) {
        this.options = Objects.requireNonNull(options);
    }

    /**
     * Ingests one batch, calling {@code consumer} once per accepted visit, in {@code mdtrt_id} order. An exception
     * thrown by the consumer ends the run and propagates.
     */
    public IngestReport ingest(WarehouseFiles files, Consumer<Claim> consumer) throws IOException {
        return stream(files).drainTo(consumer);
    }

    /**
     * The same run as {@link #ingest}, pulled visit by visit. Opening checks the three headers and, when the order
     * requires it, sorts the files; a header problem gives a stream with no visits and the file errors in its report.
     */
    public ClaimStream stream(WarehouseFiles files) throws IOException {
        IngestRun run = new IngestRun(options);
        CountingInputStream[] counters = new CountingInputStream[3];
        run.bytes(() -> {
            long sum = 0;
            for (CountingInputStream c : counters) {
                sum += c == null ? 0 : c.count();
            }
            return sum;
        });
        List<RowSource> opened = new ArrayList<>();
        boolean handedOver = false;
        try {
            CsvRowSource mdtrt = open(files.mdtrtD(), VISIT, ClaimAssembler.V_MDTRT_ID,
                    ClaimAssembler.VISIT_REQUIRED, List.of(), run, counters, 0, opened);
            CsvRowSource setl = open(files.setlD(), SETL, ClaimAssembler.S_MDTRT_ID, ClaimAssembler.SETL_REQUIRED,
                    List.of(), run, counters, 1, opened);
            CsvRowSource fee = open(files.feeListD(), FEE, ClaimAssembler.F_MDTRT_ID, ClaimAssembler.FEE_REQUIRED,
                    List.<int[]>of(new int[] {ClaimAssembler.F_HILIST_CODE, ClaimAssembler.F_MED_LIST_CODG}), run,
                    counters, 2, opened);
            Join join;
            if (run.hasFileErrors()) {
                join = new Join(run, null, null, null, null, opened, files.mdtrtD().name());
            } else {
                ClaimAssembler assembler = new ClaimAssembler(
                        new RowCheck(run, files.mdtrtD().name(), mdtrt.columnNames()),
                        new RowCheck(run, files.mdtrtD().name(), DIAG.names()),
                        new RowCheck(run, files.setlD().name(), setl.columnNames()),
                        new RowCheck(run, files.feeListD().name(), fee.columnNames()));
                RowSource visits = ordered(mdtrt, files.mdtrtD(), VISIT, ClaimAssembler.V_MDTRT_ID, opened);
                RowSource settlements = ordered(setl, files.setlD(), SETL, ClaimAssembler.S_MDTRT_ID, opened);
                RowSource lines = ordered(fee, files.feeListD(), FEE, ClaimAssembler.F_MDTRT_ID, opened);
                join = new Join(run, assembler, visits, settlements, lines, opened, files.mdtrtD().name());
            }
            handedOver = true;
            return join;
        } finally {
            if (!handedOver) {
                closeAll(opened);
            }
        }
    }

    private static void closeAll(List<RowSource> sources) throws IOException {
        IOException failure = null;
        for (RowSource source : sources) {
            try {
                source.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static CsvRowSource open(WarehouseFiles.Source source, FieldSet set, int keySlot, int[] required,
            List<int[]> oneOf, IngestRun run, CountingInputStream[] counters, int index, List<RowSource> opened)
            throws IOException {
        CountingInputStream in = new CountingInputStream(source.opener().open());
        counters[index] = in;
        CsvReader csv = CsvReader.utf8(in);
        CsvRowSource rows = CsvRowSource.open(csv, source.name(), set, keySlot, required, oneOf, run);
        if (rows == null) {
            csv.close();
        } else {
            opened.add(rows);
        }
        return rows;
    }

    private RowSource ordered(CsvRowSource rows, WarehouseFiles.Source source, FieldSet set, int keySlot,
            List<RowSource> opened) throws IOException {
        IngestOptions.WarehouseOrder order = options.warehouseOrder();
        if (order == IngestOptions.WarehouseOrder.SORTED
                || (order == IngestOptions.WarehouseOrder.CHECK && inOrder(source, set, keySlot))) {
            // still checked while joining: the file could differ from what the check read
            return new OrderCheck(rows, source.name());
        }
        RowSource sorted = ExternalSort.sort(rows, options.sortBufferBytes(), options.tempDir());
        opened.add(sorted);
        return sorted;
    }

    /**
     * Whether the keys of a file never decrease: one pass decoding only the key column, skipping malformed records and
     * missing keys (the real pass reports those); stops at the first key out of order.
     */
    static boolean inOrder(WarehouseFiles.Source source, FieldSet set, int keySlot) throws IOException {
        try (CsvReader csv = CsvReader.utf8(source.opener().open())) {
            if (!csv.next()) {
                return true;
            }
            int column = set.bind(csv.fields()).columns()[keySlot];
            String last = null;
            while (csv.next()) {
                String key = csv.trimmedOrNull(column);
                if (key == null || csv.problem() != null) {
                    continue;
                }
                if (last != null && key.compareTo(last) < 0) {
                    return false;
                }
                last = key;
            }
            return true;
        }
    }

    /** The merge join: all rows of the lowest pending key from each file make one visit. */
    private static final class Join extends ClaimStream {

        private final IngestRun run;
        private final ClaimAssembler assembler;
        private final RowSource visits;
        private final RowSource settlements;
        private final RowSource lines;
        private final List<RowSource> opened;
        private final String visitFile;
        private long visitLine;
        private final List<KeyedRow> visitRows = new ArrayList<>();
        private final List<RawRow> setlRows = new ArrayList<>();
        private final List<RawRow> feeRows = new ArrayList<>();
        private KeyedRow v;
        private KeyedRow s;
        private KeyedRow f;
        private boolean started;
        private boolean stopped;

        /** With a null assembler the stream is empty (the files had header errors). */
        Join(IngestRun run, ClaimAssembler assembler, RowSource visits, RowSource settlements, RowSource lines,
                List<RowSource> opened, String visitFile) {
            super(run);
            this.visitFile = visitFile;
            this.run = run;
            this.assembler = assembler;
            this.visits = visits;
            this.settlements = settlements;
            this.lines = lines;
            this.opened = opened;
            this.stopped = assembler == null;
        }

        @Override
        Claim read() throws IOException {
            if (stopped) {
                return null;
            }
            try {
                if (!started) {
                    started = true;
                    v = visits.next();
                    s = settlements.next();
                    f = lines.next();
                }
                while (v != null || s != null || f != null) {
                    Claim claim = nextGroup();
                    if (claim != null) {
                        return claim;
                    }
                }
            } catch (Unsorted e) {
                run.fileError(e.error);
            }
            stopped = true;
            return null;
        }

        private Claim nextGroup() throws IOException {
            String key = min(min(v == null ? null : v.key(), s == null ? null : s.key()), f == null ? null : f.key());
            visitRows.clear();
            setlRows.clear();
            feeRows.clear();
            for (; v != null && v.key().equals(key); v = visits.next()) {
                visitRows.add(v);
            }
            for (; s != null && s.key().equals(key); s = settlements.next()) {
                setlRows.add(new RawRow(s.values(), s.line(), ""));
            }
            for (; f != null && f.key().equals(key); f = lines.next()) {
                feeRows.add(new RawRow(f.values(), f.line(), ""));
            }
            RawRow visitRow = pickVisitRow(visitRows, assembler, run);
            visitLine = visitRow == null ? 0 : visitRow.line();
            Claim claim = assembler.assemble(visitRow, List.of(), setlRows, feeRows, key);
            run.rowsRejected(assembler.rejected());
            run.rowsInvalidated(assembler.invalidated());
            if (claim != null) {
                run.visit(claim.feeLines().size());
            }
            return claim;
        }

        @Override
        long readLine() {
            return visitLine;
        }

        @Override
        public String visitFile() {
            return visitFile;
        }

        @Override
        public void close() throws IOException {
            stopped = true;
            closeAll(opened);
        }
    }

    /**
     * The one {@code mdtrt_d} row of a key: the first not marked invalid ({@code vali_flag = 0}); the invalid ones are
     * skipped, further valid ones are duplicates and rejected. When all are invalid the first goes on so the whole
     * visit is skipped as invalidated.
     */
    private static RawRow pickVisitRow(List<KeyedRow> rows, ClaimAssembler assembler, IngestRun run) {
        if (rows.isEmpty()) {
            return null;
        }
        KeyedRow chosen = rows.get(0);
        for (KeyedRow row : rows) {
            if (!"0".equals(row.values()[ClaimAssembler.V_VALI_FLAG])) {
                chosen = row;
                break;
            }
        }
        for (KeyedRow row : rows) {
            if (row == chosen) {
                continue;
            }
            if ("0".equals(row.values()[ClaimAssembler.V_VALI_FLAG])) {
                run.rowsInvalidated(1);
            } else {
                assembler.duplicateVisit(row.line(), row.key());
                run.rowRejected();
            }
        }
        return new RawRow(chosen.values(), chosen.line(), "");
    }

    private static String min(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Thrown through the join when a file declared sorted is not. */
    private static final class Unsorted extends RuntimeException {
        final FileError error;

        Unsorted(FileError error) {
            super(error.reason(), null, false, false);
            this.error = error;
        }
    }

    /** Passes a declared-sorted file through, stopping at the first key out of order. */
    private static final class OrderCheck implements RowSource {

        private final RowSource rows;
        private final String file;
        private String last;

        OrderCheck(RowSource rows, String file) {
            this.rows = rows;
            this.file = file;
        }

        @Override
        public KeyedRow next() throws IOException {
            KeyedRow row = rows.next();
            if (row != null) {
                if (last != null && row.key().compareTo(last) < 0) {
                    throw new Unsorted(new FileError(file, row.line(), "not sorted by mdtrt_id: '" + row.key()
                            + "' after '" + last + "'; ingest with WarehouseOrder.CHECK or SORT to have it sorted"));
                }
                last = row.key();
            }
            return row;
        }
    }
}
