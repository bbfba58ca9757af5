package org.fundguard.monitoring.screening;

import org.fundguard.monitoring.claim.Visit;
import org.fundguard.monitoring.engine.Hit;
import org.fundguard.monitoring.generator.ClaimGenerator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Writes of batch screening: jobs, findings and the death registry, on the caller's open transaction (or connection) {@code tx}. */
final class ScreeningStore {

    private ScreeningStore() {
    }

    /** A new job, RUNNING. */
    static void insertJob(Connection tx, UUID id, String region, LocalDate from, LocalDate to, String ruleSetVersion, String by)
            throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO screening_job (id, region, period_from, period_to, rule_set_version, status, started_by, started_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, now())")) {
            ps.setObject(1, id);
            ps.setString(2, region);
            ps.setObject(3, from);
            ps.setObject(4, to);
            ps.setString(5, ruleSetVersion);
            ps.setString(6, by);
            ps.executeUpdate();
        }
    }

    /** The job's progress so far. */
    static void progress(Connection tx, UUID id, long claims, long lines, long hits, long found) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE screening_job SET claims_screened = ?, lines_screened = ?, hits = ?, findings_new = ? WHERE id = ?")) {
            ps.setLong(1, claims);
            ps.setLong(2, lines);
            ps.setLong(3, hits);
            ps.setLong(4, found);
            ps.setObject(5, id);
            ps.executeUpdate();
        }
    }

    /** The job's end: DONE or FAILED, with the error. */
    static void finish(Connection tx, UUID id, String status, String error) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE screening_job SET status = ?, error = ?, finished_at = now() WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, error);
            ps.setObject(3, id);
            ps.executeUpdate();
        }
    }

    /** Adds the deaths not yet registered (the demo generator's registry). */
    static void registerDeaths(Connection tx, List<ClaimGenerator.Death> deaths, String source) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO death_record (psn_no, death_date, source) VALUES (?, ?, ?) "
                + "ON CONFLICT (psn_no) DO NOTHING")) {
            for (ClaimGenerator.Death d : deaths) {
                ps.setString(1, d.psnNo());
                ps.setObject(2, d.deathDate());
                ps.setString(3, source);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Findings written in batches on one connection, a finding already stored (same key) left as it is. */
    static final class FindingBatch {
        private final PreparedStatement insert;
        private int batched;

        FindingBatch(Connection c) throws SQLException {
            this.insert = c.prepareStatement("INSERT INTO finding (id, finding_key, rule_code, knowledge_point_id, "
                    + "knowledge_point_version, result_type, sev_deg, mdtrt_id, psn_no, admdvs, fixmedins_code, feedetl_sns, amount, "
                    + "reason, related_mdtrt_ids, evidence, rule_set_version, job_id, found_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (finding_key) DO NOTHING");
        }

        /** Adds the finding of {@code hit} on {@code visit}; answers how many wait in the batch. */
        int add(String key, Hit hit, Visit visit, String ruleSetVersion, UUID jobId, OffsetDateTime foundAt) throws SQLException {
            int i = 1;
            insert.setObject(i++, UUID.randomUUID());
            insert.setString(i++, key);
            insert.setString(i++, hit.ruleCode());
            insert.setString(i++, hit.knowledgePointId());
            insert.setInt(i++, hit.knowledgePointVersion());
            insert.setString(i++, hit.resultType().name());
            insert.setInt(i++, hit.sevDeg());
            insert.setString(i++, hit.mdtrtId());
            insert.setString(i++, hit.psnNo());
            insert.setString(i++, visit.regionAdmdvs());
            insert.setString(i++, visit.fixmedinsCode());
            insert.setString(i++, String.join(",", hit.feedetlSns()));
            insert.setBigDecimal(i++, hit.amount());
            insert.setString(i++, hit.reason());
            insert.setString(i++, String.join(",", hit.relatedMdtrtIds()));
            insert.setString(i++, hit.evidence());
            insert.setString(i++, ruleSetVersion);
            insert.setObject(i++, jobId);
            insert.setObject(i, foundAt);
            insert.addBatch();
            return ++batched;
        }

        /** Writes the waiting findings; answers how many were new. */
        int flush() throws SQLException {
            if (batched == 0) {
                return 0;
            }
            int inserted = 0;
            for (int n : insert.executeBatch()) {
                inserted += n > 0 ? n : 0;
            }
            batched = 0;
            return inserted;
        }
    }
}
