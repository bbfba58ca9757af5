package org.fundguard.qualification.lookup.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fundguard.qualification.lookup.SettlementLookup;

import java.time.LocalDate;
import java.util.UUID;

/** One code's answer at settlement: may it bill on the date, why, until when, and the emergency exception. */
@Schema(name = "LookupAnswer")
public record LookupView(
        @Schema(required = true, description = "The national code asked about (医保医师代码, 药学/技术人员代码 …).") String code,
        @Schema(required = true, description = "The date the answer is for (as of).") LocalDate date,
        @Schema(required = true, description = "Whether the fund pays what is billed under this code on this date (for this med_type, when given).") boolean mayBill,
        @Schema(required = true, enumeration = {"NONE", "SUSPENDED", "TERMINATED"}, description = "Why: the sanction covering the date, or NONE.") String basis,
        @Schema(description = "The decision (violation.decided.v1) the sanction's points were given on.") UUID decisionId,
        @Schema(description = "First day of the sanction covering the date.") LocalDate barredFrom,
        @Schema(description = "Last day of the sanction covering the date; absent for a termination, which runs until a restoration.") LocalDate barredUntil,
        @Schema(description = "A termination's bar on re-registration.") LocalDate reRegistrationBarredUntil,
        @Schema(required = true, enumeration = {"APPLIES", "AVAILABLE", "NOT_APPLICABLE"}, description = "APPLIES: barred, but the visit's med_type is emergency or rescue (急救、抢救), so it may bill; AVAILABLE: barred and no med_type given — an emergency or rescue visit would still be payable; NOT_APPLICABLE otherwise.") String emergencyException,
        @Schema(required = true, description = "Whether any suspension or termination was ever recorded for the code; false = may bill because no sanction is known.") boolean sanctionKnown,
        @Schema(required = true, description = "The answer in words.") String note) {

    static LookupView of(SettlementLookup.Answer a) {
        return new LookupView(a.code(), a.date(), a.mayBill(), a.basis().name(), a.decisionId(), a.barredFrom(),
                a.barredUntil(), a.reRegistrationBarredUntil(), a.emergencyException().name(), a.sanctionKnown(), a.note());
    }
}
