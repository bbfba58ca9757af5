package org.fundguard.monitoring.knowledge;

import org.fundguard.monitoring.ingest.CsvReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Knowledge files are small: all their records at once, through the one RFC 4180 reader of the module. */
final class Csv {

    /** One record with the line it starts on (the header is line 1), and why it is malformed, if it is. */
    record Row(long number, List<String> fields, String problem) {
        boolean blank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private Csv() {
    }

    static List<Row> read(Reader in) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = in.read(buf)) != -1; ) {
            all.append(buf, 0, n);
        }
        List<Row> rows = new ArrayList<>();
        try (CsvReader csv = CsvReader.utf8(new ByteArrayInputStream(all.toString().getBytes(StandardCharsets.UTF_8)))) {
            while (csv.next()) {
                List<String> fields = Arrays.asList(csv.fields());
                rows.add(new Row(csv.line(), fields, csv.problem()));
            }
        }
        return rows;
    }
}
