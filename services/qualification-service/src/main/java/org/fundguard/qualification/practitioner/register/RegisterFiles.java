package org.fundguard.qualification.practitioner.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a register file, CSV (RFC 4180: a header row of field names, commas, double quotes, CRLF or LF, UTF-8 with or
 * without BOM) or JSON (an array of objects, or {@code {"data": [ … ]}} as the national interfaces wrap lists), into
 * {@link RegisterRow}s. What makes the whole file unreadable is a 400 naming the field: {@code file} (not UTF-8, not
 * CSV/JSON of that shape, too many rows) or the missing column. Pure: no Quarkus.
 */
public final class RegisterFiles {

    public static final String FIELD = "file";

    private RegisterFiles() {
    }

    public static List<RegisterRow> csv(byte[] content, int maxRows) {
        String text = utf8(content);
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            throw new DomainException.InvalidField(FIELD, "has no header row");
        }
        List<String> header = new ArrayList<>();
        for (String h : records.get(0)) {
            header.add(h.strip());
        }
        List<Problem.FieldError> missing = new ArrayList<>();
        for (String required : RegisterRows.REQUIRED) {
            if (!header.contains(required)) {
                missing.add(new Problem.FieldError(required, "required column is missing from the header"));
            }
        }
        if (!missing.isEmpty()) {
            throw new DomainException.InvalidFields(missing);
        }
        if (records.size() - 1 > maxRows) {
            throw new DomainException.InvalidField(FIELD, "must have at most " + maxRows + " rows");
        }
        List<RegisterRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> rec = records.get(i);
            if (rec.size() == 1 && rec.get(0).isBlank()) {
                continue; // an empty line
            }
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < header.size() && c < rec.size(); c++) {
                values.putIfAbsent(header.get(c), rec.get(c));
            }
            rows.add(new RegisterRow(i + 1, values));
        }
        return rows;
    }

    public static List<RegisterRow> json(byte[] content, ObjectMapper mapper, int maxRows) {
        String text = utf8(content);
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DomainException.InvalidField(FIELD, "is not well-formed JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root != null && root.isObject() && root.has("data")) {
            root = root.get("data");
        }
        if (root == null || !root.isArray()) {
            throw new DomainException.InvalidField(FIELD, "must be a JSON array of rows, or an object with the array in \"data\"");
        }
        if (root.size() > maxRows) {
            throw new DomainException.InvalidField(FIELD, "must have at most " + maxRows + " rows");
        }
        List<RegisterRow> rows = new ArrayList<>();
        int n = 0;
        for (JsonNode el : root) {
            n++;
            Map<String, String> values = new LinkedHashMap<>();
            if (el.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = el.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    JsonNode v = f.getValue();
                    if (v.isNull()) {
                        continue;
                    }
                    // numbers as text (an admdvs written 341100); objects and arrays as an unusable marker
                    values.put(f.getKey(), v.isValueNode() ? v.asText() : "\u0000");
                }
            } else {
                values.put(RegisterRows.CODE, "\u0000");
            }
            rows.add(new RegisterRow(n, values));
        }
        return rows;
    }

    private static String utf8(byte[] content) {
        if (content == null || content.length == 0) {
            throw new DomainException.InvalidField(FIELD, "is empty");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new DomainException.InvalidField(FIELD, "is not UTF-8 text");
        }
    }

    /** RFC 4180 records; a quote left open is a 400. */
    static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                rec.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                rec.add(cell.toString());
                cell.setLength(0);
                out.add(rec);
                rec = new ArrayList<>();
                any = false;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new DomainException.InvalidField(FIELD, "has a quoted value that is never closed");
        }
        if (any) {
            rec.add(cell.toString());
            out.add(rec);
        }
        return out;
    }
}
