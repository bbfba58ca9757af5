package org.fundguard.monitoring.screening;

import org.fundguard.monitoring.generator.ClaimGenerator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Writes of batch screening jobs and the death registry, on the caller's open transaction (or connection) {@code tx}. */
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
}
