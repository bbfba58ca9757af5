package org.fundguard.report.reward;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Computes the reward a policy gives for a verified report, step by step, in exact decimal arithmetic. */
public final class RewardCalculator {

    private RewardCalculator() {
    }

    /**
     * Quotes the reward of {@code policy} for {@code input}.
     *
     * @throws IllegalArgumentException when the policy needs an input field that is missing (evidenceLevel, targetKind)
     */
    public static RewardQuote quote(RewardPolicy policy, RewardInput input) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(input, "input");
        Schedule schedule = schedule(policy, input);
        BigDecimal value = input.caseValue();
        List<RewardQuote.Step> steps = new ArrayList<>();

        if (value.signum() <= 0) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            steps.add(new RewardQuote.Step("no reward: condition \"fund suffered a loss\" not met (case value "
                    + money(value) + ")", zero));
            return new RewardQuote(policy.id(), zero, steps);
        }

        // Everything below is exact; the only rounding is the last step.
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal lower = BigDecimal.ZERO;
        if (schedule.basis() == RewardShape.Basis.WHOLE_VALUE) {
            for (Bracket bracket : schedule.brackets()) {
                if (bracket.upTo() == null || value.compareTo(bracket.upTo()) <= 0) {
                    amount = value.multiply(bracket.rate()).add(bracket.fixedAmount());
                    steps.add(new RewardQuote.Step(tierLabel(schedule.prefix(), bracket, lower, value), amount));
                    break;
                }
                lower = bracket.upTo();
            }
        }
        for (Bracket bracket : schedule.basis() == RewardShape.Basis.WHOLE_VALUE ? List.<Bracket>of() : schedule.brackets()) {
            if (value.compareTo(lower) <= 0) {
                break;
            }
            BigDecimal upper = bracket.upTo() == null ? value : value.min(bracket.upTo());
            BigDecimal part = upper.subtract(lower);
            amount = amount.add(part.multiply(bracket.rate())).add(bracket.fixedAmount());
            steps.add(new RewardQuote.Step(bracketLabel(schedule.prefix(), bracket, lower, part), amount));
            if (bracket.upTo() == null) {
                break;
            }
            lower = bracket.upTo();
        }

        if (amount.compareTo(schedule.floor()) < 0) {
            amount = schedule.floor();
            steps.add(new RewardQuote.Step("raised to the floor of " + money(schedule.floor()), amount));
        }

        BigDecimal uplift = policy.shape().insiderUplift();
        if (input.insider() && uplift.signum() > 0) {
            amount = amount.multiply(BigDecimal.ONE.add(uplift));
            steps.add(new RewardQuote.Step("+" + percent(uplift)
                    + " because the reporter is a current or former insider of the reported institution", amount));
        }

        BigDecimal cap = policy.shape().cap();
        if (amount.compareTo(cap) > 0) {
            amount = cap;
            steps.add(new RewardQuote.Step("capped at " + money(cap), amount));
        }

        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        steps.add(new RewardQuote.Step("rounded half-up to the fen", rounded));
        return new RewardQuote(policy.id(), rounded, steps);
    }

    /** The brackets and floor that apply to this input, and a label prefix saying why. */
    private record Schedule(String prefix, List<Bracket> brackets, RewardShape.Basis basis, BigDecimal floor) {
        Schedule(String prefix, List<Bracket> brackets, BigDecimal floor) {
            this(prefix, brackets, RewardShape.Basis.MARGINAL, floor);
        }
    }

    private static Schedule schedule(RewardPolicy policy, RewardInput input) {
        RewardShape shape = policy.shape();
        if (shape instanceof RewardShape.MarginalBrackets m) {
            return new Schedule("", m.brackets(), m.floor());
        }
        if (shape instanceof RewardShape.EvidenceLevels e) {
            if (input.evidenceLevel() == null) {
                throw new IllegalArgumentException("evidenceLevel is required by level-based reward policy " + policy.id());
            }
            RewardShape.EvidenceLevels.Level level = e.levels().stream()
                    .filter(l -> l.level() == input.evidenceLevel())
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("evidenceLevel " + input.evidenceLevel()
                            + " is not defined by reward policy " + policy.id()));
            return new Schedule("evidence level " + level.level() + ": ",
                    List.of(Bracket.unbounded(level.rate())), level.floor());
        }
        if (shape instanceof RewardShape.ByTargetKind t) {
            if (input.targetKind() == null) {
                throw new IllegalArgumentException("targetKind is required by reward policy " + policy.id());
            }
            List<Bracket> brackets = t.brackets().get(input.targetKind());
            if (brackets == null) {
                throw new IllegalArgumentException("targetKind " + input.targetKind()
                        + " is not defined by reward policy " + policy.id());
            }
            return new Schedule(input.targetKind().name().toLowerCase(Locale.ROOT) + ": ", brackets, t.basis(), t.floor());
        }
        throw new IllegalStateException("unhandled reward shape " + shape.getClass().getSimpleName());
    }

    private static String bracketLabel(String prefix, Bracket bracket, BigDecimal lower, BigDecimal part) {
        StringBuilder label = new StringBuilder(prefix)
                .append(percent(bracket.rate())).append(" of ").append(money(part));
        if (bracket.fixedAmount().signum() != 0) {
            label.append(" + ").append(money(bracket.fixedAmount())).append(" fixed");
        }
        label.append(" (");
        boolean fromZero = lower.signum() == 0;
        if (fromZero && bracket.upTo() == null) {
            label.append("whole case value");
        } else if (fromZero) {
            label.append("part up to ").append(edge(bracket.upTo()));
        } else if (bracket.upTo() == null) {
            label.append("part above ").append(edge(lower));
        } else {
            label.append("part above ").append(edge(lower)).append(" up to ").append(edge(bracket.upTo()));
        }
        return label.append(')').toString();
    }

    private static String tierLabel(String prefix, Bracket tier, BigDecimal lower, BigDecimal value) {
        StringBuilder label = new StringBuilder(prefix)
                .append(percent(tier.rate())).append(" of the whole case value ").append(money(value));
        if (tier.fixedAmount().signum() != 0) {
            label.append(" + ").append(money(tier.fixedAmount())).append(" fixed");
        }
        label.append(" (case value ");
        if (lower.signum() > 0) {
            label.append("above ").append(edge(lower)).append(tier.upTo() == null ? "" : " and ");
        }
        if (tier.upTo() != null) {
            label.append("up to ").append(edge(tier.upTo()));
        }
        return label.append(')').toString();
    }

    /** Yuan with grouping and at least two decimals; never hides digits, so exact intermediates stay visible. */
    static String money(BigDecimal amount) {
        return format("#,##0.00##########", amount);
    }

    private static String edge(BigDecimal amount) {
        return format("#,##0.##########", amount);
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String format(String pattern, BigDecimal amount) {
        // DecimalFormat is not thread-safe, so one per call
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }
}
