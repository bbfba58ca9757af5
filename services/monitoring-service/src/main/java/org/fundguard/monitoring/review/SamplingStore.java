package org.fundguard.monitoring.review;

import org.fundguard.kit.security.RegionScope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Writes of review samples, on the caller's open transaction {@code tx}. */
final class SamplingStore {

    private SamplingStore() {
    }

    /**
     * Stores the sample and draws up to {@code size} of the region's second-reviewed cases into it; answers how many were
     * drawn. RANDOM orders by a hash of the seed and the case, AMOUNT by amount, VARIANCE by the distance of the amount
     * from its rule's mean in standard deviations.
     */
    static int draw(Connection tx, UUID id, String region, ReviewService.SampleMethod method, int size, long seed, String by,
                    OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO review_sample (id, region, method, requested_size, seed, "
                + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, region);
            ps.setString(3, method.name());
            ps.setInt(4, size);
            ps.setLong(5, seed);
            ps.setString(6, by);
            ps.setObject(7, at);
            ps.executeUpdate();
        }
        String order = switch (method) {
            case RANDOM -> "md5(? || r.id::text)";
            case AMOUNT -> "r.amount DESC, r.id";
            case VARIANCE -> "abs(r.amount - avg(r.amount) OVER w) / nullif(stddev_pop(r.amount) OVER w, 0) DESC NULLS LAST, r.amount DESC, r.id";
        };
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO review_sample_item (sample_id, case_id, position, original_outcome) "
                + "SELECT ?, id, row_number() OVER (), second_outcome FROM (SELECT r.id, r.second_outcome FROM review_case r "
                + "WHERE r.admdvs LIKE ? AND r.second_outcome IS NOT NULL"
                + (method == ReviewService.SampleMethod.VARIANCE ? " WINDOW w AS (PARTITION BY r.rule_code)" : "")
                + " ORDER BY " + order + " LIMIT ?) picked")) {
            int i = 1;
            ps.setObject(i++, id);
            ps.setString(i++, RegionScope.of(region).likePattern());
            if (method == ReviewService.SampleMethod.RANDOM) {
                ps.setString(i++, Long.toString(seed));
            }
            ps.setInt(i, size);
            return ps.executeUpdate();
        }
    }

    /** Records the re-check of a sampled case; false when it was already re-checked. */
    static boolean recheck(Connection tx, UUID sampleId, UUID caseId, String outcome, String reason, String by, OffsetDateTime at)
            throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE review_sample_item SET recheck_outcome = ?, recheck_reason = ?, "
                + "rechecked_by = ?, rechecked_at = ? WHERE sample_id = ? AND case_id = ? AND recheck_outcome IS NULL")) {
            ps.setString(1, outcome);
            ps.setString(2, reason);
            ps.setString(3, by);
            ps.setObject(4, at);
            ps.setObject(5, sampleId);
            ps.setObject(6, caseId);
            return ps.executeUpdate() == 1;
        }
    }
}
