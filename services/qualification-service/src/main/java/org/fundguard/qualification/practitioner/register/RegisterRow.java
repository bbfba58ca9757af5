package org.fundguard.qualification.practitioner.register;

import java.util.Map;

/**
 * One data row of a register file as read: its number (CSV: the line's record number counting the header as row 1;
 * JSON: the element's position from 1) and its values by field name ({@code null} when absent or empty).
 */
public record RegisterRow(int row, Map<String, String> values) {

    public String get(String field) {
        String v = values.get(field);
        return v == null || v.isEmpty() ? null : v;
    }
}
