package org.fundguard.monitoring.screening;

import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.monitoring.RuleSetHolder;
import org.fundguard.monitoring.engine.Hit;
import org.fundguard.monitoring.replica.QualificationCache;
import org.fundguard.monitoring.review.ReviewService;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Back-testing a rule-set version (issue 6 §4): the region's stored claims of a period screened with that version and
 * with the one in use, nothing stored; hits are compared by their finding key (rule class, knowledge point, visit, fee
 * lines), and past review outcomes per rule and knowledge point predict how many of the gained hits reviewers would
 * confirm. Blocking (JDBC), on a worker thread.
 */
@ApplicationScoped
public class Backtest {

    /** One rule and knowledge point's change. */
    public record RuleChange(String ruleCode, String knowledgePointId, long hitsActive, long hitsVersion, long gained, long lost,
                             BigDecimal amountGained, BigDecimal amountLost, BigDecimal confirmedShare) {
    }

    /** The comparison. */
    public record Report(int version, int activeVersion, String region, LocalDate from, LocalDate to, long claims, long lines,
                         long hitsActive, long hitsVersion, long gained, long lost, BigDecimal expectedConfirmedOfGained,
                         BigDecimal estimatedConfirmedShareActive, BigDecimal estimatedConfirmedShareVersion,
                         List<RuleChange> byRule) {
    }

    private static final int LOOKBACK_DAYS = 90;

    private final DataSource dataSource;
    private final RuleSetHolder rules;
    private final QualificationCache qualifications;
    private final ReviewService reviews;
    private final BusinessClock clock;

    public Backtest(DataSource dataSource, RuleSetHolder rules, QualificationCache qualifications, ReviewService reviews,
                    BusinessClock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.rules = rules;
        this.qualifications = qualifications;
        this.reviews = reviews;
    }

    /** Back-tests {@code version} over the region's stored claims of the period (at most a year, in the caller's region). */
    public Report run(Caller caller, int version, String region, LocalDate from, LocalDate to) throws SQLException {
        if (!caller.scope().canSee(region)) {
            throw new DomainException.AccessDenied("Region " + region + " is outside your region.");
        }
        if (to.isBefore(from)) {
            throw new DomainException.InvalidField("to", "must not be before from");
        }
        if (from.plusYears(1).isBefore(to)) {
            throw new DomainException.InvalidField("to", "a back-test covers at most one year");
        }
        RuleSetHolder.Compiled active = rules.current();
        RuleSetHolder.Compiled candidate;
        Map<String, BigDecimal> shares = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            int latest = ScreeningQueries.latestRuleSetVersion(c);
            if (version < 1 || version > latest) {
                throw new DomainException.InvalidField("version", "no rule-set version " + version + " (the latest is " + latest + ")");
            }
            candidate = rules.compileStored(c, version);
        }
        for (ReviewService.RuleOutcome o : reviews.ruleOutcomes(RegionScope.of(region))) {
            if (o.confirmedShare() != null) {
                shares.put(o.ruleCode() + '|' + o.knowledgePointId(), o.confirmedShare());
            }
        }
        Map<String, Hit> before = new HashMap<>();
        Map<String, Hit> after = new HashMap<>();
        ScreeningRun.Result a = new ScreeningRun(this::connection, active.rules(), qualifications, clock)
                .collect(region, from, to, LOOKBACK_DAYS, h -> before.put(ScreeningRun.key(h), h));
        new ScreeningRun(this::connection, candidate.rules(), qualifications, clock)
                .collect(region, from, to, LOOKBACK_DAYS, h -> after.put(ScreeningRun.key(h), h));

        Map<String, long[]> counts = new TreeMap<>();          // rule|kp → hitsActive, hitsVersion, gained, lost
        Map<String, BigDecimal[]> amounts = new HashMap<>();   // rule|kp → amountGained, amountLost
        before.forEach((k, h) -> tally(counts, amounts, h, 0, after.containsKey(k) ? -1 : 3));
        after.forEach((k, h) -> tally(counts, amounts, h, 1, before.containsKey(k) ? -1 : 2));

        List<RuleChange> byRule = new ArrayList<>();
        long gained = 0;
        long lost = 0;
        BigDecimal expected = BigDecimal.ZERO;
        boolean anyShare = false;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            String[] id = e.getKey().split("\\|", 2);
            long[] n = e.getValue();
            BigDecimal[] m = amounts.get(e.getKey());
            BigDecimal share = shares.get(e.getKey());
            byRule.add(new RuleChange(id[0], id[1], n[0], n[1], n[2], n[3], m[0], m[1], share));
            gained += n[2];
            lost += n[3];
            if (share != null && n[2] > 0) {
                expected = expected.add(share.multiply(BigDecimal.valueOf(n[2])));
                anyShare = true;
            }
        }
        byRule.sort((x, y) -> Long.compare(y.gained() + y.lost(), x.gained() + x.lost()));
        return new Report(version, active.version(), region, from, to, a.claims(), a.lines(), before.size(), after.size(), gained,
                lost, anyShare ? expected.setScale(2, RoundingMode.HALF_UP) : null, estimatedShare(before, shares),
                estimatedShare(after, shares), byRule);
    }

    private static void tally(Map<String, long[]> counts, Map<String, BigDecimal[]> amounts, Hit h, int side, int change) {
        String k = h.ruleCode() + '|' + h.knowledgePointId();
        long[] n = counts.computeIfAbsent(k, x -> new long[4]);
        BigDecimal[] m = amounts.computeIfAbsent(k, x -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        n[side]++;
        if (change >= 0) {
            n[change]++;
            m[change - 2] = m[change - 2].add(h.amount());
        }
    }

    private static BigDecimal estimatedShare(Map<String, Hit> hits, Map<String, BigDecimal> shares) {
        BigDecimal sum = BigDecimal.ZERO;
        long known = 0;
        for (Hit h : hits.values()) {
            BigDecimal s = shares.get(h.ruleCode() + '|' + h.knowledgePointId());
            if (s != null) {
                sum = sum.add(s);
                known++;
            }
        }
        return known == 0 ? null : sum.divide(BigDecimal.valueOf(known), 4, RoundingMode.HALF_UP);
    }

    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("no database connection", e);
        }
    }
}
