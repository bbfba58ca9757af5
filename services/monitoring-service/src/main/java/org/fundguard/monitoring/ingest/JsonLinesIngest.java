package org.fundguard.monitoring.ingest;

import static org.fundguard.monitoring.ingest.ClaimAssembler.DIAG;
import static org.fundguard.monitoring.ingest.ClaimAssembler.FEE;
import static org.fundguard.monitoring.ingest.ClaimAssembler.SETL;
import static org.fundguard.monitoring.ingest.ClaimAssembler.VISIT;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.ingest.ClaimAssembler.RawRow;

/**
 * Reads the interface dialect — JSON lines, one visit per line (format in {@code package-info}) — and hands each
 * visit to the consumer as soon as its line is read. Memory is one line (at most {@link #MAX_LINE_BYTES}) plus the
 * claim being built, whatever the file size. Lines are split on the bytes and each parsed with Jackson's streaming
 * {@link JsonParser}, so a malformed line is one row error and the next line parses normally.
 */
public final class JsonLinesIngest {

    /** A longer line is rejected (and skipped up to the next newline) instead of growing the buffer further. */
    public static final int MAX_LINE_BYTES = 64 << 20;

    private static final JsonFactory JSON = new JsonFactory();

    private final IngestOptions options;

    public JsonLinesIngest(IngestOptions options) {
        this.options = Objects.requireNonNull(options);
    }

    /** Ingests a {@code .jsonl} file; the file name is used in errors. */
    public IngestReport ingest(Path file, Consumer<Claim> consumer) throws IOException {
        return stream(Files.newInputStream(file), file.getFileName().toString()).drainTo(consumer);
    }

    /**
     * Ingests JSON lines from {@code in} (UTF-8, optional BOM), calling {@code consumer} once per accepted visit, in
     * input order; closes {@code in}. An exception thrown by the consumer ends the run and propagates.
     */
    public IngestReport ingest(InputStream in, String name, Consumer<Claim> consumer) throws IOException {
        return stream(in, name).drainTo(consumer);
    }

    /** The same run as {@link #ingest(InputStream, String, Consumer)}, pulled visit by visit; closing closes {@code in}. */
    public ClaimStream stream(InputStream in, String name) {
        return new Reader(in, name, new IngestRun(options));
    }

    /** A line that is valid JSON but not in the expected shape. */
    private static final class ShapeException extends JsonProcessingException {
        ShapeException(String message, JsonParser p) {
            super(message, p.currentLocation());
        }
    }

    /** The state of one pass over one input. */
    private static final class Reader extends ClaimStream {

        private final InputStream in;
        private final IngestRun run;
        private final ClaimAssembler assembler;
        private final RowCheck check;
        private final String name;
        private final String[] visitCache = new String[VISIT.size()];
        private final String[] diagCache = new String[DIAG.size()];
        private final String[] setlCache = new String[SETL.size()];
        private final String[] feeCache = new String[FEE.size()];
        private byte[] buf = new byte[1 << 20];
        private int start;
        private int end;
        private long bytes;
        private long lineNo;
        private int scan;
        private boolean skipping;
        private boolean ended;

        Reader(InputStream in, String name, IngestRun run) {
            super(run);
            this.in = in;
            this.run = run;
            this.name = name;
            this.check = new RowCheck(run, name, new String[] {"mdtrtinfo"});
            this.assembler = new ClaimAssembler(new RowCheck(run, name, VISIT.names()),
                    new RowCheck(run, name, DIAG.names()), new RowCheck(run, name, SETL.names()),
                    new RowCheck(run, name, FEE.names()));
            run.bytes(() -> bytes);
        }

        @Override
        Claim read() throws IOException {
            while (!ended) {
                int nl = -1;
                for (int i = start + scan; i < end; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl >= 0) {
                    lineNo++;
                    Claim claim = skipping ? null : line(start, nl);
                    skipping = false;
                    bytes += nl + 1 - start;
                    start = nl + 1;
                    scan = 0;
                    if (claim != null) {
                        return claim;
                    }
                    continue;
                }
                scan = end - start;
                if (!skipping && end - start >= MAX_LINE_BYTES) {
                    run.rowRead();
                    run.rowRejected();
                    check.at(lineNo + 1, "", null).failRow(null, "line longer than " + MAX_LINE_BYTES + " bytes");
                    skipping = true;
                }
                if (skipping) {
                    // discard the rest of the overlong line as it arrives
                    bytes += end - start;
                    start = end;
                    scan = 0;
                }
                if (!fill()) {
                    ended = true;
                    if (end > start && !skipping) {
                        lineNo++;
                        Claim claim = line(start, end);
                        bytes += end - start;
                        start = end;
                        return claim;
                    }
                }
            }
            return null;
        }

        @Override
        long readLine() {
            return lineNo;
        }

        @Override
        public String visitFile() {
            return name;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        /** Makes room and reads more; false at end of input. */
        private boolean fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE_BYTES + 1));
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                return false;
            }
            end += n;
            return true;
        }

        /** Parses one line; the visit when it is accepted, else null (the line was blank, rejected or invalidated). */
        private Claim line(int from, int to) {
            if (lineNo == 1 && to - from >= 3 && buf[from] == (byte) 0xEF && buf[from + 1] == (byte) 0xBB
                    && buf[from + 2] == (byte) 0xBF) {
                from += 3;
            }
            if (to > from && buf[to - 1] == '\r') {
                to--;
            }
            boolean blank = true;
            for (int i = from; i < to && blank; i++) {
                byte b = buf[i];
                blank = b == ' ' || b == '\t' || b == '\r';
            }
            if (blank) {
                return null;
            }
            run.rowRead();
            String[] visit = new String[VISIT.size()];
            String[] person = new String[VISIT.size()];
            String[] envelope = new String[VISIT.size()];
            List<RawRow> diags = new ArrayList<>();
            List<RawRow> setls = new ArrayList<>();
            List<RawRow> fees = new ArrayList<>();
            boolean hasVisit = false;
            try (JsonParser p = JSON.createParser(buf, from, to - from)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    reject("line is not a JSON object");
                    return null;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (field) {
                        case "mdtrtinfo" -> {
                            object(p, t, VISIT, visit, field);
                            hasVisit = true;
                        }
                        case "baseinfo" -> object(p, t, VISIT, person, field);
                        case "diseinfo" -> nodes(p, t, DIAG, diags, field);
                        case "feedetail" -> nodes(p, t, FEE, fees, field);
                        case "setlinfo" -> nodes(p, t, SETL, setls, field);
                        default -> scalar(p, t, VISIT, envelope, field);
                    }
                }
                if (p.nextToken() != null) {
                    reject("more than one JSON value on the line");
                    return null;
                }
            } catch (JsonProcessingException e) {
                reject("malformed JSON at column " + e.getLocation().getColumnNr() + ": " + shortMessage(e));
                return null;
            } catch (IOException e) {
                reject("unreadable JSON: " + e.getMessage());
                return null;
            }
            if (!hasVisit) {
                reject("no mdtrtinfo object");
                return null;
            }
            for (int i = 0; i < visit.length; i++) {
                if (visit[i] == null) {
                    visit[i] = person[i] != null ? person[i] : envelope[i];
                }
            }
            Claim claim = assembler.assemble(new RawRow(visit, lineNo, "mdtrtinfo."), diags, setls, fees, null);
            run.rowsInvalidated(assembler.invalidated());
            if ((claim == null && assembler.invalidated() == 0) || assembler.rejected() > 0) {
                run.rowRejected();
            }
            if (claim != null) {
                run.visit(claim.feeLines().size());
            }
            return claim;
        }

        /** Jackson's message without its source-location appendix. */
        private static String shortMessage(JsonProcessingException e) {
            String message = e.getOriginalMessage();
            int cut = message.indexOf(" (start marker");
            if (cut < 0) {
                cut = message.indexOf('\n');
            }
            return cut < 0 ? message : message.substring(0, cut);
        }

        private void reject(String reason) {
            run.rowRejected();
            check.at(lineNo, "", null).failRow(null, reason);
        }

        /** A node object into {@code values}, by slot; fields ingest does not read are skipped. */
        private void object(JsonParser p, JsonToken t, FieldSet set, String[] values, String path)
                throws IOException {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                throw new ShapeException(path + " is not an object", p);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                int slot = set.slot(field);
                if (value.isScalarValue()) {
                    if (slot >= 0) {
                        values[slot] = value == JsonToken.VALUE_NULL ? null : text(p, set, slot);
                    }
                } else if (set == FEE && (field.equals("drug_trac_codg") || field.equals("drugtracinfo"))) {
                    values[ClaimAssembler.F_DRUG_TRAC_CODG] = traceCodes(p, value);
                } else if (set == FEE && field.equals("exp_content") && value == JsonToken.START_OBJECT) {
                    values[ClaimAssembler.F_EXP_CONTENT] = expContent(p);
                } else {
                    p.skipChildren();
                }
            }
        }

        /**
         * The trimmed text of the current scalar, null when blank; the same {@code String} as last time when the
         * characters are the same for this field (the visit's ids and the codes repeat from line to line).
         */
        private String text(JsonParser p, FieldSet set, int slot) throws IOException {
            char[] chars = p.getTextCharacters();
            int from = p.getTextOffset();
            int to = from + p.getTextLength();
            while (from < to && chars[from] <= ' ') {
                from++;
            }
            while (to > from && chars[to - 1] <= ' ') {
                to--;
            }
            if (from == to) {
                return null;
            }
            String[] cache = set == FEE ? feeCache : set == SETL ? setlCache : set == DIAG ? diagCache : visitCache;
            String last = cache[slot];
            int length = to - from;
            if (last != null && last.length() == length) {
                int i = 0;
                while (i < length && last.charAt(i) == chars[from + i]) {
                    i++;
                }
                if (i == length) {
                    return last;
                }
            }
            String value = new String(chars, from, length);
            cache[slot] = value;
            return value;
        }

        /** One node or an array of nodes (setlinfo may be either: a visit can be settled more than once). */
        private void nodes(JsonParser p, JsonToken t, FieldSet set, List<RawRow> rows, String path)
                throws IOException {
            if (t == JsonToken.START_OBJECT) {
                String[] values = new String[set.size()];
                object(p, t, set, values, path);
                rows.add(new RawRow(values, lineNo, path + "."));
                return;
            }
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new ShapeException(path + " is neither an array nor an object", p);
            }
            int index = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                String[] values = new String[set.size()];
                String at = path + "[" + index++ + "]";
                object(p, t, set, values, at);
                rows.add(new RawRow(values, lineNo, at + "."));
            }
        }

        private static void scalar(JsonParser p, JsonToken t, FieldSet set, String[] values, String field)
                throws IOException {
            int slot = set.slot(field);
            if (slot >= 0 && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                values[slot] = Values.blankToNull(p.getText().trim());
            } else {
                p.skipChildren();
            }
        }

        /** {@code "drug_trac_codg": ["…","…"]} or {@code "drugtracinfo": [{"drug_trac_codg":"…"}]} → comma-joined. */
        private static String traceCodes(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_ARRAY) {
                p.skipChildren();
                return null;
            }
            StringBuilder codes = new StringBuilder();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken value = p.nextToken();
                        if (field.equals("drug_trac_codg") && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                            append(codes, p.getText());
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                    append(codes, p.getText());
                } else {
                    p.skipChildren();
                }
            }
            return codes.length() == 0 ? null : codes.toString();
        }

        private static void append(StringBuilder codes, String code) {
            String c = code.trim();
            if (!c.isEmpty()) {
                if (codes.length() > 0) {
                    codes.append(',');
                }
                codes.append(c);
            }
        }

        /** exp_content given as an object rather than a JSON string: keep only er_flag, in the string form. */
        private static String expContent(JsonParser p) throws IOException {
            String erFlag = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("er_flag") && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    erFlag = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            return erFlag == null ? null : "{\"er_flag\":\"" + erFlag + "\"}";
        }
    }
}
