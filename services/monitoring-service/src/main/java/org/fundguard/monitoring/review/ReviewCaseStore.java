package org.fundguard.monitoring.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Bulk writes of review cases and reminders on plain JDBC, on the caller's open transaction {@code tx}. */
final class ReviewCaseStore {

    private ReviewCaseStore() {
    }

    /**
     * Opens a case for each finding of the job that has none: a suspect at first review, a definite violation at the
     * institution's appeal step, each with its step's deadline. Answers how many were opened.
     */
    static int openForJob(Connection tx, UUID jobId, String region, LocalDate appealDue, LocalDate firstReviewDue,
                          OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO review_case (id, finding_id, admdvs, fixmedins_code, rule_code, knowledge_point_id, result_type, amount, "
                        + "status, step_due, created_at) SELECT gen_random_uuid(), f.id, coalesce(f.admdvs, ?), coalesce(f.fixmedins_code, ''), "
                        + "f.rule_code, f.knowledge_point_id, f.result_type, f.amount, "
                        + "CASE WHEN f.result_type = 'DEFINITE' THEN 'APPEAL_OPEN' ELSE 'FIRST_REVIEW' END, "
                        + "CASE WHEN f.result_type = 'DEFINITE' THEN ? ELSE ? END, ? FROM finding f WHERE f.job_id = ? "
                        + "ON CONFLICT (finding_id) DO NOTHING")) {
            ps.setString(1, region);
            ps.setObject(2, appealDue);
            ps.setObject(3, firstReviewDue);
            ps.setObject(4, at);
            ps.setObject(5, jobId);
            return ps.executeUpdate();
        }
    }

    /**
     * Writes the reminders now due, once per case, step and kind: OVERDUE for staff steps due before {@code today},
     * DUE_SOON for those due by {@code dueBy}. Answers {@code caseId:kind} of each one written.
     */
    static List<String> remind(Connection tx, LocalDate today, LocalDate dueBy, OffsetDateTime at) throws SQLException {
        List<String> created = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO review_reminder (id, case_id, status, step_due, kind, created_at) "
                        + "SELECT gen_random_uuid(), id, status, step_due, CASE WHEN step_due < ? THEN 'OVERDUE' ELSE 'DUE_SOON' END, ? "
                        + "FROM review_case WHERE status IN ('FIRST_REVIEW', 'SECOND_REVIEW', 'INVESTIGATION', 'DECISION') "
                        + "AND step_due <= ? ON CONFLICT (case_id, status, kind) DO NOTHING RETURNING case_id::text || ':' || kind")) {
            ps.setObject(1, today);
            ps.setObject(2, at);
            ps.setObject(3, dueBy);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    created.add(rs.getString(1));
                }
            }
        }
        return created;
    }
}
