package org.fundguard.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.kit.time.BusinessClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The reads behind the analysts' figures, within their region, on the raw reactive pool: counts and sums only, never
 * a reporter, a receipt or free text. Months and dates are China's ({@link BusinessClock#ZONE}).
 */
@ApplicationScoped
public class StatisticsQueries {

    /** Reports received in one month in one region with one status. */
    public record Count(String month, String region, String status, long reports) {
    }

    /** How fast acceptance was decided: over decided reports, and how many wait past their deadline now. */
    public record Acceptance(long decided, BigDecimal averageDays, long decidedInTime, long overdueNow) {
    }

    /** Rewards by status: how many and how much. */
    public record Rewards(String status, long rewards, BigDecimal amount) {
    }

    /** Everything of one request. */
    public record Summary(LocalDate from, LocalDate to, List<Count> reports, Acceptance acceptance, List<Rewards> rewards,
                          BigDecimal recovered) {
    }

    private static final String LOCAL = "(received_at AT TIME ZONE '" + BusinessClock.ZONE.getId() + "')";
    private static final String WHERE = " WHERE region LIKE $1 AND " + LOCAL + "::date BETWEEN $2 AND $3";

    private final Pool pool;
    private final BusinessClock clock;

    public StatisticsQueries(Pool pool, BusinessClock clock) {
        this.clock = clock;
        this.pool = pool;
    }

    public Uni<Summary> summary(RegionScope scope, LocalDate from, LocalDate to) {
        Tuple args = Tuple.of(scope.likePattern(), from, to);
        Uni<List<Count>> counts = pool.preparedQuery("SELECT to_char(" + LOCAL + ", 'YYYY-MM') AS month, region, status, count(*) AS n"
                        + " FROM report" + WHERE + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
                .execute(args).map(rows -> {
                    List<Count> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Count(r.getString("month"), r.getString("region"), r.getString("status"), r.getLong("n")));
                    }
                    return out;
                });
        Uni<Acceptance> acceptance = pool.preparedQuery("SELECT count(decided_at) AS decided,"
                        + " round(avg(extract(epoch FROM decided_at - received_at) / 86400)::numeric, 1) AS avg_days,"
                        + " count(*) FILTER (WHERE (decided_at AT TIME ZONE '" + BusinessClock.ZONE.getId() + "')::date <= acceptance_due) AS in_time,"
                        + " count(*) FILTER (WHERE status = 'RECEIVED' AND acceptance_due < $4) AS overdue"
                        + " FROM report" + WHERE)
                .execute(Tuple.of(scope.likePattern(), from, to, clock.today()))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Acceptance(r.getLong("decided"), r.getBigDecimal("avg_days"), r.getLong("in_time"), r.getLong("overdue"));
                });
        Uni<List<Rewards>> rewards = pool.preparedQuery("SELECT CASE WHEN w.status = 'APPROVED' AND w.claim_deadline < $4 THEN 'WAIVED'"
                        + " ELSE w.status END AS st, count(*) AS n, sum(w.amount) AS amount"
                        + " FROM reward w JOIN report ON report.id = w.report_id" + WHERE.replace("region", "report.region")
                        .replace("received_at", "report.received_at") + " GROUP BY 1 ORDER BY 1")
                .execute(Tuple.of(scope.likePattern(), from, to, clock.today()))
                .map(rows -> {
                    List<Rewards> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Rewards(r.getString("st"), r.getLong("n"), r.getBigDecimal("amount")));
                    }
                    return out;
                });
        Uni<BigDecimal> recovered = pool.preparedQuery("SELECT coalesce(sum(recovered_amount), 0.00) AS total FROM report" + WHERE
                        + " AND status = 'DECIDED'")
                .execute(args).map(rows -> rows.iterator().next().getBigDecimal("total"));
        return Uni.combine().all().unis(counts, acceptance, rewards, recovered)
                .with((c, a, w, t) -> new Summary(from, to, c, a, w, t));
    }
}
