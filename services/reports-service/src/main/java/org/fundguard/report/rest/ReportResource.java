package org.fundguard.report.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.report.ReportService;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.UUID;

/** Staff handling of reports: thin — roles here, region rules and transactions in {@link ReportService}. */
@Path("/api/reports/v1/reports")
@Tag(name = "reports")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService service;
    private final CurrentCaller caller;

    public ReportResource(ReportService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("report-handler")
    @Operation(operationId = "recordStaffReport", summary = "Record a report received by phone, letter or visit")
    @APIResponse(responseCode = "201", description = "Recorded.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler, or the region is outside the caller's.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ReportView>> record(@Valid @NotNull StaffIntakeRequest body) {
        var in = new ReportService.Intake(body.channel(), body.region(),
                body.institution() == null ? null : body.institution().code(),
                body.institution() == null ? null : body.institution().name(), body.conduct(), body.occurredOn());
        return service.intake(caller.get(), in).map(r -> RestResponse.ResponseBuilder.<ReportView>created(
                URI.create("/api/reports/v1/reports/" + r.id)).entity(ReportView.of(r)).build());
    }

    @GET
    @RolesAllowed("report-handler")
    @Operation(operationId = "listReports", summary = "Reports of the caller's region and below, newest first")
    @APIResponse(responseCode = "200", description = "A page of reports.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.Page.class)))
    @APIResponse(responseCode = "400", description = "A paging parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView.Page> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(caller.scope(), page, size).map(p -> new ReportView.Page(
                p.items().stream().map(ReportView::of).toList(), page, size, p.total(), (int) ((p.total() + size - 1) / size)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("report-handler")
    @Operation(operationId = "getReport", summary = "One report, if it is in the caller's region")
    @APIResponse(responseCode = "200", description = "The report.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView> get(UUID id) {
        return service.get(id, caller.scope()).map(ReportView::of);
    }
}
