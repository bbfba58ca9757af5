package org.fundguard.qualification.practitioner.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fundguard.qualification.practitioner.PersonType;

import java.time.OffsetDateTime;
import java.util.List;

/** One person's file (一人一档) with the institutions; {@code version} goes back in an update (or as {@code If-Match}). */
@Schema(name = "Practitioner")
public record PractitionerView(
        @Schema(required = true, examples = "D341102000123") String prac_psn_code,
        @Schema(required = true) PersonType prac_psn_type,
        @Schema(required = true) String psn_name,
        @Schema(required = true, description = "The administrative code of the bureau that keeps the file.", examples = "341102") String region,
        @Schema(required = true) int version,
        @Schema(required = true) OffsetDateTime created_at,
        @Schema(required = true) OffsetDateTime updated_at,
        @Schema(required = true) List<InstitutionView> institutions) {
}
