package org.fundguard.gateway;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The RFC 9457 problem shape the gateway answers with, as documented in contracts/openapi/common.yaml. */
@Schema(name = "Problem")
public record ProblemDoc(
        @Schema(required = true) String type,
        @Schema(required = true) String title,
        @Schema(required = true) int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String traceId) {

    /** One rejected field. */
    public record FieldError(@Schema(required = true) String field, @Schema(required = true) String message) {
    }
}
