package org.fundguard.monitoring.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An edit of a knowledge point, stored as its next version. Absent fields keep the current value; {@code params}, when
 * given, replaces all rule parameters. The point's rule class, id and scope never change.
 */
public record KnowledgePointEdit(
        LocalDate effFrom,
        @Schema(description = "Last day in force (inclusive).") LocalDate effTo,
        @Schema(description = "true removes effTo (in force without end).") Boolean clearEffTo,
        @Size(max = 10000) List<String> codes,
        @Size(max = 200) String name,
        @Size(max = 1000) String evidence,
        @Schema(description = "false switches the rule off for these codes in this scope.") Boolean enabled,
        @Min(1) @Max(3) Integer sevDeg,
        Boolean clearSevDeg,
        @Schema(description = "Rule parameters by import column, e.g. {\"price_cap\": \"18.00\"}.") Map<String, Object> params) {
}
