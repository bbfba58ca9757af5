package org.fundguard.monitoring.replica;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Payloads of qualification-service's events this service replicates ({@code contracts/events/qualification-*.v1}). */
public final class QualificationEvents {

    private QualificationEvents() {
    }

    /** qualification.suspended.v1: barred from {@code from} to {@code until}. */
    public record Suspended(String practitionerCode, String personType, String region, String institutionCode,
                            int yearPoints, LocalDate from, LocalDate until, UUID decisionId, OffsetDateTime at) {
    }

    /** qualification.terminated.v1: barred from {@code from} until a restoration. */
    public record Terminated(String practitionerCode, String personType, String region, String institutionCode,
                             int yearPoints, LocalDate from, LocalDate reRegistrationBarredUntil, UUID decisionId,
                             OffsetDateTime at) {
    }

    /** qualification.restored.v1: may bill again from {@code from}. */
    public record Restored(String practitionerCode, String personType, String region, LocalDate from, String reason,
                           OffsetDateTime at) {
    }
}
