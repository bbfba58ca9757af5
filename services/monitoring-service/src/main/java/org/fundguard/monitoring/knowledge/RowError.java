package org.fundguard.monitoring.knowledge;

/**
 * One refused row (or a file-level problem, row 0 / the header row) of a knowledge-point import.
 *
 * @param source file or resource name
 * @param row    CSV: record number with the header as row 1 (as a spreadsheet shows it); JSON: 1-based element index;
 *               0 for a problem with the whole file
 * @param field  the column at fault (null when not one column)
 * @param value  the offending value as given (may be null)
 * @param reason why, in Chinese
 */
public record RowError(String source, int row, String field, String value, String reason) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source).append(" 第 ").append(row).append(" 行");
        if (field != null) {
            sb.append(" 字段 ").append(field);
        }
        sb.append("：").append(reason);
        if (value != null && !value.isEmpty()) {
            sb.append("（值：").append(value).append("）");
        }
        return sb.toString();
    }
}
