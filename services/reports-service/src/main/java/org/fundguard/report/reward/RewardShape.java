package org.fundguard.report.reward;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How a reward policy turns a case value into an amount; every shape ends with an insider uplift and a cap. */
public sealed interface RewardShape permits RewardShape.MarginalBrackets, RewardShape.EvidenceLevels, RewardShape.ByTargetKind {

    /** Extra share for a current or former insider of the reported institution, e.g. 0.20; zero for none. */
    BigDecimal insiderUplift();

    /** Highest reward in yuan, applied after the uplift. */
    BigDecimal cap();

    /** Marginal brackets over the case value, then a floor (seed 004, the default). JSON type {@code MARGINAL_BRACKETS}. */
    record MarginalBrackets(List<Bracket> brackets, BigDecimal floor, BigDecimal insiderUplift, BigDecimal cap)
            implements RewardShape {
        public MarginalBrackets {
            brackets = List.copyOf(brackets);
        }
    }

    /** One rate and floor per evidence-quality level (Guangdong). JSON type {@code EVIDENCE_LEVEL}. */
    record EvidenceLevels(List<Level> levels, BigDecimal insiderUplift, BigDecimal cap) implements RewardShape {
        public EvidenceLevels {
            levels = List.copyOf(levels);
        }

        /** Rate of the whole case value and the floor for one evidence level (1 = best evidence). */
        public record Level(int level, BigDecimal rate, BigDecimal floor) {
        }
    }

    /**
     * How a schedule's brackets apply: {@code MARGINAL} (超额累进) adds each bracket's rate of the part of the case
     * value inside it; {@code WHOLE_VALUE} (全额) finds the one bracket the case value falls in and applies its rate
     * to the whole case value, plus its fixed amount.
     */
    enum Basis { MARGINAL, WHOLE_VALUE }

    /**
     * Separate brackets per target kind, one common floor (Beijing: whole-value tiers). JSON type {@code TARGET_KIND}
     * with {@code basis} (default {@code MARGINAL}).
     */
    record ByTargetKind(Map<TargetKind, List<Bracket>> brackets, Basis basis, BigDecimal floor, BigDecimal insiderUplift,
                        BigDecimal cap) implements RewardShape {
        public ByTargetKind {
            basis = basis == null ? Basis.MARGINAL : basis;
            Map<TargetKind, List<Bracket>> copy = new EnumMap<>(TargetKind.class);
            brackets.forEach((kind, list) -> copy.put(kind, List.copyOf(list)));
            brackets = Map.copyOf(copy);
        }
    }
}
