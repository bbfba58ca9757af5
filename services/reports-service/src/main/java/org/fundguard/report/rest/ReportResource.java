package org.fundguard.report.rest;

import org.fundguard.kit.request.NoStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.Roles;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.report.Report;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.report.ReportService;
import org.fundguard.report.ReportStatus;
import org.fundguard.report.ReporterIdentity;
import org.fundguard.report.RewardService;
import org.fundguard.kit.decision.DecisionRequest;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Staff handling of reports: thin — roles here, region rules, separation of duties and transactions in
 * {@link ReportService} and {@link RewardService}.
 */
@Path("/api/reports/v1/reports")
@NoStore
@Tag(name = "reports")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService service;
    private final RewardService rewards;
    private final CurrentCaller caller;
    private final BusinessClock clock;

    public ReportResource(ReportService service, RewardService rewards, CurrentCaller caller, BusinessClock clock) {
        this.clock = clock;
        this.service = service;
        this.rewards = rewards;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "recordStaffReport", summary = "Record a report received by phone, letter or visit")
    @APIResponse(responseCode = "201", description = "Recorded.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler, or the region is outside the caller's.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ReportView>> record(@Valid @NotNull StaffIntakeRequest body) {
        var in = new ReportService.Intake(body.channel(), body.region(),
                body.institution() == null ? null : body.institution().code(),
                body.institution() == null ? null : body.institution().name(), body.conduct(), body.occurredOn(),
                body.reporter() == null ? null : new ReporterIdentity.Identity(body.reporter().name(), body.reporter().idNumber(),
                        body.reporter().phone()), body.insider(), body.wantsReward());
        return service.intake(caller.get(), in).map(r -> RestResponse.ResponseBuilder.<ReportView>created(
                URI.create("/api/reports/v1/reports/" + r.id)).entity(view(r)).build());
    }

    @GET
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "listReports", summary = "Reports of the caller's region and below, newest first, with filters")
    @APIResponse(responseCode = "200", description = "A page of reports.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<ReportView>> list(@Valid @BeanParam PageRequest paging,
                                          @QueryParam("status") @Pattern(regexp = "RECEIVED|ACCEPTED|DECLINED|VERIFIED|UNFOUNDED|DECIDED|WITHDRAWN", message = "must be one of RECEIVED, ACCEPTED, DECLINED, VERIFIED, UNFOUNDED, DECIDED, WITHDRAWN") String status,
                                          @QueryParam("region") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative code") String region,
                                          @QueryParam("assignedTo") @Size(max = 120) String assignedTo,
                                          @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                                          @QueryParam("noticeOverdue") @DefaultValue("false") boolean noticeOverdue) {
        var filter = new ReportService.Filter(status == null ? null : ReportStatus.valueOf(status), region, assignedTo, overdue,
                noticeOverdue);
        LocalDate today = clock.today();
        return service.list(caller.scope(), filter, paging).map(p -> p.map(r -> ReportView.of(r, today)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "getReport", summary = "One report, if it is in the caller's region")
    @APIResponse(responseCode = "200", description = "The report.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView> get(UUID id) {
        return service.get(id, caller.scope()).map(this::view);
    }

    @GET
    @Path("/{id}/reporter")
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "getReporter", summary = "The identity of a real-name reporter; every view is audited")
    @APIResponse(responseCode = "200", description = "The reporter.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.Reporter.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region, or it was made anonymously.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView.Reporter> reporter(UUID id) {
        return service.reporterIdentity(caller.get(), id).map(i -> new ReportView.Reporter(i.name(), i.idNumber(), i.phone()));
    }

    @POST
    @Path("/{id}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "decideAcceptance", summary = "Accept the report, or decline it with a reason")
    @APIResponse(responseCode = "200", description = "Decided.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A decline without a reason.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView> acceptance(UUID id, @Valid @NotNull HandlingRequests.AcceptanceRequest body) {
        return service.decideAcceptance(caller.get(), id, body.decision() == HandlingRequests.AcceptanceRequest.Decision.ACCEPT, body.reason()).map(this::view);
    }

    @POST
    @Path("/{id}/notification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "recordNotice", summary = "Record that a real-name reporter without a receipt was told of the decision")
    @APIResponse(responseCode = "200", description = "Recorded.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No notice is due, or it was already given.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView> notice(UUID id, @Valid @NotNull HandlingRequests.NoticeRequest body) {
        return service.recordNotice(caller.get(), id, body.channel().name()).map(this::view);
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "assignReport", summary = "Hand an accepted report to a report handler of its region (by username)")
    @APIResponse(responseCode = "200", description = "Assigned.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or the assignee is not a user with the role report-handler whose region covers the report's.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The report is not accepted.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The directory of report handlers (Keycloak) cannot be reached; nothing was assigned. Try again after Retry-After.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView> assign(UUID id, @Valid @NotNull HandlingRequests.AssignmentRequest body) {
        return service.assign(caller.get(), id, body.handler()).map(this::view);
    }

    @POST
    @Path("/{id}/insider")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "setInsider", summary = "Set or correct whether the reporter is an insider of the reported institution, while the report is investigated")
    @APIResponse(responseCode = "200", description = "Recorded.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The report is not being investigated (not accepted, or already verified).", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView> insider(UUID id, @Valid @NotNull HandlingRequests.InsiderRequest body) {
        return service.setInsider(caller.get(), id, body.insider()).map(this::view);
    }

    @POST
    @Path("/{id}/investigation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "recordInvestigation", summary = "Record the investigation outcome: verified (with the case value) or unfounded")
    @APIResponse(responseCode = "200", description = "Recorded.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The report is not accepted.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A verified outcome without case value, or without institution when the report names none.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView> investigate(UUID id, @Valid @NotNull HandlingRequests.InvestigationRequest body) {
        var persons = DecisionRequest.persons(body.responsiblePersons());
        var c = body.rewardChecks();
        Map<String, Boolean> checks = c == null ? null : Map.of("clearTargetAndEvidence", c.clearTargetAndEvidence(),
                "factsNewToBureau", c.factsNewToBureau(), "otherLegalConditions", c.otherLegalConditions(),
                "reporterIsStaff", c.reporterIsStaff(), "reporterIsWrongdoer", c.reporterIsWrongdoer(),
                "clueObtainedIllegally", c.clueObtainedIllegally());
        var in = new ReportService.Investigation(body.outcome() == HandlingRequests.InvestigationRequest.Outcome.VERIFIED,
                body.caseValue(), body.institution() == null ? null : body.institution().code(),
                body.institution() == null ? null : body.institution().name(),
                body.targetKind() == null ? null : body.targetKind().name(), body.evidenceLevel(), persons, checks);
        return service.investigate(caller.get(), id, in).map(this::view);
    }

    @POST
    @Path("/{id}/duplicate-of")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "linkDuplicate", summary = "Link this report to the first report of the same matter")
    @APIResponse(responseCode = "200", description = "Linked.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The other report is not earlier.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView> duplicateOf(UUID id, @Valid @NotNull HandlingRequests.DuplicateRequest body) {
        return service.markDuplicate(caller.get(), id, body.reportId()).map(this::view);
    }

    @POST
    @Path("/{id}/joint-with")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "linkJoint", summary = "Link this report to the earlier report it was made jointly with (one shared reward)")
    @APIResponse(responseCode = "200", description = "Linked.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The group's reward is already approved.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The other report is not earlier, is a duplicate, or this report leads a group of its own.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView> jointWith(UUID id, @Valid @NotNull HandlingRequests.JointRequest body) {
        return service.markJoint(caller.get(), id, body.reportId()).map(this::view);
    }

    @POST
    @Path("/{id}/handling-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "decideHandling", summary = "The handling decision ending a verified report (publishes violation.decided.v1)")
    @APIResponse(responseCode = "200", description = "Decided.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The report is not verified.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReportView> decide(UUID id, @Valid @NotNull DecisionRequest body) {
        return service.decideHandling(caller.get(), id, body.checkLegalRanges()).map(this::view);
    }

    @GET
    @Path("/{id}/messages")
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "listMessages", summary = "The messages exchanged with the reporter")
    @APIResponse(responseCode = "200", description = "The messages, oldest first.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptView.MessageView[].class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ReceiptView.MessageView>> messages(UUID id) {
        return service.messages(id, caller.scope()).map(l -> l.stream().map(ReceiptView.MessageView::of).toList());
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "messageReporter", summary = "Send a message to the reporter (read with the receipt)")
    @APIResponse(responseCode = "200", description = "Sent; the messages, oldest first.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptView.MessageView[].class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The reporter has no receipt.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ReceiptView.MessageView>> message(UUID id, @Valid @NotNull MessageRequest body) {
        return service.handlerMessage(caller.get(), id, body.body()).map(l -> l.stream().map(ReceiptView.MessageView::of).toList());
    }

    @GET
    @Path("/{id}/reward")
    @RolesAllowed({Roles.REPORT_HANDLER, Roles.REWARD_APPROVER})
    @Operation(operationId = "getReward", summary = "The reward checklist, the quote step by step, and the reward")
    @APIResponse(responseCode = "200", description = "The reward assessment.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RewardView.class)))
    @APIResponse(responseCode = "403", description = "Neither a report handler nor a reward approver.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RewardView> reward(UUID id) {
        return rewards.assess(caller.get(), id).map(this::reward);
    }

    @POST
    @Path("/{id}/reward/approval")
    @RolesAllowed(Roles.REWARD_APPROVER)
    @Operation(hidden = true)
    public Uni<RewardView> approveWithoutBody(UUID id) {
        return approve(id, null);
    }

    @POST
    @Path("/{id}/reward/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REWARD_APPROVER)
    @Operation(operationId = "approveReward", summary = "Approve the quoted reward (not by the officer who verified the report)")
    @APIResponse(responseCode = "200", description = "Approved; the reporter is told.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RewardView.class)))
    @APIResponse(responseCode = "403", description = "Not a reward approver, or the verifier of this report.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already approved, or no handling decision yet.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "The shares of a joint report's reward are missing or do not add up.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The checklist is not met.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RewardView> approve(UUID id, @Valid @RequestBody(required = false, description = "Only for a joint report: the agreed shares.")
                                   HandlingRequests.ApprovalRequest body) {
        List<RewardService.Share> shares = body == null || body.shares() == null ? null
                : body.shares().stream().map(x -> new RewardService.Share(x.reportId(), x.amount())).toList();
        return rewards.approve(caller.get(), id, shares).map(this::reward);
    }

    @POST
    @Path("/{id}/reward/claim")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORT_HANDLER)
    @Operation(operationId = "claimRewardInPerson", summary = "Record the in-person claim of a reporter without a receipt (identity document checked)")
    @APIResponse(responseCode = "200", description = "Claimed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RewardView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The identity is not the one the report was made under (name and ID number).", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a report handler.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The report has a receipt, or no reward to claim (none approved, already claimed, or the window closed).", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RewardView> claimInPerson(UUID id, @Valid @NotNull PublicReportRequest.ReporterRequest identity) {
        return rewards.claimInPerson(caller.get(), id,
                new ReporterIdentity.Identity(identity.name(), identity.idNumber(), identity.phone())).map(this::reward);
    }

    @POST
    @Path("/{id}/reward/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REWARD_APPROVER)
    @Operation(operationId = "payReward", summary = "Record the payment of a claimed reward")
    @APIResponse(responseCode = "200", description = "Paid.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RewardView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a reward approver.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The reward is not claimed.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RewardView> pay(UUID id, @Valid @NotNull HandlingRequests.PaymentRequest body) {
        return rewards.pay(caller.get(), id, body.paymentRef()).map(this::reward);
    }

    @POST
    @Path("/{id}/reward/clawback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REWARD_APPROVER)
    @Operation(operationId = "clawBackReward", summary = "Recover a paid reward obtained by fraud")
    @APIResponse(responseCode = "200", description = "Clawed back.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RewardView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a reward approver.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The reward is not paid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RewardView> clawBack(UUID id, @Valid @NotNull HandlingRequests.ClawbackRequest body) {
        return rewards.clawBack(caller.get(), id, body.reason()).map(this::reward);
    }

    private ReportView view(Report r) {
        return ReportView.of(r, clock.today());
    }

    private RewardView reward(RewardService.Assessment a) {
        return RewardView.of(a, clock.today());
    }
}
