package org.fundguard.monitoring.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Streaming RFC 4180 CSV reader over UTF-8 bytes (with or without a BOM): comma-separated, fields optionally in double
 * quotes with {@code ""} for a quote, commas and line breaks allowed inside quotes, records ended by CRLF, LF or CR.
 *
 * <p>One record at a time, in a reused byte buffer: {@link #next()} moves to the next record and {@link #field(int)}
 * decodes only the fields asked for, so columns nobody reads cost neither decoding nor allocation. The delimiters are
 * ASCII, which never occurs inside a UTF-8 multi-byte sequence, so splitting before decoding is safe. Blank lines
 * between records are skipped. Deviations from the RFC are tolerated where the intent is unambiguous (a quote inside
 * an unquoted field is kept as a literal character) and otherwise reported on the record through {@link #problem()}
 * instead of thrown, so one broken record never ends the file; so is a decoded field that is not valid UTF-8 (a GBK
 * export).
 */
public final class CsvReader implements Closeable {

    private static final int BUFFER_BYTES = 1 << 16;

    private static final int END_FIELD = 0;
    private static final int END_RECORD = 1;
    private static final int END_INPUT = 2;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean bomChecked;

    private byte[] row = new byte[1024];
    private int rowLength;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int fieldCount;
    private boolean nonAscii;

    private String[] lastValues = new String[64];
    private byte[][] lastBytes = new byte[64][];

    private long nextLine = 1;
    private long recordLine;
    private String problem;

    private CsvReader(InputStream in) {
        this.in = in;
    }

    /** A reader over UTF-8 bytes (a leading BOM is skipped); closing it closes {@code in}. */
    public static CsvReader utf8(InputStream in) {
        return new CsvReader(in);
    }

    /**
     * Reads the next record.
     *
     * @return false at end of input
     */
    public boolean next() throws IOException {
        rowLength = 0;
        fieldCount = 0;
        problem = null;
        nonAscii = false;
        if (!bomChecked) {
            bomChecked = true;
            skipBom();
        }
        // skip blank lines so a trailing newline or an empty line between records is not a record
        while (true) {
            if (pos >= limit && !fill()) {
                return false;
            }
            byte c = buf[pos];
            if (c == '\n') {
                pos++;
                nextLine++;
            } else if (c == '\r') {
                pos++;
                if ((pos < limit || fill()) && buf[pos] == '\n') {
                    pos++;
                }
                nextLine++;
            } else {
                break;
            }
        }
        recordLine = nextLine;
        int end;
        do {
            end = readField();
        } while (end == END_FIELD);
        return true;
    }

    private void skipBom() throws IOException {
        // the three BOM bytes may straddle reads of a slow stream
        while (limit - pos < 3 && !eof) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
    }

    private int readField() throws IOException {
        if (fieldCount == starts.length) {
            starts = Arrays.copyOf(starts, fieldCount * 2);
            ends = Arrays.copyOf(ends, fieldCount * 2);
        }
        int field = fieldCount++;
        starts[field] = rowLength;
        if ((pos < limit || fill()) && buf[pos] == '"') {
            pos++;
            int result = readQuoted();
            ends[field] = rowLength;
            return result;
        }
        // unquoted: copy a run of plain bytes at a time
        while (true) {
            if (pos >= limit && !fill()) {
                ends[field] = rowLength;
                return END_INPUT;
            }
            int p = copyUntil((byte) ',');
            if (p == limit) {
                continue;
            }
            byte c = buf[p];
            ends[field] = rowLength;
            pos++;
            if (c == ',') {
                return END_FIELD;
            }
            endOfLine(c);
            return END_RECORD;
        }
    }

    /**
     * Copies the bytes from {@code pos} up to {@code stop}, a line break or the end of the buffer into the record, and
     * returns where it stopped (then also {@code pos}).
     */
    private int copyUntil(byte stop) {
        int p = pos;
        int l = limit;
        byte[] b = buf;
        int high = 0;
        while (p < l) {
            byte c = b[p];
            if (c == stop || c == '\n' || c == '\r') {
                break;
            }
            high |= c;
            p++;
        }
        if (high < 0) {
            nonAscii = true;
        }
        append(b, pos, p - pos);
        pos = p;
        return p;
    }

    private int readQuoted() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                problem = "quoted field opened on line " + recordLine + " is never closed";
                return END_INPUT;
            }
            int p = copyUntil((byte) '"');
            if (p == limit) {
                continue;
            }
            byte c = buf[p];
            pos++;
            if (c == '\n') {
                nextLine++;
                append(c);
                continue;
            }
            if (c == '\r') {
                // CR LF inside quotes is one line break; both bytes stay in the data
                nextLine++;
                append(c);
                if ((pos < limit || fill()) && buf[pos] == '\n') {
                    append((byte) '\n');
                    pos++;
                }
                continue;
            }
            // a quote: either an escaped quote or the end of the field
            if (pos >= limit && !fill()) {
                return END_INPUT;
            }
            byte after = buf[pos];
            if (after == '"') {
                append((byte) '"');
                pos++;
                continue;
            }
            pos++;
            if (after == ',') {
                return END_FIELD;
            }
            if (after == '\n' || after == '\r') {
                endOfLine(after);
                return END_RECORD;
            }
            // "abc"x — not RFC 4180; keep the text but flag the record
            if (problem == null) {
                problem = "text after the closing quote of field " + fieldCount;
            }
            append(after);
            if (after < 0) {
                nonAscii = true;
            }
            return readUnquotedRest();
        }
    }

    private int readUnquotedRest() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                return END_INPUT;
            }
            byte c = buf[pos++];
            if (c == ',') {
                return END_FIELD;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(c);
                return END_RECORD;
            }
            if (c < 0) {
                nonAscii = true;
            }
            append(c);
        }
    }

    private void endOfLine(byte c) throws IOException {
        nextLine++;
        if (c == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
            pos++;
        }
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private void append(byte[] src, int from, int length) {
        if (length == 0) {
            return;
        }
        if (rowLength + length > row.length) {
            row = Arrays.copyOf(row, Math.max(row.length * 2, rowLength + length));
        }
        System.arraycopy(src, from, row, rowLength, length);
        rowLength += length;
    }

    private void append(byte c) {
        if (rowLength == row.length) {
            row = Arrays.copyOf(row, row.length * 2);
        }
        row[rowLength++] = c;
    }

    /** Number of fields in the current record. */
    public int fieldCount() {
        return fieldCount;
    }

    /** Field {@code index} of the current record (0-based), unquoted; empty string when the record is shorter. */
    public String field(int index) {
        if (index >= fieldCount) {
            return "";
        }
        int length = ends[index] - starts[index];
        return length == 0 ? "" : decode(starts[index], ends[index]);
    }

    /**
     * Field {@code index} without leading and trailing spaces and tabs (padded CHAR columns), or null when that leaves
     * nothing. When it holds the same bytes as the same column of the previous record (the visit's {@code mdtrt_id}
     * on each of its fee lines, codes, departments) the previous {@code String} is returned instead of a new one.
     */
    public String trimmedOrNull(int index) {
        if (index >= fieldCount) {
            return null;
        }
        int from = trimmedFrom(index);
        int to = trimmedTo(index, from);
        if (from == to) {
            return null;
        }
        int length = to - from;
        if (index >= lastValues.length) {
            lastValues = Arrays.copyOf(lastValues, Math.max(index + 1, lastValues.length * 2));
            lastBytes = Arrays.copyOf(lastBytes, lastValues.length);
        }
        String last = lastValues[index];
        byte[] lastRaw = lastBytes[index];
        if (last != null && lastRaw.length == length && Arrays.equals(row, from, to, lastRaw, 0, length)) {
            return last;
        }
        String value = new String(row, from, length, StandardCharsets.UTF_8);
        if (malformed(value)) {
            lastValues[index] = null;
        } else {
            lastValues[index] = value;
            lastBytes[index] = Arrays.copyOfRange(row, from, to);
        }
        return value;
    }

    /**
     * Copies the raw UTF-8 bytes of field {@code index}, trimmed as by {@link #trimmedOrNull}, into {@code dest} at
     * {@code at} (which must have room for {@link #trimmedLength}); for packing rows without decoding them.
     */
    void copyTrimmed(int index, byte[] dest, int at) {
        int from = trimmedFrom(index);
        System.arraycopy(row, from, dest, at, trimmedTo(index, from) - from);
    }

    /** Length in bytes of field {@code index} once trimmed; 0 when absent or blank. */
    int trimmedLength(int index) {
        if (index >= fieldCount) {
            return 0;
        }
        int from = trimmedFrom(index);
        return trimmedTo(index, from) - from;
    }

    private int trimmedFrom(int index) {
        int from = starts[index];
        int to = ends[index];
        while (from < to && (row[from] == ' ' || row[from] == '\t')) {
            from++;
        }
        return from;
    }

    private int trimmedTo(int index, int from) {
        int to = ends[index];
        while (to > from && (row[to - 1] == ' ' || row[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    private String decode(int from, int to) {
        String value = new String(row, from, to - from, StandardCharsets.UTF_8);
        malformed(value);
        return value;
    }

    /** The decoder turns malformed bytes into U+FFFD; only a record with non-ASCII bytes can have them. */
    private boolean malformed(String value) {
        if (nonAscii && value.indexOf('\uFFFD') >= 0) {
            if (problem == null) {
                problem = "not valid UTF-8 (a GBK export? re-export as UTF-8)";
            }
            return true;
        }
        return false;
    }

    /** Whether field {@code index} is absent or empty. */
    public boolean isEmpty(int index) {
        return index >= fieldCount || ends[index] == starts[index];
    }

    /** All fields of the current record (allocates; for headers and tests). */
    public String[] fields() {
        String[] all = new String[fieldCount];
        for (int i = 0; i < fieldCount; i++) {
            all[i] = field(i);
        }
        return all;
    }

    /** Physical line (1-based) on which the current record starts. */
    public long line() {
        return recordLine;
    }

    /**
     * Why the current record is malformed, or null when it is well-formed. Invalid UTF-8 is noticed when a field is
     * decoded, so ask after reading the fields you need.
     */
    public String problem() {
        return problem;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
