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

    private static final String JOB_COLUMNS = "SELECT id, region, period_from, period_to, rule_set_version, status, claims_screened, "
            + "lines_screened, hits, findings_new, started_by, started_at, finished_at, error FROM screening_job";
    private static final String FINDING_FIELDS = "f.id, f.rule_code, f.knowledge_point_id, f.knowledge_point_version, "
            + "f.result_type, f.sev_deg, f.mdtrt_id, f.psn_no, f.admdvs, f.fixmedins_code, f.feedetl_sns, f.amount, f.reason, "
            + "f.related_mdtrt_ids, f.rule_set_version, f.job_id, f.found_at, f.status, f.evidence";
    private static final String FINDING_COLUMNS = "SELECT " + FINDING_FIELDS + " FROM finding f";

    /** The job, or null. */
    static ScreeningService.Job job(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(JOB_COLUMNS + " WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? job(rs) : null;
            }
        }
    }

    private static ScreeningService.Job job(ResultSet rs) throws SQLException {
        return new ScreeningService.Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8),
                rs.getLong(9), rs.getLong(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class),
                rs.getObject(13, OffsetDateTime.class), rs.getString(14));
    }

    /** The number of jobs whose region is in {@code scope}. */
    static long countJobs(Connection c, RegionScope scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM screening_job WHERE region LIKE ?")) {
            ps.setString(1, scope.likePattern());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A page of the jobs whose region is in {@code scope}, newest first. */
    static List<ScreeningService.Job> jobs(Connection c, RegionScope scope, PageRequest paging) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(JOB_COLUMNS + " WHERE region LIKE ? ORDER BY started_at DESC, id LIMIT ? OFFSET ?")) {
            ps.setString(1, scope.likePattern());
            ps.setInt(2, paging.size());
            ps.setLong(3, paging.offset());
            List<ScreeningService.Job> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(job(rs));
                }
            }
            return out;
        }
    }

    /** The findings with these ids and the stored claims of their visits (null where the claim is no longer stored). */
    static java.util.Map<UUID, ScreeningService.FindingDetail> details(Connection c, java.util.Collection<UUID> ids) throws SQLException {
        java.util.Map<UUID, ScreeningService.FindingDetail> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FINDING_FIELDS + ", v.body::text FROM finding f "
                + "LEFT JOIN claim_visit v ON v.mdtrt_id = f.mdtrt_id WHERE f.id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ScreeningService.Finding f = finding(rs);
                    String body = rs.getString(20);
                    out.put(f.id(), new ScreeningService.FindingDetail(f, body == null ? null : ClaimStore.read(body)));
                }
            }
        }
        return out;
    }

    /** The number of findings in {@code scope} that match {@code filter}. */
    static long countFindings(Connection c, RegionScope scope, ScreeningService.FindingFilter filter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM finding f" + where(filter))) {
            bind(ps, scope, filter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A page of the findings in {@code scope} that match {@code filter}, newest first. */
    static List<ScreeningService.Finding> findings(Connection c, RegionScope scope, ScreeningService.FindingFilter filter,
                                                   PageRequest paging) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FINDING_COLUMNS + where(filter) + " ORDER BY f.found_at DESC, f.id LIMIT ? OFFSET ?")) {
            int i = bind(ps, scope, filter);
            ps.setInt(i++, paging.size());
            ps.setLong(i, paging.offset());
            List<ScreeningService.Finding> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(finding(rs));
                }
            }
            return out;
        }
    }

    private static ScreeningService.Finding finding(ResultSet rs) throws SQLException {
        return new ScreeningService.Finding(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                split(rs.getString(11)), rs.getObject(12, BigDecimal.class), rs.getString(13), split(rs.getString(14)),
                rs.getString(15), rs.getObject(16, UUID.class), rs.getObject(17, OffsetDateTime.class), rs.getString(18),
                rs.getString(19));
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

    private static String where(ScreeningService.FindingFilter f) {
        return " WHERE f.admdvs LIKE ?" + (f.jobId() == null ? "" : " AND f.job_id = ?")
                + (f.mdtrtId() == null ? "" : " AND f.mdtrt_id = ?") + (f.fixmedinsCode() == null ? "" : " AND f.fixmedins_code = ?")
                + (f.ruleCode() == null ? "" : " AND f.rule_code = ?");
    }

    private static int bind(PreparedStatement ps, RegionScope scope, ScreeningService.FindingFilter f) throws SQLException {
        int i = 1;
        ps.setString(i++, scope.likePattern());
        if (f.jobId() != null) {
            ps.setObject(i++, f.jobId());
        }
        for (String v : new String[]{f.mdtrtId(), f.fixmedinsCode(), f.ruleCode()}) {
            if (v != null) {
                ps.setString(i++, v);
            }
        }
        return i;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
