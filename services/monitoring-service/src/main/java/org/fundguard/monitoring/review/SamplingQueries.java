package org.fundguard.monitoring.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads of review samples (抽样复核): a sample with its items, and who reviewed a sampled case. */
final class SamplingQueries {

    /** The reviewers of a sampled case and its re-check so far (null before one). */
    record SampledCase(String firstReviewer, String firstReviewerSubject, String secondReviewer, String secondReviewerSubject,
                       String recheckOutcome) {
    }

    private SamplingQueries() {
    }

    /** The sample with its items in drawing order, or null. */
    static ReviewService.Sample sample(Connection c, UUID id) throws SQLException {
        String region;
        String method;
        int requested;
        long seed;
        String by;
        try (PreparedStatement ps = c.prepareStatement("SELECT region, method, requested_size, seed, created_by FROM review_sample WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                region = rs.getString(1);
                method = rs.getString(2);
                requested = rs.getInt(3);
                seed = rs.getLong(4);
                by = rs.getString(5);
            }
        }
        List<ReviewService.SampleItem> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT i.case_id, i.position, r.rule_code, r.amount, i.original_outcome, "
                + "i.recheck_outcome, i.recheck_reason, i.rechecked_by FROM review_sample_item i JOIN review_case r ON r.id = i.case_id "
                + "WHERE i.sample_id = ? ORDER BY i.position")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new ReviewService.SampleItem(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return new ReviewService.Sample(id, region, method, requested, seed, by, items);
    }

    /** The case in the sample, or null when it is not in it. */
    static SampledCase sampledCase(Connection c, UUID sampleId, UUID caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT r.first_reviewer, r.first_reviewer_subject, r.second_reviewer, r.second_reviewer_subject, i.recheck_outcome "
                + "FROM review_sample_item i JOIN review_case r ON r.id = i.case_id WHERE i.sample_id = ? AND i.case_id = ?")) {
            ps.setObject(1, sampleId);
            ps.setObject(2, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new SampledCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)) : null;
            }
        }
    }
}
