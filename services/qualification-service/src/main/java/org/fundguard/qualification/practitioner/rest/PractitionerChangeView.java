package org.fundguard.qualification.practitioner.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fundguard.qualification.practitioner.PractitionerChange;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of a file: when, by whom (token subject), what kind, and the file before (none when created) and after. */
@Schema(name = "PractitionerChange")
public record PractitionerChangeView(
        @Schema(required = true) UUID id,
        @Schema(required = true) OffsetDateTime changed_at,
        @Schema(required = true) String changed_by,
        @Schema(required = true) PractitionerChange.Kind kind,
        FileStateView before,
        @Schema(required = true) FileStateView after) {
}
