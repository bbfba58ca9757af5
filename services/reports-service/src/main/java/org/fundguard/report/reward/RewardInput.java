package org.fundguard.report.reward;

import java.math.BigDecimal;

/**
 * The facts of a verified report that a reward depends on.
 *
 * @param caseValue     案值 in yuan: the fund loss to recover for the reported matter; zero or less means no loss
 * @param insider       the reporter is a current or former insider of the reported institution
 * @param evidenceLevel evidence quality 1 (best) to 3; required only by level-based policies, else may be null
 * @param targetKind    who was reported; required only by policies that distinguish target kinds, else may be null
 */
public record RewardInput(BigDecimal caseValue, boolean insider, Integer evidenceLevel, TargetKind targetKind) {

    public RewardInput {
        if (caseValue == null) {
            throw new IllegalArgumentException("caseValue is required");
        }
        if (evidenceLevel != null && (evidenceLevel < 1 || evidenceLevel > 3)) {
            throw new IllegalArgumentException("evidenceLevel must be 1, 2 or 3, was " + evidenceLevel);
        }
    }

    /** An outsider's report about an institution, without an evidence level. */
    public static RewardInput of(BigDecimal caseValue) {
        return new RewardInput(caseValue, false, null, TargetKind.INSTITUTION);
    }
}
