package org.fundguard.monitoring.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one warehouse CSV file in file order: the header bound to a {@link FieldSet}, then each record checked
 * for shape (RFC 4180 problems, field count against the header, the {@code mdtrt_id} key present) — a record failing
 * those is reported and skipped, the rest is left to {@link ClaimAssembler}.
 */
final class CsvRowSource implements RowSource {

    private final CsvReader csv;
    private final FieldSet.Header header;
    private final int keySlot;
    private final IngestRun run;
    private final RowCheck check;
    private final String[] unpacked;
    private final byte[][] unpackedBytes;

    private CsvRowSource(CsvReader csv, FieldSet.Header header, int keySlot, IngestRun run, RowCheck check) {
        this.csv = csv;
        this.header = header;
        this.keySlot = keySlot;
        this.run = run;
        this.check = check;
        this.unpacked = new String[header.columns().length];
        this.unpackedBytes = new byte[header.columns().length][];
    }

    /**
     * Reads and binds the header of {@code csv}.
     *
     * @param required slots whose columns must be present
     * @param oneOf groups of slots of which at least one column must be present
     * @return the source, or null after recording a {@link FileError} (no header, required columns missing)
     */
    static CsvRowSource open(CsvReader csv, String file, FieldSet set, int keySlot, int[] required,
            List<int[]> oneOf, IngestRun run) throws IOException {
        if (!csv.next()) {
            run.fileError(new FileError(file, 0, "empty file: no header row"));
            return null;
        }
        if (csv.problem() != null) {
            run.fileError(new FileError(file, csv.line(), "unreadable header row: " + csv.problem()));
            return null;
        }
        FieldSet.Header header = set.bind(csv.fields());
        List<String> missing = new ArrayList<>(header.missing(set, required));
        for (int[] group : oneOf) {
            boolean any = false;
            for (int slot : group) {
                any |= header.has(slot);
            }
            if (!any) {
                StringBuilder names = new StringBuilder();
                for (int slot : group) {
                    names.append(names.length() == 0 ? "" : " or ").append(set.name(slot));
                }
                missing.add(names.toString());
            }
        }
        if (!missing.isEmpty()) {
            run.fileError(new FileError(file, csv.line(), "required column(s) missing from the header: "
                    + String.join(", ", missing)));
            return null;
        }
        return new CsvRowSource(csv, header, keySlot, run, new RowCheck(run, file, header.columnNames()));
    }

    /** The column names as the file spells them, by slot (national names for unbound slots). */
    String[] columnNames() {
        return header.columnNames();
    }

    @Override
    public KeyedRow next() throws IOException {
        String key;
        while ((key = advance()) != null) {
            String[] values = header.read(csv);
            if (csv.problem() != null) {
                reject(csv.line(), csv.problem());
                continue;
            }
            return new KeyedRow(key, values, csv.line());
        }
        return null;
    }

    /**
     * The next row with its bound fields packed, undecoded, into one byte array (for the external sort: a compact
     * heap footprint and one write per row); {@link #unpack} turns it back into values. Null at the end.
     */
    PackedRow nextPacked() throws IOException {
        String key = advance();
        if (key == null) {
            return null;
        }
        int[] columns = header.columns();
        int size = 0;
        for (int column : columns) {
            int length = column < 0 ? 0 : csv.trimmedLength(column);
            size += length + (length < 0x80 ? 1 : 4);
        }
        byte[] packed = new byte[size];
        int at = 0;
        for (int column : columns) {
            int length = column < 0 ? 0 : csv.trimmedLength(column);
            if (length < 0x80) {
                packed[at++] = (byte) length;
            } else {
                packed[at++] = (byte) (0x80 | (length >>> 24));
                packed[at++] = (byte) (length >>> 16);
                packed[at++] = (byte) (length >>> 8);
                packed[at++] = (byte) length;
            }
            if (length > 0) {
                csv.copyTrimmed(column, packed, at);
                at += length;
            }
        }
        return new PackedRow(key, csv.line(), packed);
    }

    /** A row as {@link #nextPacked} gives it: key, start line, and the bound fields as length-prefixed UTF-8. */
    record PackedRow(String key, long line, byte[] packed) {
    }

    /**
     * The values of a packed row by slot, or null (after reporting it) when a field is not valid UTF-8; repeated
     * values share one {@code String} as with {@link CsvReader#trimmedOrNull}.
     */
    KeyedRow unpack(PackedRow row) {
        byte[] p = row.packed();
        String[] values = new String[header.columns().length];
        int at = 0;
        for (int slot = 0; slot < values.length; slot++) {
            int length = p[at++] & 0xFF;
            if (length >= 0x80) {
                length = ((length & 0x7F) << 24) | ((p[at] & 0xFF) << 16) | ((p[at + 1] & 0xFF) << 8)
                        | (p[at + 2] & 0xFF);
                at += 3;
            }
            if (length == 0) {
                continue;
            }
            String last = unpacked[slot];
            byte[] lastBytes = unpackedBytes[slot];
            if (last != null && lastBytes.length == length && Arrays.equals(p, at, at + length, lastBytes, 0, length)) {
                values[slot] = last;
            } else {
                String value = new String(p, at, length, StandardCharsets.UTF_8);
                if (value.indexOf('\uFFFD') >= 0) {
                    reject(row.line(), "not valid UTF-8 (a GBK export? re-export as UTF-8)");
                    return null;
                }
                values[slot] = value;
                unpacked[slot] = value;
                unpackedBytes[slot] = Arrays.copyOfRange(p, at, at + length);
            }
            at += length;
        }
        return new KeyedRow(row.key(), values, row.line());
    }

    /**
     * Moves to the next record that has the right shape and a key; reports and skips the others.
     *
     * @return its key, or null at the end of the file
     */
    private String advance() throws IOException {
        while (csv.next()) {
            run.rowRead();
            long line = csv.line();
            if (csv.problem() != null) {
                reject(line, csv.problem());
                continue;
            }
            int width = header.width();
            int count = csv.fieldCount();
            if (count < width) {
                reject(line, "only " + count + " fields; the header has " + width);
                continue;
            }
            if (count > width && !extrasEmpty(width, count)) {
                reject(line, count + " fields; the header has " + width);
                continue;
            }
            String key = csv.trimmedOrNull(header.columns()[keySlot]);
            if (csv.problem() != null) {
                reject(line, csv.problem());
                continue;
            }
            if (key == null) {
                check.at(line, "", null).fail(keySlot, "required field missing");
                run.rowRejected();
                continue;
            }
            return key;
        }
        return null;
    }

    /** A trailing comma on every line gives one empty extra field; tolerate that, not data beyond the header. */
    private boolean extrasEmpty(int width, int count) {
        for (int i = width; i < count; i++) {
            if (!csv.isEmpty(i)) {
                return false;
            }
        }
        return true;
    }

    private void reject(long line, String reason) {
        check.at(line, "", null).failRow(null, reason);
        run.rowRejected();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
