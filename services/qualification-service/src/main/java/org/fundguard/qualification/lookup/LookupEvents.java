package org.fundguard.qualification.lookup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.fundguard.kit.consumer.EventTypes;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The payloads of this service's own events the look-up replays ({@code contracts/events/qualification-*.v1}), as the
 * kit's {@code TolerantReader} reads them: what the look-up needs is required, everything else (and any property added
 * later) is ignored.
 */
public final class LookupEvents {

    private LookupEvents() {
    }

    /** qualification.suspended.v1: may not bill from {@code from} to {@code until} (both inclusive). */
    public record Suspended(@NotBlank String practitionerCode, @NotNull LocalDate from, @NotNull LocalDate until,
                            @NotNull UUID decisionId) {
        public static final String TYPE = EventTypes.QUALIFICATION_SUSPENDED;
    }

    /** qualification.terminated.v1: may not bill from {@code from} until a restoration. */
    public record Terminated(@NotBlank String practitionerCode, @NotNull LocalDate from,
                             @NotNull LocalDate reRegistrationBarredUntil, @NotNull UUID decisionId) {
        public static final String TYPE = EventTypes.QUALIFICATION_TERMINATED;
    }

    /** qualification.restored.v1: may bill again from {@code from}. */
    public record Restored(@NotBlank String practitionerCode, @NotNull LocalDate from, @NotBlank String reason) {
        public static final String TYPE = EventTypes.QUALIFICATION_RESTORED;
    }
}
