package org.fundguard.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.monitoring.ingest.CsvReader;
import org.fundguard.monitoring.knowledge.ImportReport;
import org.fundguard.monitoring.knowledge.RowError;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Row numbers of an import's accepted points, numbered as the importer numbers its errors (CSV: the line a record starts
 * on, header = 1; JSON: the 1-based element index), so that refusals found after the importer — scope outside the
 * caller's region, a version already stored — name the row too. The importer keeps accepted points in file order, so
 * they are the data rows without an error, in order.
 */
final class ImportRows {

    private ImportRows() {
    }

    /** Whether the report refuses the file as a whole (unreadable JSON, an unknown or missing CSV column, no header). */
    static boolean fileLevel(ImportReport r, boolean csv) {
        return r.errors().stream().anyMatch(e -> e.row() == 0 || (csv && e.row() == 1));
    }

    /** One row number per accepted point, or null when they cannot be matched up. */
    static int[] accepted(ImportReport r, boolean csv, String body) {
        List<Integer> data = csv ? csvDataRows(body) : jsonRows(body);
        Set<Integer> refused = new HashSet<>();
        for (RowError e : r.errors()) {
            refused.add(e.row());
        }
        int[] rows = new int[r.accepted().size()];
        int k = 0;
        for (int row : data) {
            if (!refused.contains(row)) {
                if (k == rows.length) {
                    return null;
                }
                rows[k++] = row;
            }
        }
        return k == rows.length ? rows : null;
    }

    private static List<Integer> csvDataRows(String body) {
        List<Integer> rows = new ArrayList<>();
        try (CsvReader csv = CsvReader.utf8(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))) {
            boolean header = true;
            while (csv.next()) {
                String[] f = csv.fields();
                if (header) {
                    header = false;
                } else if (!(f.length == 1 && f[0].isBlank())) {
                    rows.add((int) csv.line());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<Integer> jsonRows(String body) {
        List<Integer> rows = new ArrayList<>();
        try {
            JsonNode root = new ObjectMapper().readTree(body);
            JsonNode array = root != null && root.isObject() ? root.get("knowledge_points") : root;
            for (int i = 1; array != null && i <= array.size(); i++) {
                rows.add(i);
            }
        } catch (IOException e) {
            // the importer has reported it as a file-level error
        }
        return rows;
    }
}
