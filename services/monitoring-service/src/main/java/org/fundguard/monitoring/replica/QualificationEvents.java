package org.fundguard.monitoring.replica;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.fundguard.kit.consumer.EventTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Payloads of qualification-service's events this service replicates ({@code contracts/events/qualification-*.v1}),
 * read by service-kit's {@code TolerantReader}: a property the schema requires is {@code @NotNull}/{@code @NotBlank}
 * here (a missing one sends the event to the dead-letter topic); properties added later are ignored.
 */
public final class QualificationEvents {

    private QualificationEvents() {
    }

    /** qualification.suspended.v1: barred from {@code from} to {@code until}. */
    public record Suspended(@NotBlank String practitionerCode, @NotBlank String personType, @NotBlank String region,
                            @NotBlank String institutionCode, @NotNull Integer yearPoints, @NotNull LocalDate from,
                            @NotNull LocalDate until, @NotNull UUID decisionId, @NotNull OffsetDateTime at) {
        public static final String TYPE = EventTypes.QUALIFICATION_SUSPENDED;
    }

    /** qualification.terminated.v1: barred from {@code from} until a restoration. */
    public record Terminated(@NotBlank String practitionerCode, @NotBlank String personType, @NotBlank String region,
                             @NotBlank String institutionCode, @NotNull Integer yearPoints, @NotNull LocalDate from,
                             @NotNull LocalDate reRegistrationBarredUntil, @NotNull UUID decisionId,
                             @NotNull OffsetDateTime at) {
        public static final String TYPE = EventTypes.QUALIFICATION_TERMINATED;
    }

    /** qualification.restored.v1: may bill again from {@code from}. */
    public record Restored(@NotBlank String practitionerCode, @NotBlank String personType, @NotBlank String region,
                           @NotNull LocalDate from, @NotBlank String reason, @NotNull OffsetDateTime at) {
        public static final String TYPE = EventTypes.QUALIFICATION_RESTORED;
    }
}
