package org.fundguard.report.rest;

import org.fundguard.report.StatisticsQueries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The analysts' figures for reports received between {@code from} and {@code to}, within their region. */
public record StatisticsView(LocalDate from, LocalDate to, List<ReportCount> reports, AcceptanceTime acceptance,
                             List<RewardTotal> rewards, BigDecimal recovered) {

    /** Reports received in one month in one region with one status. */
    public record ReportCount(String month, String region, String status, long reports) {
    }

    /** How fast acceptance was decided: over decided reports, and how many wait past their deadline now. */
    public record AcceptanceTime(long decided, BigDecimal averageDays, long decidedInTime, long overdueNow) {
    }

    /** Rewards by status: how many and how much. */
    public record RewardTotal(String status, long rewards, BigDecimal amount) {
    }

    static StatisticsView of(StatisticsQueries.Summary s) {
        StatisticsQueries.Acceptance a = s.acceptance();
        return new StatisticsView(s.from(), s.to(),
                s.reports().stream().map(c -> new ReportCount(c.month(), c.region(), c.status(), c.reports())).toList(),
                new AcceptanceTime(a.decided(), a.averageDays(), a.decidedInTime(), a.overdueNow()),
                s.rewards().stream().map(r -> new RewardTotal(r.status(), r.rewards(), r.amount())).toList(),
                s.recovered());
    }
}
