package org.fundguard.qualification.lookup;

import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.qualification.EmergencyVisits;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * May this code bill on this date: answered from the {@link SanctionRegister} in memory (never the database), as of the
 * date asked, with the emergency exception of the service kit's {@link EmergencyVisits} list — the one
 * monitoring-service's barred-practitioner rule reads.
 */
@ApplicationScoped
public class SettlementLookup {

    /** Why the answer is what it is. */
    public enum Basis {
        /** No suspension or termination covers the date (or none is known for the code). */
        NONE, SUSPENDED, TERMINATED
    }

    /** Whether the emergency exception (急救、抢救 stay payable) decides the answer. */
    public enum EmergencyException {
        /** The code is barred, but the visit's med_type is emergency or rescue: it may bill. */
        APPLIES,
        /** The code is barred and no med_type was given: an emergency or rescue visit would still be payable. */
        AVAILABLE,
        /** The code is not barred, or the visit is not an emergency or rescue. */
        NOT_APPLICABLE
    }

    /** One code's answer. */
    public record Answer(String code, LocalDate date, boolean mayBill, Basis basis, UUID decisionId,
                         LocalDate barredFrom, LocalDate barredUntil, LocalDate reRegistrationBarredUntil,
                         EmergencyException emergencyException, boolean sanctionKnown, String note) {
    }

    private final SanctionRegister register;
    private final List<String> emergencyMedTypes;

    public SettlementLookup(SanctionRegister register, EmergencyVisits emergency) {
        this.register = register;
        this.emergencyMedTypes = List.copyOf(emergency.medTypes());
    }

    /** The emergency and rescue {@code med_type} codes (or prefixes) that stay payable. */
    public List<String> emergencyMedTypes() {
        return emergencyMedTypes;
    }

    /** The answer for {@code code} on {@code date} for a visit of {@code medType} (null when not given). */
    public Answer answer(String code, LocalDate date, String medType) {
        SanctionTimeline timeline = register.timeline(code);
        SanctionTimeline.Sanction s = timeline.on(date);
        if (s == null) {
            return new Answer(code, date, true, Basis.NONE, null, null, null, null, EmergencyException.NOT_APPLICABLE,
                    timeline.known(), timeline.known() ? "no suspension or termination on this date"
                            : "no sanction known for this code");
        }
        Basis basis = s.status() == SanctionTimeline.Status.SUSPENDED ? Basis.SUSPENDED : Basis.TERMINATED;
        EmergencyException emergency;
        String note;
        if (medType == null) {
            emergency = EmergencyException.AVAILABLE;
            note = basis == Basis.SUSPENDED ? "suspended (暂停); emergency and rescue (急救、抢救) stay payable"
                    : "terminated (终止); emergency and rescue (急救、抢救) stay payable";
        } else if (EmergencyVisits.covers(emergencyMedTypes, medType)) {
            emergency = EmergencyException.APPLIES;
            note = "emergency or rescue visit (急救、抢救): payable despite the sanction";
        } else {
            emergency = EmergencyException.NOT_APPLICABLE;
            note = basis == Basis.SUSPENDED ? "suspended (暂停); not an emergency or rescue visit"
                    : "terminated (终止); not an emergency or rescue visit";
        }
        return new Answer(code, date, emergency == EmergencyException.APPLIES, basis, s.decisionId(), s.from(),
                s.until(), s.reRegistrationBarredUntil(), emergency, true, note);
    }
}
