package org.fundguard.qualification.credit.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.request.NoStore;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.kit.security.Roles;
import org.fundguard.kit.upload.UploadChecker;
import org.fundguard.qualification.credit.CreditService;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Institutions' credit rating for qualification officers of the region (以上查下) — deductions with evidence, repair,
 * the yearly evaluation — and reading for auditors, analysts and admins. Not for credit readers: their one endpoint is
 * {@link CreditQueryResource}.
 */
@Path("/api/qualification/v1/credit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credit")
@NoStore
public class CreditResource {

    static final String EVIDENCE = "evidence";

    private final CreditService credit;
    private final CurrentCaller caller;
    private final UploadChecker uploads;
    private final Vertx vertx;

    public CreditResource(CreditService credit, CurrentCaller caller, UploadChecker uploads, Vertx vertx) {
        this.credit = credit;
        this.caller = caller;
        this.uploads = uploads;
        this.vertx = vertx;
    }

    @GET
    @Path("/evaluations")
    @RolesAllowed({Roles.QUALIFICATION_OFFICER, Roles.AUDITOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listCreditEvaluations", summary = "The evaluations of a year in the caller's region, lowest score first")
    @APIResponse(responseCode = "200", description = "One page of evaluations.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<CreditViews.CreditEvaluationSummaryView>> list(@QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
                                                                        @Valid @BeanParam PageRequest paging) {
        return credit.evaluations(caller.get(), year, paging).map(p -> p.map(CreditViews.CreditEvaluationSummaryView::of));
    }

    @GET
    @Path("/institutions/{fixmedins_code}/evaluations/{year}")
    @RolesAllowed({Roles.QUALIFICATION_OFFICER, Roles.AUDITOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getCreditEvaluation", summary = "An institution's evaluation of a year, indicator by indicator")
    @APIResponse(responseCode = "200", description = "The evaluation with its explanation.")
    @APIResponse(responseCode = "404", description = "No such institution in the caller's region, or not evaluated that year.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CreditViews.CreditEvaluationView> evaluation(@PathParam("fixmedins_code") String code,
                                                            @PathParam("year") @Min(2000) @Max(2100) int year) {
        return credit.evaluation(caller.get(), code, year).map(CreditViews.CreditEvaluationView::of);
    }

    @POST
    @Path("/institutions/{fixmedins_code}/evaluations/{year}")
    @RolesAllowed(Roles.QUALIFICATION_OFFICER)
    @Operation(operationId = "evaluateCredit", summary = "Evaluate (or re-evaluate) an institution's year; publishes credit.graded.v1")
    @APIResponse(responseCode = "200", description = "The evaluation with its explanation.")
    @APIResponse(responseCode = "400", description = "The year is in the future.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such institution in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CreditViews.CreditEvaluationView> evaluate(@PathParam("fixmedins_code") String code,
                                                          @PathParam("year") @Min(2000) @Max(2100) int year) {
        return credit.evaluate(caller.get(), code, year).map(CreditViews.CreditEvaluationView::of);
    }

    @GET
    @Path("/institutions/{fixmedins_code}/deductions")
    @RolesAllowed({Roles.QUALIFICATION_OFFICER, Roles.AUDITOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listCreditDeductions", summary = "An institution's deductions of a year")
    @APIResponse(responseCode = "200", description = "One page of deductions.")
    @APIResponse(responseCode = "404", description = "No such institution in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<CreditViews.CreditDeductionView>> deductions(@PathParam("fixmedins_code") String code,
                                                                      @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
                                                                      @Valid @BeanParam PageRequest paging) {
        return credit.deductions(caller.get(), code, year, paging).map(p -> p.map(CreditViews.CreditDeductionView::of));
    }

    @POST
    @Path("/institutions/{fixmedins_code}/deductions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.QUALIFICATION_OFFICER)
    @Operation(operationId = "recordCreditDeduction", summary = "Record a deduction with evidence: part `deduction` (JSON) and parts `evidence`")
    @APIResponse(responseCode = "201", description = "Recorded.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreditViews.CreditDeductionView.class)))
    @APIResponse(responseCode = "400", description = "A field or a file is invalid, or no evidence.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such institution in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<CreditViews.CreditDeductionView>> deduct(
            @PathParam("fixmedins_code") String code,
            @RestForm("deduction") @PartType(MediaType.APPLICATION_JSON) @Valid @NotNull CreditViews.CreditDeductionRequest deduction,
            @RestForm(EVIDENCE) List<FileUpload> evidence) {
        if (evidence == null || evidence.isEmpty()) {
            throw new DomainException.InvalidField(EVIDENCE, "at least one evidence file is required");
        }
        return read(evidence).map(files -> uploads.check(EVIDENCE, files))
                .chain(checked -> credit.byOfficer(caller.get(), code, deduction.toCommand(), checked))
                .map(d -> RestResponse.ResponseBuilder.<CreditViews.CreditDeductionView>created(
                        URI.create("/api/qualification/v1/credit/institutions/" + code + "/deductions?year=" + d.year))
                        .entity(CreditViews.CreditDeductionView.of(d)).build());
    }

    @POST
    @Path("/deductions/{id}/repair")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.QUALIFICATION_OFFICER)
    @Operation(operationId = "repairCreditDeduction", summary = "Repair a deduction within its deadline: its points are restored")
    @APIResponse(responseCode = "200", description = "Repaired; an evaluated year is evaluated again.")
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such deduction in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already repaired.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not repairable, or the deadline has passed (the detail names it).", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CreditViews.CreditDeductionView> repair(@PathParam("id") UUID id, @Valid @NotNull CreditViews.CreditRepairRequest body) {
        return credit.repair(caller.get(), id, body.note()).map(CreditViews.CreditDeductionView::of);
    }

    private Uni<List<UploadChecker.Upload>> read(List<FileUpload> files) {
        Uni<List<UploadChecker.Upload>> all = Uni.createFrom().item(new ArrayList<>());
        for (FileUpload f : files) {
            all = all.chain(list -> vertx.fileSystem().readFile(f.uploadedFile().toString()).map(buffer -> {
                list.add(new UploadChecker.Upload(f.fileName(), f.contentType(), buffer.getBytes()));
                return list;
            }));
        }
        return all;
    }
}
