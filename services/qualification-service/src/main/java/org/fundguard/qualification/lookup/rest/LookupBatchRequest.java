package org.fundguard.qualification.lookup.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Up to 100 codes asked about at once, for one date and (optionally) one visit type. */
@Schema(name = "LookupBatchRequest")
public record LookupBatchRequest(
        @Schema(required = true, description = "1–100 national codes.", maxItems = 100, minItems = 1) List<String> codes,
        @Schema(description = "YYYY-MM-DD; default today (business date, Asia/Shanghai).", format = "date") String date,
        @JsonProperty("med_type") @Schema(description = "The visit's 医疗类别 (med_type), to decide the emergency exception.") String medType) {
}
