package org.fundguard.monitoring.review.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
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
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.kit.security.Roles;
import org.fundguard.monitoring.review.ReviewService;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
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

    private final ReviewService service;
    private final CurrentCaller caller;

    public StatisticsResource(ReviewService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** One region, rule and month. */
    @Schema(name = "Row")
    public record RowView(@Schema(required = true) String region, @Schema(required = true) String ruleCode,
                          @Schema(required = true, description = "YYYY-MM") String month, @Schema(required = true) long findings,
                          @Schema(required = true) long confirmed, @Schema(required = true) long dismissed,
                          @Schema(required = true) long decided, @Schema(required = true, description = "Fund loss of decided cases.") BigDecimal recovered,
                          @Schema(required = true, description = "Fines of decided cases (multiple × fund loss).") BigDecimal fines) {
    }

    /** The rows and their totals. */
    @Schema(name = "Statistics")
    public record StatisticsView(@Schema(description = "Findings found from this day (with to), China Standard Time.") LocalDate from,
                                 LocalDate to,
                                 @Schema(description = "Claims settled (setl_time) from this day (with claimPeriodTo); the rows' month is then the settlement's.")
                                 LocalDate claimPeriodFrom, LocalDate claimPeriodTo,
                                 @Schema(required = true) List<RowView> rows, @Schema(required = true) long findings,
                                 @Schema(required = true) long confirmed, @Schema(required = true) long dismissed,
                                 @Schema(required = true) long decided, @Schema(required = true) BigDecimal recovered,
                                 @Schema(required = true) BigDecimal fines) {

        static StatisticsView of(LocalDate from, LocalDate to, LocalDate claimFrom, LocalDate claimTo, List<ReviewService.MonthFigures> figures) {
            List<RowView> rows = figures.stream().map(f -> new RowView(f.region(), f.ruleCode(), f.month(), f.findings(), f.confirmed(),
                    f.dismissed(), f.decided(), f.recovered(), f.fines())).toList();
            return new StatisticsView(from, to, claimFrom, claimTo, rows, rows.stream().mapToLong(RowView::findings).sum(),
                    rows.stream().mapToLong(RowView::confirmed).sum(), rows.stream().mapToLong(RowView::dismissed).sum(),
                    rows.stream().mapToLong(RowView::decided).sum(),
                    rows.stream().map(RowView::recovered).reduce(BigDecimal.ZERO, BigDecimal::add),
                    rows.stream().map(RowView::fines).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "monitoringStatistics", summary = "Findings, confirmations, decisions, recovered amounts and fines by region, rule and month, by when found or by the claims' settlement period")
    @APIResponse(responseCode = "200", description = "The statistics of the caller's region.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatisticsView.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an analyst or auditor.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatisticsView statistics(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                     @QueryParam("claimPeriodFrom") LocalDate claimPeriodFrom,
                                     @QueryParam("claimPeriodTo") LocalDate claimPeriodTo) throws SQLException {
        return StatisticsView.of(from, to, claimPeriodFrom, claimPeriodTo,
                service.statistics(caller.get(), from, to, claimPeriodFrom, claimPeriodTo));
    }
}
