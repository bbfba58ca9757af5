package org.fundguard.qualification.practitioner;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A file as it stands, in the register's field names: what {@code practitioner_change} and the audit log keep before and
 * after a change. Two equal snapshots mean nothing changed (a re-imported row writes nothing).
 */
public record FileSnapshot(
        @JsonProperty("prac_psn_code") String code,
        @JsonProperty("prac_psn_type") PersonType type,
        @JsonProperty("psn_name") String name,
        @JsonProperty("region") String region,
        @JsonProperty("institutions") List<Institution> institutions) {

    public record Institution(
            @JsonProperty("fixmedins_code") String code,
            @JsonProperty("fixmedins_name") String name,
            @JsonProperty("admdvs") String admdvs,
            @JsonProperty("begndate") LocalDate begndate,
            @JsonProperty("enddate") LocalDate enddate) {

        static Institution of(PractitionerInstitution i) {
            return new Institution(i.fixmedinsCode, i.fixmedinsName, i.admdvs, i.begndate, i.enddate);
        }
    }

    public static FileSnapshot of(Practitioner p, List<PractitionerInstitution> institutions) {
        return new FileSnapshot(p.nationalCode, p.personType, p.psnName, p.region, institutions.stream()
                .map(Institution::of).sorted(Comparator.comparing(Institution::code)).toList());
    }
}
