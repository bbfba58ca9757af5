package org.fundguard.qualification.practitioner.register;

/** Why a row was not taken: its number, the field (a register field name) and the reason. */
public record RowError(int row, String field, String reason) {
}
