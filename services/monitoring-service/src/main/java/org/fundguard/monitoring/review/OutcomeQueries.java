package org.fundguard.monitoring.review;

import org.fundguard.kit.time.BusinessClock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads over findings and their review cases: reviewers' outcomes per rule and knowledge point, and the statistics. */
final class OutcomeQueries {

    /** SQL conditions on {@code review_case r}: what reviewers confirmed (second review, or a definite violation on investigation). */
    private static final String CONFIRMED = "r.second_outcome = 'CONFIRMED' AND r.status <> 'DISMISSED' OR r.result_type = 'DEFINITE' AND r.fund_loss IS NOT NULL";
    /** ... and what they dismissed (at second review or on investigation). */
    private static final String DISMISSED = "r.status = 'DISMISSED'";

    private static final String OUTCOMES = "SELECT f.rule_code, f.knowledge_point_id, count(*), "
            + "count(*) FILTER (WHERE " + CONFIRMED + "), count(*) FILTER (WHERE " + DISMISSED + "), "
            + "count(*) FILTER (WHERE r.id IS NOT NULL AND r.status NOT IN ('DISMISSED', 'DECIDED') AND r.second_outcome IS NULL "
            + "  AND NOT (r.result_type = 'DEFINITE' AND r.fund_loss IS NOT NULL)) "
            + "FROM finding f LEFT JOIN review_case r ON r.finding_id = f.id WHERE f.admdvs LIKE ? "
            + "GROUP BY f.rule_code, f.knowledge_point_id ORDER BY count(*) DESC, f.rule_code, f.knowledge_point_id";

    /**
     * A finding's claim time: its visit's first settlement ({@code setl_time}); null for a visit not settled or no
     * longer stored.
     */
    private static final String SETTLED = "(SELECT min((s ->> 'setl_time')::timestamp) FROM claim_visit v, "
            + "jsonb_array_elements(coalesce(v.body -> 'setlinfo', '[]'::jsonb)) s WHERE v.mdtrt_id = f.mdtrt_id)";

    private static String statistics(boolean found, boolean claims) {
        String month = claims ? "to_char(x.settled, 'YYYY-MM')" : "to_char(x.found_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')";
        return "SELECT x.admdvs, x.rule_code, " + month + " AS month, count(*), "
                + "count(*) FILTER (WHERE " + CONFIRMED + "), "
                + "count(*) FILTER (WHERE " + DISMISSED + "), "
                + "count(*) FILTER (WHERE r.status = 'DECIDED'), "
                + "coalesce(sum(r.fund_loss) FILTER (WHERE r.status = 'DECIDED'), 0), "
                + "coalesce(sum(round(coalesce((r.decision -> 'decision' ->> 'fineMultiple')::numeric, 0) * r.fund_loss, 2)) "
                + "  FILTER (WHERE r.status = 'DECIDED'), 0) "
                + "FROM (SELECT f.id, f.admdvs, f.rule_code, f.found_at" + (claims ? ", " + SETTLED + " AS settled" : "")
                + " FROM finding f WHERE f.admdvs LIKE ?" + (found ? " AND f.found_at >= ? AND f.found_at < ?" : "") + ") x "
                + "LEFT JOIN review_case r ON r.finding_id = x.id "
                + (claims ? "WHERE x.settled >= ? AND x.settled < ? " : "")
                + "GROUP BY 1, 2, 3 ORDER BY 3, 1, 2";
    }

    private OutcomeQueries() {
    }

    /** The outcomes of the findings whose region matches {@code regionLike} (a RegionScope like-pattern), most findings first. */
    static List<ReviewService.RuleOutcome> outcomes(Connection c, String regionLike) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(OUTCOMES)) {
            ps.setString(1, regionLike);
            List<ReviewService.RuleOutcome> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long confirmed = rs.getLong(4);
                    long dismissed = rs.getLong(5);
                    BigDecimal share = confirmed + dismissed == 0 ? null
                            : BigDecimal.valueOf(confirmed).divide(BigDecimal.valueOf(confirmed + dismissed), 4, RoundingMode.HALF_UP);
                    out.add(new ReviewService.RuleOutcome(rs.getString(1), rs.getString(2), rs.getLong(3), confirmed, dismissed,
                            rs.getLong(6), share));
                }
            }
            return out;
        }
    }

    /**
     * Findings of the region by region, rule and month: found from {@code from} to {@code to} (China Standard Time,
     * inclusive) and/or whose claims were settled from {@code claimFrom} to {@code claimTo} (inclusive; then the month
     * is the settlement's). A pair is null when not asked.
     */
    static List<ReviewService.MonthFigures> statistics(Connection c, String regionLike, LocalDate from, LocalDate to,
                                                       LocalDate claimFrom, LocalDate claimTo) throws SQLException {
        List<ReviewService.MonthFigures> rows = new ArrayList<>();
        boolean found = from != null;
        boolean claims = claimFrom != null;
        try (PreparedStatement ps = c.prepareStatement(statistics(found, claims))) {
            int i = 1;
            ps.setString(i++, regionLike);
            if (found) {
                ps.setObject(i++, from.atStartOfDay(BusinessClock.ZONE).toOffsetDateTime());
                ps.setObject(i++, to.plusDays(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime());
            }
            if (claims) {
                ps.setObject(i++, claimFrom.atStartOfDay());
                ps.setObject(i, claimTo.plusDays(1).atStartOfDay());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ReviewService.MonthFigures(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getBigDecimal(8).setScale(2), rs.getBigDecimal(9).setScale(2)));
                }
            }
        }
        return rows;
    }
}
