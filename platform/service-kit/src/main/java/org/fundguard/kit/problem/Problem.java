package org.fundguard.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, exactly the shape of {@code contracts/openapi/common.yaml#/components/schemas/Problem}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(@Schema(required = true) String type, @Schema(required = true) String title,
                      @Schema(required = true) int status, String detail, String instance, List<FieldError> errors,
                      String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field, named by its path in the request (e.g. {@code reporter.idNumber}). */
    public record FieldError(@Schema(required = true) String field, @Schema(required = true) String message) {
    }
}
