package org.fundguard.report.reward;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The reward policies in force, by region code and decision date, loaded and checked from configuration. */
public final class RewardPolicies {

    /** Classpath resource holding the policies shipped with the service. */
    public static final String RESOURCE = "/reward-policies.json";

    /** National range of a single reward in yuan (医保办发〔2022〕22号); no policy may go outside it. */
    public static final BigDecimal NATIONAL_MINIMUM = new BigDecimal("200");
    public static final BigDecimal NATIONAL_MAXIMUM = new BigDecimal("200000");

    private static final Pattern REGION_PREFIX = Pattern.compile("|\\d{2}|\\d{4}|\\d{6}");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

    private final List<RewardPolicy> policies;

    /**
     * @throws IllegalStateException when a policy is invalid or two policies share an id or (region prefix, effectiveFrom)
     */
    public RewardPolicies(List<RewardPolicy> policies) {
        this.policies = List.copyOf(policies);
        validate(this.policies);
    }

    /** Loads and checks policies from a JSON stream (format: see {@link RewardPolicyFile}). */
    public static RewardPolicies load(InputStream in) {
        return new RewardPolicies(RewardPolicyFile.parse(in, "stream"));
    }

    /** Loads the policies shipped in {@value #RESOURCE}. */
    public static RewardPolicies loadDefault() {
        return new RewardPolicies(shipped());
    }

    /**
     * Loads the shipped policies plus a province's own file, so a province can add versions without a rebuild.
     * A policy in the extra file may not repeat an id or a (region prefix, effectiveFrom) of the shipped file.
     */
    public static RewardPolicies loadWith(Path extraFile) {
        List<RewardPolicy> all = new ArrayList<>(shipped());
        try (InputStream in = Files.newInputStream(extraFile)) {
            all.addAll(RewardPolicyFile.parse(in, extraFile.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reward policies file " + extraFile, e);
        }
        return new RewardPolicies(all);
    }

    private static List<RewardPolicy> shipped() {
        try (InputStream in = RewardPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("reward policies resource " + RESOURCE + " is missing");
            }
            return RewardPolicyFile.parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reward policies resource " + RESOURCE, e);
        }
    }

    /** All loaded policies, in file order. */
    public List<RewardPolicy> all() {
        return policies;
    }

    /**
     * The policy for a decision taken on {@code decisionDate} in region {@code regionCode6}: among the policies whose
     * prefix starts the region code and that are effective by that date, the longest prefix wins, then the latest
     * effectiveFrom.
     *
     * @throws IllegalArgumentException when the region code is not 6 digits
     * @throws IllegalStateException    when no policy applies
     */
    public RewardPolicy inForce(String regionCode6, LocalDate decisionDate) {
        if (regionCode6 == null || !REGION_CODE.matcher(regionCode6).matches()) {
            throw new IllegalArgumentException("regionCode6 must be a 6-digit region code, was " + regionCode6);
        }
        Objects.requireNonNull(decisionDate, "decisionDate");
        return policies.stream()
                .filter(p -> regionCode6.startsWith(p.regionPrefix()))
                .filter(p -> !p.effectiveFrom().isAfter(decisionDate))
                .max(Comparator.<RewardPolicy>comparingInt(p -> p.regionPrefix().length())
                        .thenComparing(RewardPolicy::effectiveFrom))
                .orElseThrow(() -> new IllegalStateException("no reward policy in force for region " + regionCode6
                        + " on " + decisionDate));
    }

    private static void validate(List<RewardPolicy> policies) {
        Map<String, RewardPolicy> byKey = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (RewardPolicy policy : policies) {
            validate(policy);
            if (!ids.add(policy.id())) {
                throw new IllegalStateException("reward policy id " + policy.id() + " is defined twice");
            }
            String key = policy.regionPrefix() + "@" + policy.effectiveFrom();
            RewardPolicy earlier = byKey.putIfAbsent(key, policy);
            if (earlier != null) {
                throw new IllegalStateException("reward policies " + earlier.id() + " and " + policy.id()
                        + " both apply to region prefix \"" + policy.regionPrefix() + "\" from " + policy.effectiveFrom());
            }
        }
    }

    private static void validate(RewardPolicy p) {
        Check check = new Check(p.id());
        check.that(p.id() != null && !p.id().isBlank(), "id is required");
        check.that(p.regionPrefix() != null && REGION_PREFIX.matcher(p.regionPrefix()).matches(),
                "regionPrefix must be \"\" or 2, 4 or 6 digits, was \"" + p.regionPrefix() + "\"");
        check.that(p.effectiveFrom() != null, "effectiveFrom is required");
        check.that(p.title() != null && !p.title().isBlank(), "title is required");
        check.that(p.legalSource() != null && !p.legalSource().isBlank(), "legalSource is required");
        check.that(p.shape() != null, "shape is required");

        RewardShape shape = p.shape();
        check.notNegative(shape.insiderUplift(), "insiderUplift");
        check.that(shape.cap() != null, "cap is required");
        check.that(shape.cap().compareTo(NATIONAL_MAXIMUM) <= 0,
                "cap " + shape.cap().toPlainString() + " is above the national maximum " + NATIONAL_MAXIMUM);
        if (shape instanceof RewardShape.MarginalBrackets m) {
            check.brackets(m.brackets(), "brackets");
            check.floor(m.floor(), shape.cap(), "floor");
        } else if (shape instanceof RewardShape.EvidenceLevels e) {
            check.that(!e.levels().isEmpty(), "levels must not be empty");
            Set<Integer> seen = new HashSet<>();
            for (RewardShape.EvidenceLevels.Level level : e.levels()) {
                check.that(level.level() >= 1 && level.level() <= 3, "evidence level must be 1, 2 or 3, was " + level.level());
                check.that(seen.add(level.level()), "evidence level " + level.level() + " is defined twice");
                check.notNegative(level.rate(), "rate of level " + level.level());
                check.floor(level.floor(), shape.cap(), "floor of level " + level.level());
            }
        } else if (shape instanceof RewardShape.ByTargetKind t) {
            Set<TargetKind> missing = EnumSet.allOf(TargetKind.class);
            missing.removeAll(t.brackets().keySet());
            check.that(missing.isEmpty(), "brackets missing for target kind(s) " + missing);
            t.brackets().forEach((kind, brackets) -> check.brackets(brackets, "brackets." + kind));
            check.floor(t.floor(), shape.cap(), "floor");
        }
    }

    /** Throws an {@link IllegalStateException} naming the policy when a condition fails. */
    private record Check(String id) {

        void that(boolean condition, String message) {
            if (!condition) {
                throw new IllegalStateException("reward policy " + id + ": " + message);
            }
        }

        void notNegative(BigDecimal value, String field) {
            that(value != null, field + " is required");
            that(value.signum() >= 0, field + " must not be negative, was " + value.toPlainString());
        }

        void floor(BigDecimal floor, BigDecimal cap, String field) {
            that(floor != null, field + " is required");
            that(floor.compareTo(NATIONAL_MINIMUM) >= 0,
                    field + " " + floor.toPlainString() + " is below the national minimum " + NATIONAL_MINIMUM);
            that(floor.compareTo(cap) <= 0,
                    field + " " + floor.toPlainString() + " is above the cap " + cap.toPlainString());
        }

        void brackets(List<Bracket> brackets, String field) {
            that(!brackets.isEmpty(), field + " must not be empty");
            BigDecimal lower = BigDecimal.ZERO;
            for (int i = 0; i < brackets.size(); i++) {
                Bracket b = brackets.get(i);
                boolean last = i == brackets.size() - 1;
                notNegative(b.rate(), field + "[" + i + "].rate");
                notNegative(b.fixedAmount(), field + "[" + i + "].fixedAmount");
                if (last) {
                    that(b.upTo() == null, field + ": the last bracket must have no upTo, so every case value is covered");
                } else {
                    that(b.upTo() != null, field + "[" + i + "]: only the last bracket may omit upTo");
                    that(b.upTo().compareTo(lower) > 0, field + "[" + i + "].upTo " + b.upTo().toPlainString()
                            + " must be above the previous edge " + lower.toPlainString());
                    lower = b.upTo();
                }
            }
        }
    }
}
