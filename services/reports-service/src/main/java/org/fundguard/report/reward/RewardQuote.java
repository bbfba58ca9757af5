package org.fundguard.report.reward;

import java.math.BigDecimal;
import java.util.List;

/**
 * The reward a policy gives for one input, with the steps that lead to it.
 *
 * @param policyId the policy applied
 * @param amount   final reward in yuan, scale 2
 * @param steps    the calculation in order; the last step's running amount equals {@code amount}
 */
public record RewardQuote(String policyId, BigDecimal amount, List<Step> steps) {

    public RewardQuote {
        steps = List.copyOf(steps);
    }

    /**
     * One step of the calculation.
     *
     * @param label         what the step did, in plain words
     * @param runningAmount the amount after this step, exact (not rounded until the last step)
     */
    public record Step(String label, BigDecimal runningAmount) {
    }
}
