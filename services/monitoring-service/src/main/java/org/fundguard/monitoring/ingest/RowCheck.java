package org.fundguard.monitoring.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Validates the values of one row (a CSV record or a JSON node) and reports each bad field as a {@link RowError}; a row
 * with any error is {@link #failed()} and left out by the caller. Reused from row to row via {@link #at}.
 */
final class RowCheck {

    private final IngestRun run;
    private final String file;
    private final String[] names;
    private long line;
    private String prefix = "";
    private String key;
    private boolean failed;

    /**
     * @param names the field names to show, by slot: the CSV column as the file spells it, or the national name
     */
    RowCheck(IngestRun run, String file, String[] names) {
        this.run = run;
        this.file = file;
        this.names = names;
    }

    /** Starts checking a new row. */
    RowCheck at(long line, String prefix, String key) {
        this.line = line;
        this.prefix = prefix;
        this.key = key;
        this.failed = false;
        return this;
    }

    boolean failed() {
        return failed;
    }

    void fail(int slot, String reason) {
        run.error(new RowError(file, line, prefix + names[slot], reason, key));
        failed = true;
    }

    /** An error about the row as a whole (or a field ingest has no slot for). */
    void failRow(String field, String reason) {
        run.error(new RowError(file, line, field == null ? null : prefix + field, reason, key));
        failed = true;
    }

    String text(String[] v, int slot, boolean required) {
        String value = v[slot];
        if (value == null && required) {
            fail(slot, "required field missing");
        }
        return value;
    }

    BigDecimal decimal(String[] v, int slot, int precision, int scale, boolean required) {
        String value = text(v, slot, required);
        if (value == null) {
            return null;
        }
        try {
            return Values.decimal(value, precision, scale);
        } catch (Values.BadValue e) {
            fail(slot, e.getMessage());
            return null;
        }
    }

    /** 数值型 16,2 (amounts). */
    BigDecimal amount(String[] v, int slot, boolean required) {
        return decimal(v, slot, 16, 2, required);
    }

    LocalDateTime dateTime(String[] v, int slot, boolean required) {
        String value = text(v, slot, required);
        if (value == null) {
            return null;
        }
        try {
            return Values.dateTime(value);
        } catch (Values.BadValue e) {
            fail(slot, e.getMessage());
            return null;
        }
    }

    LocalDate date(String[] v, int slot, boolean required) {
        String value = text(v, slot, required);
        if (value == null) {
            return null;
        }
        try {
            return Values.date(value);
        } catch (Values.BadValue e) {
            fail(slot, e.getMessage());
            return null;
        }
    }

    /** A value from a closed national dictionary; the value as stored when it is one of {@code dictionary}'s codes. */
    String code(String[] v, int slot, Dictionary dictionary, boolean required) {
        String value = text(v, slot, required);
        if (value == null) {
            return null;
        }
        String normalised = dictionary.normalise(value);
        if (normalised == null) {
            fail(slot, "not a " + dictionary.title() + " code: '" + Values.abbreviate(value) + "' (expected "
                    + dictionary.describe() + ")");
        }
        return normalised;
    }
}
