package org.fundguard.monitoring.screening.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.kit.security.Roles;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.monitoring.screening.ScreeningService;
import org.fundguard.monitoring.ingest.IngestOptions;
import org.fundguard.monitoring.ingest.JsonLinesIngest;
import org.fundguard.monitoring.ingest.RowError;
import org.fundguard.monitoring.ingest.WarehouseCsvIngest;
import org.fundguard.monitoring.ingest.WarehouseFiles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Batch screening (事后监管): claims loaded in the national dialects, screening jobs, findings. Region-scoped. */
@Path("/api/monitoring/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "screening")
@Blocking
public class ScreeningResource {

    private final ScreeningService service;
    private final CurrentCaller caller;

    public ScreeningResource(ScreeningService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** What a claims load did. */
    public record LoadView(@Schema(required = true) String loadId, @Schema(required = true) long rowsRead,
                           @Schema(required = true) long rowsRejected, @Schema(required = true) long rowsInvalidated,
                           @Schema(required = true) long visitsStored, @Schema(required = true) long linesStored,
                           @Schema(required = true, description = "Visits of regions outside the caller's, not stored.") long outsideRegion,
                           @Schema(required = true, description = "Visits whose mdtrt_id is a stored visit of a region outside the caller's: not stored, that visit unchanged; each is listed in errors (field mdtrt_id).") long otherRegionClashes,
                           @Schema(required = true) List<RowErrorView> errors,
                           @Schema(required = true, description = "More bad rows than listed.") boolean errorsTruncated,
                           @Schema(required = true, description = "Problems with a whole file (a missing column, an order it cannot read): then nothing of it is stored.") List<RowErrorView> fileErrors) {
        static LoadView of(ScreeningService.LoadResult r) {
            var i = r.ingest();
            List<RowErrorView> errors = java.util.stream.Stream.concat(i.errors().stream(), r.clashes().stream())
                    .map(RowErrorView::of).toList();
            return new LoadView(r.loadId().toString(), i.rowsRead(), i.rowsRejected(), i.rowsInvalidated(), r.visitsStored(),
                    r.linesStored(), r.outsideRegion(), r.clashCount(), errors,
                    i.errorsTruncated() || r.clashCount() > r.clashes().size(),
                    i.fileErrors().stream().map(f -> new RowErrorView(f.file(), f.line(), null, f.reason())).toList());
        }
    }

    /** One rejected row: file, line, field and why. */
    public record RowErrorView(@Schema(required = true) String file, @Schema(required = true) long line, String field,
                               @Schema(required = true) String reason) {
        static RowErrorView of(RowError e) {
            return new RowErrorView(e.file(), e.line(), e.field(), e.reason());
        }
    }

    /** A screening job over a region and period. */
    public record JobRequest(
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative code") String region,
            @NotNull LocalDate from, @NotNull LocalDate to,
            @Schema(description = "The rule-set version to screen with (the knowledge base as it was after that change); default the one in use.")
            @Min(1) Integer ruleSetVersion) {
    }

    /** A screening job and its progress. */
    @Schema(name = "Job")
    public record JobView(UUID id, String region, LocalDate from, LocalDate to, String ruleSetVersion, String status,
                          long claims, long lines, long hits, long newFindings, String startedBy, OffsetDateTime startedAt,
                          OffsetDateTime finishedAt, String error) {
        static JobView of(ScreeningService.Job j) {
            return new JobView(j.id(), j.region(), j.from(), j.to(), j.ruleSetVersion(), j.status(), j.claims(), j.lines(), j.hits(),
                    j.newFindings(), j.startedBy(), j.startedAt(), j.finishedAt(), j.error());
        }
    }

    /** A finding: a rule's hit on a visit's fee lines, kept once however often it is found. */
    @Schema(name = "Finding")
    public record FindingView(UUID id, String ruleCode, String knowledgePointId, int knowledgePointVersion, String resultType,
                              int sevDeg, String mdtrtId, String psnNo, String admdvs, String fixmedinsCode, List<String> feedetlSns,
                              BigDecimal amount, String reason, List<String> relatedMdtrtIds, String ruleSetVersion,
                              UUID jobId, OffsetDateTime foundAt, String status) {
        static FindingView of(ScreeningService.Finding f) {
            return new FindingView(f.id(), f.ruleCode(), f.knowledgePointId(), f.knowledgePointVersion(), f.resultType(), f.sevDeg(),
                    f.mdtrtId(), f.psnNo(), f.admdvs(), f.fixmedinsCode(), f.feedetlSns(), f.amount(), f.reason(),
                    f.relatedMdtrtIds(), f.ruleSetVersion(), f.jobId(), f.foundAt(), f.status());
        }
    }

    @POST
    @Path("/claims/imports")
    @Consumes("application/x-ndjson")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "loadClaimsJsonLines", summary = "Load claims in the interface dialect (JSON lines, one visit per line)")
    @APIResponse(responseCode = "200", description = "Loaded; bad rows listed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoadView.class)))
    @APIResponse(responseCode = "400", description = "The source name is too long.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LoadView loadJsonLines(@QueryParam("source") @Size(max = 200) String source, InputStream body) throws SQLException, IOException {
        // row errors name the file as the caller named it, else "upload"
        String name = source == null || source.isBlank() ? "upload" : source;
        return LoadView.of(service.load(caller.get(), new JsonLinesIngest(IngestOptions.defaults()).stream(body, name), source));
    }

    @POST
    @Path("/claims/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "loadClaimsWarehouse", summary = "Load claims in the warehouse dialect (mdtrt_d, setl_d, fee_list_d as CSV parts)")
    @APIResponse(responseCode = "200", description = "Loaded; bad rows listed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoadView.class)))
    @APIResponse(responseCode = "400", description = "A part is missing, or a part lacks a required column (the problem names the part and the column); nothing stored.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LoadView loadWarehouse(@QueryParam("source") @Size(max = 200) String source,
                                  @RestForm("mdtrt_d") FileUpload mdtrt, @RestForm("setl_d") FileUpload setl,
                                  @RestForm("fee_list_d") FileUpload fees) throws SQLException, IOException {
        for (var part : List.of(new Object[]{"mdtrt_d", mdtrt}, new Object[]{"setl_d", setl}, new Object[]{"fee_list_d", fees})) {
            if (part[1] == null) {
                throw new org.fundguard.kit.problem.DomainException.InvalidField((String) part[0], "the CSV file part is required");
            }
        }
        // errors name the part, never the temporary file the upload was buffered in
        WarehouseFiles files = new WarehouseFiles(WarehouseFiles.Source.of("mdtrt_d", mdtrt.uploadedFile()),
                WarehouseFiles.Source.of("setl_d", setl.uploadedFile()), WarehouseFiles.Source.of("fee_list_d", fees.uploadedFile()));
        return LoadView.of(service.load(caller.get(), new WarehouseCsvIngest(IngestOptions.defaults()).stream(files), source));
    }

    @POST
    @Path("/screenings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "startScreening", summary = "Screen a region's stored claims of a period with the rule set in use, in the background")
    @APIResponse(responseCode = "202", description = "Started; follow its progress.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, or a region outside the caller's.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<JobView> start(@Valid @NotNull JobRequest body) throws SQLException {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED,
                JobView.of(service.start(caller.get(), body.region(), body.from(), body.to(), body.ruleSetVersion()))).build();
    }

    @GET
    @Path("/screenings/{id}")
    @RolesAllowed({Roles.AUDITOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getScreening", summary = "A screening job and its progress")
    @APIResponse(responseCode = "200", description = "The job.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor or analyst.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JobView get(UUID id) throws SQLException {
        return JobView.of(service.get(caller.get(), id));
    }

    @GET
    @Path("/findings")
    @RolesAllowed({Roles.AUDITOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listFindings", summary = "Findings in the caller's region, newest first; optionally by the job that found them first, visit, institution and rule")
    @APIResponse(responseCode = "200", description = "A page of findings.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor or analyst.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<FindingView> findings(@QueryParam("jobId") UUID jobId,
                                          @QueryParam("mdtrtId") @Size(min = 1, max = 64) String mdtrtId,
                                          @QueryParam("fixmedinsCode") @Size(min = 1, max = 30) String fixmedinsCode,
                                          @QueryParam("ruleCode") @Size(min = 1, max = 30) String ruleCode,
                                          @Valid @BeanParam PageRequest paging) throws SQLException {
        return service.findings(caller.get(), new ScreeningService.FindingFilter(jobId, mdtrtId, fixmedinsCode, ruleCode), paging)
                .map(FindingView::of);
    }

    @GET
    @Path("/screenings")
    @RolesAllowed({Roles.AUDITOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listScreenings", summary = "Screening jobs of the caller's region, newest first")
    @APIResponse(responseCode = "200", description = "A page of jobs.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor or analyst.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<JobView> jobs(@Valid @BeanParam PageRequest paging) throws SQLException {
        return service.jobs(caller.get(), paging).map(JobView::of);
    }
}
