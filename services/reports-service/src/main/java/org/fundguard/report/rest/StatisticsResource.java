package org.fundguard.report.rest;

import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.kit.security.Roles;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.report.StatisticsQueries;

import java.time.LocalDate;

/** Figures for analysts within their region: counts and sums, never a reporter. */
@Path("/api/reports/v1/statistics")
@Tag(name = "statistics")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private final StatisticsQueries statistics;
    private final CurrentCaller caller;
    private final BusinessClock clock;

    public StatisticsResource(StatisticsQueries statistics, CurrentCaller caller, BusinessClock clock) {
        this.clock = clock;
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getStatistics", summary = "Reports by month, region and status; acceptance time; rewards; recovered amounts")
    @APIResponse(responseCode = "200", description = "The figures for reports received between from and to (default: this year).", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatisticsView.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an analyst.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<StatisticsView> summary(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate today = clock.today();
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? today : to;
        if (t.isBefore(f)) {
            throw new DomainException.InvalidField("to", "must not be before from");
        }
        return statistics.summary(caller.scope(), f, t).map(StatisticsView::of);
    }
}
