package org.fundguard.monitoring.rest;

import io.smallrye.mutiny.Uni;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.monitoring.KnowledgeService;
import org.fundguard.kit.security.Roles;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.monitoring.RuleSetHolder;
import org.fundguard.monitoring.StoredKnowledgePoint;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.UUID;

/**
 * The knowledge base (知识库): imports, points and their versions, the rule set in use. Thin: roles here, region scoping
 * and versions in {@link KnowledgeService}; after a change the new rule set is swapped in before the answer.
 */
@Path("/api/monitoring/v1")
@Tag(name = "knowledge")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeResource {

    private final KnowledgeService service;
    private final RuleSetHolder rules;
    private final CurrentCaller caller;

    public KnowledgeResource(KnowledgeService service, RuleSetHolder rules, CurrentCaller caller) {
        this.service = service;
        this.rules = rules;
        this.caller = caller;
    }

    @POST
    @Path("/knowledge/imports")
    @Consumes("text/csv")
    @RolesAllowed(Roles.RULE_MANAGER)
    @Operation(operationId = "importKnowledge", summary = "Import knowledge points from a CSV or JSON file; good rows kept, bad rows listed")
    @APIResponse(responseCode = "200", description = "The per-row report; the good rows are stored as one rule-set version, in use unless enable=false (staged for back-testing).", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReportView.class)))
    @APIResponse(responseCode = "400", description = "The file as a whole cannot be imported (unknown or missing column, empty); nothing stored.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a rule manager.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportReportView> importCsv(@QueryParam("source") @Size(max = 200) String source,
                                           @QueryParam("enable") @DefaultValue("true") boolean enable, @NotNull String body) {
        return importFile(KnowledgeService.Format.CSV, source, enable, body);
    }

    @POST
    @Path("/knowledge/imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RULE_MANAGER)
    @Operation(operationId = "importKnowledge", summary = "Import knowledge points from a CSV or JSON file; good rows kept, bad rows listed")
    @APIResponse(responseCode = "200", description = "The per-row report; the good rows are stored as one rule-set version, in use unless enable=false (staged for back-testing).", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReportView.class)))
    @APIResponse(responseCode = "400", description = "The file as a whole cannot be imported (not JSON, not an array of points); nothing stored.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a rule manager.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportReportView> importJson(@QueryParam("source") @Size(max = 200) String source,
                                            @QueryParam("enable") @DefaultValue("true") boolean enable, @NotNull String body) {
        return importFile(KnowledgeService.Format.JSON, source, enable, body);
    }

    private Uni<ImportReportView> importFile(KnowledgeService.Format format, String source, boolean enable, String body) {
        return service.importFile(caller.get(), format, body, source == null || source.isBlank() ? "upload" : source, enable)
                .call(o -> o.ruleSetVersion() == null ? Uni.createFrom().voidItem() : rules.refresh())
                .map(ImportReportView::of);
    }

    @GET
    @Path("/knowledge/points")
    @RolesAllowed({Roles.RULE_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "listKnowledgePoints", summary = "Latest versions of the knowledge points that apply in or below the caller's region")
    @APIResponse(responseCode = "200", description = "A page of knowledge points.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a rule manager or auditor.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<KnowledgePointView>> list(@Valid @BeanParam PageRequest paging,
                                             @QueryParam("ruleClass") @Size(max = 30) String ruleClass,
                                             @QueryParam("kpId") @Size(max = 64) String kpId,
                                             @QueryParam("scope") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative code") String scope) {
        return service.list(caller.get(), ruleClass, kpId, scope, paging).map(p -> p.map(s -> KnowledgePointView.of(s, service.point(s), true)));
    }

    @GET
    @Path("/knowledge/points/{id}")
    @RolesAllowed({Roles.RULE_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "getKnowledgePoint", summary = "One version of a knowledge point, if it applies in or below the caller's region")
    @APIResponse(responseCode = "200", description = "The knowledge point.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KnowledgePointView.class)))
    @APIResponse(responseCode = "403", description = "Not a rule manager or auditor.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such knowledge point in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<KnowledgePointView> get(UUID id) {
        return service.get(caller.get(), id).chain(p -> service.latest(p)
                .map(latest -> KnowledgePointView.of(p, service.point(p), latest == p.version)));
    }

    @POST
    @Path("/knowledge/points/{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RULE_MANAGER)
    @Operation(operationId = "editKnowledgePoint", summary = "Edit a knowledge point: its next version, in use for the next check")
    @APIResponse(responseCode = "201", description = "The new version, stored and in use.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KnowledgePointView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid for the point's rule class.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a rule manager, or the point's scope is not one the caller manages.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such knowledge point in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not the latest version: someone edited it meanwhile.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<KnowledgePointView>> edit(UUID id, @Valid @NotNull KnowledgePointEdit body) {
        var edit = new KnowledgeService.Edit(body.effFrom(), body.effTo(), Boolean.TRUE.equals(body.clearEffTo()), body.codes(),
                body.name(), body.evidence(), body.enabled(), body.sevDeg(), Boolean.TRUE.equals(body.clearSevDeg()), body.params());
        return service.edit(caller.get(), id, edit)
                .call(rules::refresh)
                .map(p -> RestResponse.ResponseBuilder.<KnowledgePointView>created(URI.create("/api/monitoring/v1/knowledge/points/" + p.id))
                        .entity(KnowledgePointView.of(p, service.point(p), true)).build());
    }

    @GET
    @Path("/rule-set")
    @RolesAllowed({Roles.RULE_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "getRuleSet", summary = "The rule set checks use right now")
    @APIResponse(responseCode = "200", description = "Its version and size.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetView.class)))
    @APIResponse(responseCode = "403", description = "Not a rule manager or auditor.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RuleSetView ruleSet() {
        RuleSetHolder.Compiled c = rules.current();
        return new RuleSetView(c.version(), c.rules().knowledge().size(), c.rules().codeCount(),
                c.rules().enabled().stream().map(rc -> rc.code()).sorted().toList());
    }
}
