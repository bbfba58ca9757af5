package org.fundguard.qualification.practitioner.register;

import org.fundguard.qualification.practitioner.PersonType;

import java.time.LocalDate;

/** A row that passed {@link RegisterRows#check}: one person at one institution, values trimmed and typed. */
public record RegisterEntry(int row, String code, PersonType type, String name, String fixmedinsCode,
                           String fixmedinsName, String admdvs, LocalDate begndate, LocalDate enddate) {
}
