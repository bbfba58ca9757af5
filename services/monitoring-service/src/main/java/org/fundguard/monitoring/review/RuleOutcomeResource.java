package org.fundguard.monitoring.review;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.monitoring.Roles;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reviewers' outcomes kept per rule and knowledge point: how many findings each produced in the caller's region, how
 * many reviewers confirmed (second review confirmed, or a definite violation confirmed on investigation) and dismissed,
 * and the confirmed share of those decided either way — how much of the reviewers' time a rule is worth.
 */
@Path("/api/monitoring/v1/rule-outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "review")
@Blocking
public class RuleOutcomeResource {

    /** SQL conditions on {@code review_case r}: what reviewers confirmed (second review, or a definite violation on investigation). */
    static final String CONFIRMED = "r.second_outcome = 'CONFIRM' AND r.status <> 'DISMISSED' OR r.result_type = 'DEFINITE' AND r.fund_loss IS NOT NULL";
    /** ... and what they dismissed (at second review or on investigation). */
    static final String DISMISSED = "r.status = 'DISMISSED'";

    private final DataSource dataSource;
    private final CurrentCaller caller;

    public RuleOutcomeResource(DataSource dataSource, CurrentCaller caller) {
        this.dataSource = dataSource;
        this.caller = caller;
    }

    /** One rule and knowledge point's record. */
    public record RuleOutcome(@Schema(required = true) String ruleCode, @Schema(required = true) String knowledgePointId,
                              @Schema(required = true) long findings, @Schema(required = true) long confirmed,
                              @Schema(required = true) long dismissed, @Schema(required = true) long open,
                              @Schema(description = "confirmed / (confirmed + dismissed), 4 decimals; null before any outcome") BigDecimal confirmedShare) {
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.RULE_MANAGER, "analyst", "admin"})
    @Operation(operationId = "listRuleOutcomes", summary = "Per rule and knowledge point: findings, confirmed, dismissed, open, confirmed share")
    @APIResponse(responseCode = "200", description = "Every rule with findings in the caller's region, most findings first.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleOutcome[].class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, rule manager or analyst.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RuleOutcome> outcomes() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return outcomes(c, caller.get().scope().likePattern());
        }
    }

    /** The outcomes of the findings whose region matches {@code regionLike} (a RegionScope like-pattern). */
    public static List<RuleOutcome> outcomes(Connection c, String regionLike) throws SQLException {
        String sql = "SELECT f.rule_code, f.knowledge_point_id, count(*), "
                + "count(*) FILTER (WHERE " + CONFIRMED + "), count(*) FILTER (WHERE " + DISMISSED + "), "
                + "count(*) FILTER (WHERE r.id IS NOT NULL AND r.status NOT IN ('DISMISSED', 'DECIDED') AND r.second_outcome IS NULL "
                + "  AND NOT (r.result_type = 'DEFINITE' AND r.fund_loss IS NOT NULL)) "
                + "FROM finding f LEFT JOIN review_case r ON r.finding_id = f.id WHERE f.admdvs LIKE ? "
                + "GROUP BY f.rule_code, f.knowledge_point_id ORDER BY count(*) DESC, f.rule_code, f.knowledge_point_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, regionLike);
            List<RuleOutcome> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long confirmed = rs.getLong(4);
                    long dismissed = rs.getLong(5);
                    BigDecimal share = confirmed + dismissed == 0 ? null
                            : BigDecimal.valueOf(confirmed).divide(BigDecimal.valueOf(confirmed + dismissed), 4, RoundingMode.HALF_UP);
                    out.add(new RuleOutcome(rs.getString(1), rs.getString(2), rs.getLong(3), confirmed, dismissed, rs.getLong(6), share));
                }
            }
            return out;
        }
    }
}
