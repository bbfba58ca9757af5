package org.fundguard.qualification.practitioner.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** An institution where the person practises (register field names); {@code enddate} empty while current. */
@Schema(name = "PractitionerInstitution")
public record InstitutionView(
        @Schema(required = true, examples = "H34110200001") String fixmedins_code,
        @Schema(examples = "滁州市第一人民医院") String fixmedins_name,
        @Schema(required = true, examples = "341102") String admdvs,
        LocalDate begndate,
        LocalDate enddate) {
}
