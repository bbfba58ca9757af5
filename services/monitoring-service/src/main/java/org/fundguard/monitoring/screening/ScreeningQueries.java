package org.fundguard.monitoring.screening;

import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.monitoring.engine.DeathRegistry;
import org.fundguard.monitoring.engine.InMemoryDeathRegistry;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads of batch screening: jobs, findings, whether claims are stored, the latest rule-set version, and what a run reads
 * (the claims in order, the deaths of their patients, the suppressed hits).
 */
final class ScreeningQueries {

    private ScreeningQueries() {
    }

    /** The job, or null. */
    static ScreeningService.Job job(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, region, period_from, period_to, rule_set_version, status, claims_screened, lines_screened, hits, "
                        + "findings_new, started_by, started_at, finished_at, error FROM screening_job WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new ScreeningService.Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class),
                        rs.getObject(13, OffsetDateTime.class), rs.getString(14));
            }
        }
    }

    /** The number of findings in {@code scope}, optionally of one job. */
    static long countFindings(Connection c, RegionScope scope, UUID jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM finding" + where(jobId))) {
            bind(ps, scope, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A page of the findings in {@code scope}, newest first, optionally of one job. */
    static List<ScreeningService.Finding> findings(Connection c, RegionScope scope, UUID jobId, PageRequest paging) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, rule_code, knowledge_point_id, knowledge_point_version, "
                + "result_type, sev_deg, mdtrt_id, psn_no, admdvs, fixmedins_code, feedetl_sns, amount, reason, related_mdtrt_ids, "
                + "rule_set_version, job_id, found_at, status FROM finding" + where(jobId)
                + " ORDER BY found_at DESC, id LIMIT ? OFFSET ?")) {
            int i = bind(ps, scope, jobId);
            ps.setInt(i++, paging.size());
            ps.setLong(i, paging.offset());
            List<ScreeningService.Finding> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScreeningService.Finding(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            split(rs.getString(11)), rs.getObject(12, BigDecimal.class), rs.getString(13), split(rs.getString(14)),
                            rs.getString(15), rs.getObject(16, UUID.class), rs.getObject(17, OffsetDateTime.class), rs.getString(18)));
                }
            }
            return out;
        }
    }

    /** True when any claim is stored. */
    static boolean anyClaims(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM claim_visit)"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The latest rule-set version stored (0 before any). */
    static int latestRuleSetVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) FROM rule_set_version");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** rule|knowledge point|institution of the hits reviewers chose to leave out of later runs. */
    static java.util.Set<String> suppressions(Connection c) throws SQLException {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rule_code, knowledge_point_id, fixmedins_code FROM hit_suppression");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + '|' + rs.getString(2) + '|' + rs.getString(3));
            }
        }
        return out;
    }

    /** The deaths registered of the patients with a visit in the region ({@code like}) from {@code from} to {@code to}. */
    static DeathRegistry deathsOfVisits(Connection c, String like, LocalDateTime from, LocalDateTime to) throws SQLException {
        InMemoryDeathRegistry registry = new InMemoryDeathRegistry();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.psn_no, d.death_date FROM death_record d WHERE EXISTS ("
                + "SELECT 1 FROM claim_visit v WHERE v.psn_no = d.psn_no AND v.admdvs LIKE ? AND v.begntime >= ? AND v.begntime < ?)")) {
            ps.setString(1, like);
            ps.setTimestamp(2, Timestamp.valueOf(from));
            ps.setTimestamp(3, Timestamp.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    registry.put(rs.getString(1), rs.getObject(2, LocalDate.class));
                }
            }
        }
        return registry;
    }

    /**
     * The stored claims of the region ({@code like}) whose visit began from {@code from} (inclusive) to {@code to}
     * (exclusive), body and begin time, in patient and visit order, read {@code fetch} rows at a time (a cursor: the
     * connection must be in a transaction; the result set lives until it is closed).
     */
    static ResultSet visitsInOrder(Connection c, String like, LocalDateTime from, LocalDateTime to, int fetch) throws SQLException {
        PreparedStatement ps = c.prepareStatement("SELECT body, begntime FROM claim_visit WHERE admdvs LIKE ? "
                + "AND begntime >= ? AND begntime < ? ORDER BY psn_no, begntime, mdtrt_id");
        ps.setFetchSize(fetch);
        ps.setString(1, like);
        ps.setTimestamp(2, Timestamp.valueOf(from));
        ps.setTimestamp(3, Timestamp.valueOf(to));
        return ps.executeQuery();
    }

    private static String where(UUID jobId) {
        return " WHERE admdvs LIKE ?" + (jobId == null ? "" : " AND job_id = ?");
    }

    private static int bind(PreparedStatement ps, RegionScope scope, UUID jobId) throws SQLException {
        ps.setString(1, scope.likePattern());
        if (jobId != null) {
            ps.setObject(2, jobId);
            return 3;
        }
        return 2;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
