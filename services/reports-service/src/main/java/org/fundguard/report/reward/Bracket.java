package org.fundguard.report.reward;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One marginal bracket of a reward schedule: {@code rate} of the part of the case value between the previous
 * bracket's {@code upTo} (or 0) and this one's, plus {@code fixedAmount} once the case value exceeds the lower edge.
 *
 * @param upTo        upper edge of the bracket in yuan, inclusive; {@code null} means no upper edge (last bracket)
 * @param rate        share of the part, e.g. 0.03 for 3%
 * @param fixedAmount yuan added when the case value reaches into this bracket; usually zero
 */
public record Bracket(BigDecimal upTo, BigDecimal rate, BigDecimal fixedAmount) {

    public Bracket {
        Objects.requireNonNull(rate, "rate");
        fixedAmount = fixedAmount == null ? BigDecimal.ZERO : fixedAmount;
    }

    /** A bracket without an upper edge and without a fixed amount. */
    public static Bracket unbounded(BigDecimal rate) {
        return new Bracket(null, rate, BigDecimal.ZERO);
    }

    /** A bracket up to {@code upTo} without a fixed amount. */
    public static Bracket upTo(BigDecimal upTo, BigDecimal rate) {
        return new Bracket(upTo, rate, BigDecimal.ZERO);
    }
}
