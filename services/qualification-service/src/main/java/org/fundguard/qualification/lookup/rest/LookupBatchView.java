package org.fundguard.qualification.lookup.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The answers of a batch look-up, in the order the codes were asked. */
@Schema(name = "LookupBatchAnswer")
public record LookupBatchView(@Schema(required = true) LocalDate date,
                              @Schema(required = true) List<LookupView> answers) {
}
