package org.fundguard.monitoring.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields ingest reads for one kind of row, each in a numbered slot: the national interface name first, then the
 * warehouse-table names that mean the same (data-formats §7 "naming deltas", e.g. {@code feedetl_sn ↔ bkkp_sn}).
 * Rows are carried as {@code String[]} indexed by slot, whichever dialect they came from.
 */
final class FieldSet {

    private final String[] names;
    private final Map<String, Integer> slots = new HashMap<>();

    private FieldSet(String[] names, Map<String, Integer> slots) {
        this.names = names;
        this.slots.putAll(slots);
    }

    /** Each spec is {@code "name"} or {@code "name|alias|alias"}; slot = position in the list. */
    static FieldSet of(String... specs) {
        String[] names = new String[specs.length];
        Map<String, Integer> slots = new HashMap<>();
        for (int i = 0; i < specs.length; i++) {
            String[] parts = specs[i].split("\\|");
            names[i] = parts[0];
            for (String part : parts) {
                if (slots.put(part, i) != null) {
                    throw new IllegalArgumentException("duplicate field " + part);
                }
            }
        }
        return new FieldSet(names, slots);
    }

    int size() {
        return names.length;
    }

    /** The national names of all slots, by slot. */
    String[] names() {
        return names.clone();
    }

    /** The national (interface) name of a slot. */
    String name(int slot) {
        return names[slot];
    }

    /** Slot of a field name or alias, or -1 for a field ingest does not read. */
    int slot(String name) {
        Integer slot = slots.get(name);
        return slot == null ? -1 : slot;
    }

    /**
     * Binds a CSV header: which column feeds each slot, and the column name as the file spells it (for error
     * messages). Names are matched trimmed and lower-cased; unknown columns are ignored; when a name and its alias
     * are both present the first column wins.
     */
    Header bind(String[] header) {
        int[] columns = new int[names.length];
        String[] columnNames = names.clone();
        Arrays.fill(columns, -1);
        for (int c = 0; c < header.length; c++) {
            int slot = slot(header[c].trim().toLowerCase(Locale.ROOT));
            if (slot >= 0 && columns[slot] < 0) {
                columns[slot] = c;
                columnNames[slot] = header[c].trim();
            }
        }
        return new Header(columns, columnNames, header.length);
    }

    /** A bound CSV header. */
    record Header(int[] columns, String[] columnNames, int width) {

        boolean has(int slot) {
            return columns[slot] >= 0;
        }

        /** The national names of the {@code required} slots that have no column; empty when all are bound. */
        List<String> missing(FieldSet set, int... required) {
            List<String> missing = new ArrayList<>();
            for (int slot : required) {
                if (!has(slot)) {
                    missing.add(set.name(slot));
                }
            }
            return missing;
        }

        /** The values of the current record of {@code csv}, by slot; null for unbound or empty columns. */
        String[] read(CsvReader csv) {
            String[] values = new String[columns.length];
            for (int slot = 0; slot < columns.length; slot++) {
                int c = columns[slot];
                if (c >= 0) {
                    values[slot] = csv.trimmedOrNull(c);
                }
            }
            return values;
        }
    }
}
