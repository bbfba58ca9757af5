package org.fundguard.monitoring.review;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.monitoring.Roles;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Statistics for analysts (issue 6 §5): findings, confirmations, dismissals, decisions, recovered amounts and fines by
 * region, rule and month (the month a finding was found, China Standard Time), in the caller's region. No person, no
 * institution: counts and sums only.
 */
@Path("/api/monitoring/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "review")
@Blocking
public class StatisticsResource {

    private final DataSource dataSource;
    private final CurrentCaller caller;

    public StatisticsResource(DataSource dataSource, CurrentCaller caller) {
        this.dataSource = dataSource;
        this.caller = caller;
    }

    /** One region, rule and month. */
    public record Row(@Schema(required = true) String region, @Schema(required = true) String ruleCode,
                      @Schema(required = true, description = "YYYY-MM") String month, @Schema(required = true) long findings,
                      @Schema(required = true) long confirmed, @Schema(required = true) long dismissed,
                      @Schema(required = true) long decided, @Schema(required = true, description = "Fund loss of decided cases.") BigDecimal recovered,
                      @Schema(required = true, description = "Fines of decided cases (multiple × fund loss).") BigDecimal fines) {
    }

    /** The rows and their totals. */
    public record Statistics(@Schema(required = true) LocalDate from, @Schema(required = true) LocalDate to,
                             @Schema(required = true) List<Row> rows, @Schema(required = true) long findings,
                             @Schema(required = true) long confirmed, @Schema(required = true) long dismissed,
                             @Schema(required = true) long decided, @Schema(required = true) BigDecimal recovered,
                             @Schema(required = true) BigDecimal fines) {
    }

    @GET
    @RolesAllowed({"analyst", Roles.AUDITOR, "admin"})
    @Operation(operationId = "monitoringStatistics", summary = "Findings, confirmations, decisions, recovered amounts and fines by region, rule and month")
    @APIResponse(responseCode = "200", description = "The statistics of the caller's region.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Statistics.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an analyst or auditor.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Statistics statistics(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) throws SQLException {
        if (to.isBefore(from)) {
            throw new DomainException.InvalidField("to", "must not be before from");
        }
        String sql = "SELECT f.admdvs, f.rule_code, to_char(f.found_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*), "
                + "count(*) FILTER (WHERE " + RuleOutcomeResource.CONFIRMED + "), "
                + "count(*) FILTER (WHERE " + RuleOutcomeResource.DISMISSED + "), "
                + "count(*) FILTER (WHERE r.status = 'DECIDED'), "
                + "coalesce(sum(r.fund_loss) FILTER (WHERE r.status = 'DECIDED'), 0), "
                + "coalesce(sum(round(coalesce((r.decision -> 'decision' ->> 'fineMultiple')::numeric, 0) * r.fund_loss, 2)) "
                + "  FILTER (WHERE r.status = 'DECIDED'), 0) "
                + "FROM finding f LEFT JOIN review_case r ON r.finding_id = f.id "
                + "WHERE f.admdvs LIKE ? AND f.found_at >= ? AND f.found_at < ? "
                + "GROUP BY 1, 2, 3 ORDER BY 3, 1, 2";
        List<Row> rows = new ArrayList<>();
        long[] totals = new long[4];
        BigDecimal recovered = BigDecimal.ZERO;
        BigDecimal fines = BigDecimal.ZERO;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, caller.get().scope().likePattern());
            ps.setObject(2, from.atStartOfDay(ReviewClock.CHINA).toOffsetDateTime());
            ps.setObject(3, to.plusDays(1).atStartOfDay(ReviewClock.CHINA).toOffsetDateTime());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7), rs.getBigDecimal(8).setScale(2), rs.getBigDecimal(9).setScale(2));
                    rows.add(row);
                    totals[0] += row.findings();
                    totals[1] += row.confirmed();
                    totals[2] += row.dismissed();
                    totals[3] += row.decided();
                    recovered = recovered.add(row.recovered());
                    fines = fines.add(row.fines());
                }
            }
        }
        return new Statistics(from, to, rows, totals[0], totals[1], totals[2], totals[3], recovered, fines);
    }
}
