package org.fundguard.qualification.credit;

import org.fundguard.kit.problem.DomainException;

import java.time.LocalDate;

/**
 * Credit repair (信用修复): a deduction on a repairable indicator is repaired, and its points restored, when the repair
 * is recorded on or before its deadline (the deduction's day plus the indicator's {@code repairDays}); otherwise refused,
 * saying why.
 */
public final class RepairRule {

    private RepairRule() {
    }

    /** The last day a deduction recorded on {@code recordedOn} can be repaired, or null when it cannot be. */
    public static LocalDate deadline(CreditCatalogue.Indicator indicator, LocalDate recordedOn) {
        return indicator.repairable() ? recordedOn.plusDays(indicator.repairDays()) : null;
    }

    /**
     * @throws DomainException.StateConflict when already repaired
     * @throws DomainException.RuleViolation when the indicator is not repairable or the deadline has passed
     */
    public static void check(CreditCatalogue.Indicator indicator, LocalDate deadline, LocalDate repairedOn, LocalDate today) {
        if (repairedOn != null) {
            throw new DomainException.StateConflict("the deduction was already repaired on " + repairedOn + ".");
        }
        if (!indicator.repairable() || deadline == null) {
            throw new DomainException.RuleViolation("indicator " + indicator.code() + " (" + indicator.name()
                    + ") is not repairable in this catalogue.");
        }
        if (today.isAfter(deadline)) {
            throw new DomainException.RuleViolation("the repair deadline of indicator " + indicator.code() + " was "
                    + deadline + " (" + indicator.repairDays() + " days after the deduction); a repair on " + today
                    + " is too late and restores nothing.");
        }
    }
}
