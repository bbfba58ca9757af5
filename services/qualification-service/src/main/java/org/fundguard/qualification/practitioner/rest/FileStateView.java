package org.fundguard.qualification.practitioner.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fundguard.qualification.practitioner.PersonType;

import java.util.List;

/** A file as it stood before or after a change. */
@Schema(name = "PractitionerFileState")
public record FileStateView(
        @Schema(required = true) String prac_psn_code,
        @Schema(required = true) PersonType prac_psn_type,
        @Schema(required = true) String psn_name,
        @Schema(required = true) String region,
        @Schema(required = true) List<InstitutionView> institutions) {
}
