package org.fundguard.monitoring.review.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import org.fundguard.kit.decision.DecisionRequest;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.kit.upload.UploadChecker;
import org.fundguard.kit.upload.UploadLimits;
import org.fundguard.kit.security.Roles;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.fundguard.kit.privacy.Masking;
import org.fundguard.monitoring.review.ReviewCase;
import org.fundguard.monitoring.review.ReviewDocument;
import org.fundguard.monitoring.screening.ScreeningService;
import org.fundguard.monitoring.review.ReviewReminder;
import org.fundguard.monitoring.review.ReviewService;
import org.fundguard.monitoring.review.ReviewStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The review of findings for auditors, and the appeal and statement for the institution's own system. */
@Path("/api/monitoring/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "review")
public class ReviewResource {

    static final int MAX_DOCUMENTS = 5;
    static final int MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
    /** An appeal's documents: at most 5 of 2 MiB each, 10 MiB in all. */
    static final UploadLimits DOCUMENT_LIMITS = new UploadLimits(MAX_DOCUMENT_BYTES, MAX_DOCUMENTS, 5L * MAX_DOCUMENT_BYTES);

    private final ReviewService service;
    private final CurrentCaller caller;
    private final BusinessClock clock;
    private final ObjectMapper json;
    private final UploadChecker uploads;
    private final ScreeningService screening;

    public ReviewResource(ReviewService service, CurrentCaller caller, BusinessClock clock, ObjectMapper json, UploadChecker uploads,
                          ScreeningService screening) {
        this.uploads = uploads;
        this.screening = screening;
        this.service = service;
        this.caller = caller;
        this.clock = clock;
        this.json = json;
    }

    /** A review case as auditors see it; the case itself ({@code GET /reviews/{id}}) also shows the finding and its visit. */
    public record ReviewView(@Schema(required = true) UUID id, @Schema(required = true) UUID findingId,
                             @Schema(required = true) String admdvs, @Schema(required = true) String fixmedinsCode,
                             @Schema(required = true) String ruleCode, @Schema(required = true) String knowledgePointId,
                             @Schema(required = true, enumeration = {"DEFINITE", "SUSPECT"}) String resultType,
                             @Schema(required = true) BigDecimal amount, @Schema(required = true) ReviewStatus status,
                             LocalDate stepDue, @Schema(required = true, description = "A staff step past its deadline.") boolean overdue,
                             String assignee, String firstReviewer, String firstOutcome, String firstReason, String secondReviewer,
                             String secondOutcome, String secondReason, String appealText, List<DocumentView> appealDocuments,
                             OffsetDateTime appealedAt, String investigator, String investigationNote, String appealAnswer, BigDecimal fundLoss,
                             DraftView decision, @Schema(description = "1 for the first draft, +1 for each correction.") int draftRevision,
                             String statementText, OffsetDateTime statementAt, UUID decisionId,
                             String decidedBy, OffsetDateTime decidedAt, String closedReason, @Schema(required = true) OffsetDateTime createdAt,
                             @Schema(description = "The rule's hit: only on the case itself, not in lists.") FindingDetailView finding,
                             @Schema(description = "The visit as stored, with the fee lines involved: only on the case itself; null once the claim is no longer stored.") VisitView visit) {
    }

    /** What the rule found: its reason, basis and the fee lines involved. */
    @Schema(name = "ReviewFinding")
    public record FindingDetailView(@Schema(required = true) String mdtrtId, @Schema(required = true) String reason, String evidence,
                                    @Schema(required = true) int sevDeg, @Schema(required = true) int knowledgePointVersion,
                                    @Schema(required = true) List<String> feedetlSns, @Schema(required = true) List<String> relatedMdtrtIds,
                                    @Schema(required = true) String ruleSetVersion, @Schema(required = true) UUID jobId,
                                    @Schema(required = true) OffsetDateTime foundAt) {
    }

    /** The visit: its patient, masked as the caller's role allows, and the fee lines the finding names. */
    @Schema(name = "ReviewVisit")
    public record VisitView(@Schema(required = true) String mdtrtId, String medType, String insutype, java.time.LocalDateTime begntime,
                            java.time.LocalDateTime endtime, java.time.LocalDateTime settledAt, @Schema(required = true) PatientView patient,
                            @Schema(required = true) List<FeeLineView> feeLines) {
    }

    /** The patient: 人员编号 and birth date in full for auditors, masked for everyone else (脱敏). */
    @Schema(name = "ReviewPatient")
    public record PatientView(@Schema(description = "人员编号 psn_no; only its last 4 characters unless the caller is an auditor of the case.") String psnNo,
                              @Schema(required = true) boolean masked, String gend,
                              @Schema(description = "YYYY-MM-DD for auditors, YYYY otherwise.") String brdy) {
    }

    /** A fee line the finding names. */
    @Schema(name = "ReviewFeeLine")
    public record FeeLineView(@Schema(required = true) String feedetlSn, String hilistCode, String hilistName, String listType,
                              BigDecimal cnt, BigDecimal pric, BigDecimal amount, java.time.LocalDateTime feeOcurTime, String bilgDrCodg) {
    }

    /** A document sent with the appeal; its content at {@code …/documents/{documentId}}. */
    @Schema(name = "ReviewDocument")
    public record DocumentView(@Schema(required = true) UUID id, @Schema(required = true) String name,
                               @Schema(required = true) String mediaType, @Schema(required = true) long sizeBytes,
                               @Schema(required = true) String sha256) {
    }

    /** A review case as the institution sees it: what it is asked to answer, no reviewer names, no internal notes. */
    public record InstitutionReviewView(@Schema(required = true) UUID id, @Schema(required = true) String ruleCode,
                                        @Schema(required = true) String knowledgePointId, @Schema(required = true) BigDecimal amount,
                                        @Schema(required = true) ReviewStatus status, LocalDate stepDue, BigDecimal fundLoss,
                                        DraftView decision,
                                        @Schema(description = "The draft's fine: its multiple × the fund loss, in yuan.") BigDecimal fineAmount,
                                        int draftRevision, OffsetDateTime appealedAt,
                                        @Schema(description = "Why the appeal did not hold, once investigated.") String appealAnswer,
                                        List<DocumentView> appealDocuments, OffsetDateTime statementAt, OffsetDateTime decidedAt,
                                        @Schema(description = "The visit concerned (就诊ID).") String mdtrtId,
                                        java.time.LocalDateTime visitBegntime,
                                        @Schema(description = "What the rule found.") String reason) {
    }

    /** A drafted handling decision as stored with the case. */
    @Schema(name = "Draft")
    public record DraftView(DecisionRequest decision, String institutionName, List<DecisionRequest.ResponsiblePerson> responsiblePersons) {
        static DraftView of(ReviewService.Draft d) {
            return d == null ? null : new DraftView(d.decision(), d.institutionName(), d.responsiblePersons());
        }
    }

    public record AssignmentRequest(@NotBlank @Size(max = 120) String assignee) {
    }

    public record ReviewRequest(@NotNull ReviewService.Outcome outcome, @NotBlank @Size(max = 500) String reason,
                                @Schema(description = "Second review only: a dismissal also leaves out this rule and knowledge point's hits at this institution in later runs.")
                                Boolean suppressSimilar) {
    }

    public record InvestigationRequest(@NotNull ReviewService.Outcome outcome,
                                       @DecimalMin("0.00") @Digits(integer = 14, fraction = 2) BigDecimal fundLoss,
                                       @NotBlank @Size(max = 4000) String note,
                                       @Schema(description = "After an appeal, confirmed: why the appeal does not hold, as the institution is told (required then).")
                                       @Size(max = 2000) String appealAnswer) {
    }

    public record DraftRequest(@NotNull @Valid DecisionRequest decision, @NotBlank @Size(max = 200) String institutionName,
                               @Valid List<DecisionRequest.@NotNull ResponsiblePerson> responsiblePersons) {
        ReviewService.Draft draft() {
            return new ReviewService.Draft(decision, institutionName, responsiblePersons == null ? List.of() : responsiblePersons);
        }
    }

    public record FinalRequest(@Schema(description = "A revised decision after hearing the statement; else the draft.") @Valid DraftRequest revised) {
    }

    public record DocumentRequest(@NotBlank @Size(max = 200) String name,
                                  @NotNull @Pattern(regexp = "application/pdf|image/jpeg|image/png", message = "must be application/pdf, image/jpeg or image/png") String mediaType,
                                  @NotBlank @Schema(description = "The file, base64; at most 2 MiB.") String contentBase64) {
    }

    public record AppealRequest(@NotBlank @Size(max = 4000) String statement,
                                @Valid @Size(max = MAX_DOCUMENTS) List<@NotNull DocumentRequest> documents) {
    }

    public record StatementRequest(@NotBlank @Size(max = 4000) String statement) {
    }

    @GET
    @Path("/reviews")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listReviews", summary = "Review cases in the caller's region; overdue=true lists staff steps past their deadline, oldest first")
    @APIResponse(responseCode = "200", description = "A page of cases.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<ReviewView>> list(@QueryParam("status") @Pattern(regexp = "FIRST_REVIEW|SECOND_REVIEW|APPEAL_OPEN|INVESTIGATION|DECISION|STATEMENT|DECIDED|DISMISSED",
                                        message = "must be one of FIRST_REVIEW, SECOND_REVIEW, APPEAL_OPEN, INVESTIGATION, DECISION, STATEMENT, DECIDED, DISMISSED") String status,
                                @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                                @QueryParam("assignee") @Size(max = 120) String assignee,
                                @Valid @BeanParam PageRequest paging) {
        return service.list(caller.get(), status == null ? null : ReviewStatus.valueOf(status), overdue, assignee, paging)
                .map(l -> l.map(this::view));
    }

    /** A reminder of a staff step. */
    public record ReminderView(@Schema(required = true) UUID caseId, @Schema(required = true) String status,
                               @Schema(required = true) LocalDate stepDue,
                               @Schema(required = true, enumeration = {"DUE_SOON", "OVERDUE"}) String kind,
                               @Schema(required = true) OffsetDateTime createdAt) {
    }

    @GET
    @Path("/reviews/reminders")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "listReviewReminders", summary = "Reminders of steps coming due or overdue, for cases assigned to the caller or to nobody")
    @APIResponse(responseCode = "200", description = "A page of reminders, newest first.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<ReminderView>> reminders(@Valid @BeanParam PageRequest paging) {
        return service.reminders(caller.get(), paging).map(l -> l.map(ReviewResource::reminderView));
    }

    private static ReminderView reminderView(ReviewReminder m) {
        return new ReminderView(m.caseId, m.status, m.stepDue, m.kind, m.createdAt);
    }

    @GET
    @Path("/reviews/{id}")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "getReview", summary = "A review case with every step taken")
    @APIResponse(responseCode = "200", description = "The case.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReviewView> get(UUID id) {
        var who = caller.get();
        return service.get(who, id).chain(c -> Uni.createFrom().item(() -> detail(c.findingId))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(d -> withDetail(view(c), d, who.hasRole(Roles.AUDITOR))));
    }

    @GET
    @Path("/reviews/{id}/documents/{documentId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "getReviewDocument", summary = "A document of the institution's appeal, for auditors of the case's region")
    @APIResponse(responseCode = "200", description = "The file as sent; never cached, always an attachment.", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "403", description = "Not an auditor.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's region, or no such document of it.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<jakarta.ws.rs.core.Response> document(UUID id, UUID documentId) {
        return service.document(caller.get(), id, documentId).map(ReviewResource::download);
    }

    @GET
    @Path("/institution/reviews/{id}")
    @RolesAllowed(Roles.HIS_SYSTEM)
    @Operation(operationId = "getInstitutionReview", summary = "A case of the caller's institution: the visit, the reason, the amount, the draft decision and its fine, the answer to its appeal")
    @APIResponse(responseCode = "200", description = "The case.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionReviewView.class)))
    @APIResponse(responseCode = "403", description = "Not a hospital system.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case of the caller's institution.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InstitutionReviewView> ofInstitution(UUID id) {
        return service.ofOwn(caller.get(), id).chain(c -> institutionViews(List.of(c))).map(l -> l.get(0));
    }

    @GET
    @Path("/institution/reviews/{id}/documents/{documentId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", Problem.MEDIA_TYPE})
    @RolesAllowed(Roles.HIS_SYSTEM)
    @Operation(operationId = "getInstitutionReviewDocument", summary = "A document the caller's institution sent with its appeal")
    @APIResponse(responseCode = "200", description = "The file as sent; never cached, always an attachment.", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "403", description = "Not a hospital system.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case of the caller's institution, or no such document of it.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<jakarta.ws.rs.core.Response> institutionDocument(UUID id, UUID documentId) {
        return service.institutionDocument(caller.get(), id, documentId).map(ReviewResource::download);
    }

    /**
     * The file as stored: its checked media type, never cached ({@code no-store}), never sniffed, always an attachment
     * whose name is plain ASCII in {@code filename} (anything else replaced by {@code _}) and the shown name in
     * {@code filename*} (RFC 6266 / 8187, percent-encoded UTF-8), so no name can break the header.
     */
    static jakarta.ws.rs.core.Response download(ReviewDocument d) {
        return jakarta.ws.rs.core.Response.ok(d.content, d.mediaType)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", contentDisposition(d.name))
                .build();
    }

    static String contentDisposition(String name) {
        String shown = name == null || name.isBlank() ? "document" : name;
        StringBuilder ascii = new StringBuilder();
        shown.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != ';' && cp != '%'
                ? (char) cp : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : shown.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int v = b & 0xff;
            boolean attrChar = v >= 'a' && v <= 'z' || v >= 'A' && v <= 'Z' || v >= '0' && v <= '9' || "!#$&+-.^_`|~".indexOf(v) >= 0;
            encoded.append(attrChar ? String.valueOf((char) v) : String.format("%%%02X", v));
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    @POST
    @Path("/reviews/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "assignReview", summary = "Assign or reassign the case to an auditor")
    @APIResponse(responseCode = "200", description = "Done.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid or outside its legal range.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, or the same auditor for both reviews.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The case is not at this step, or a period has not ended.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReviewView> assign(UUID id, @Valid @NotNull AssignmentRequest body) {
        return service.assign(caller.get(), id, body.assignee()).map(this::view);
    }

    @POST
    @Path("/reviews/{id}/first-review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "firstReview", summary = "初审: confirm or dismiss, with the reason; the case goes to second review")
    @APIResponse(responseCode = "200", description = "Done.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid or outside its legal range.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, or the same auditor for both reviews.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The case is not at this step, or a period has not ended.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReviewView> firstReview(UUID id, @Valid @NotNull ReviewRequest body) {
        return service.firstReview(caller.get(), id, body.outcome(), body.reason()).map(this::view);
    }

    @POST
    @Path("/reviews/{id}/second-review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "secondReview", summary = "复审 by another auditor than the first (403 otherwise): confirm (the institution may appeal) or dismiss")
    @APIResponse(responseCode = "200", description = "Done.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid or outside its legal range.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, or the same auditor for both reviews.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The case is not at this step, or a period has not ended.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReviewView> secondReview(UUID id, @Valid @NotNull ReviewRequest body) {
        return service.secondReview(caller.get(), id, body.outcome(), body.reason(), Boolean.TRUE.equals(body.suppressSimilar())).map(this::view);
    }

    @POST
    @Path("/reviews/{id}/investigation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "investigateReview", summary = "调查核实: confirmed with the fund loss, or unfounded; after an appeal or once the appeal period has ended")
    @APIResponse(responseCode = "200", description = "Done.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid or outside its legal range.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, or the same auditor for both reviews.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The case is not at this step, or a period has not ended.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReviewView> investigate(UUID id, @Valid @NotNull InvestigationRequest body) {
        return service.investigate(caller.get(), id, body.outcome(), body.fundLoss(), body.note(), body.appealAnswer())
                .map(this::view);
    }

    @POST
    @Path("/reviews/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "draftDecision", summary = "处理: draft the handling decision (legal basis, fine within the article's range, agreement actions, responsible persons); the institution may then state and defend")
    @APIResponse(responseCode = "200", description = "Done.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid or outside its legal range.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, or the same auditor for both reviews.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The case is not at this step, or a period has not ended.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReviewView> draft(UUID id, @Valid @NotNull DraftRequest body) {
        return service.draftDecision(caller.get(), id, body.draft()).map(this::view);
    }

    @POST
    @Path("/reviews/{id}/final-decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "finalDecision", summary = "Make the decision final after the institution's statement or its period (publishes violation.decided.v1)")
    @APIResponse(responseCode = "200", description = "Done.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid or outside its legal range.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, or the same auditor for both reviews.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The case is not at this step, or a period has not ended.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReviewView> decide(UUID id, @Valid @NotNull FinalRequest body) {
        return service.finalDecision(caller.get(), id, body.revised() == null ? null : body.revised().draft()).map(this::view);
    }

    @GET
    @Path("/institution/reviews")
    @RolesAllowed(Roles.HIS_SYSTEM)
    @Operation(operationId = "listInstitutionReviews", summary = "The caller's institution's cases that concern it: open to appeal, investigated, drafted, decided")
    @APIResponse(responseCode = "200", description = "A page of the cases, newest first.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a hospital system.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<InstitutionReviewView>> ofInstitution(@Valid @BeanParam PageRequest paging) {
        return service.ofInstitution(caller.get(), paging).chain(page -> institutionViews(page.items())
                .map(views -> PageView.of(views, paging, page.totalItems())));
    }

    @POST
    @Path("/institution/reviews/{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HIS_SYSTEM)
    @Operation(operationId = "appealReview", summary = "申诉: the institution's appeal with documents (PDF, JPEG, PNG; at most 5 of 2 MiB), within the appeal period")
    @APIResponse(responseCode = "200", description = "Recorded.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionReviewView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or a document is not what it says.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a hospital system.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case of the caller's institution.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not open to appeal, or the period has ended.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InstitutionReviewView> appeal(UUID id, @Valid @NotNull AppealRequest body) {
        List<UploadChecker.Upload> sent = new ArrayList<>();
        List<DocumentRequest> in = body.documents() == null ? List.of() : body.documents();
        for (int i = 0; i < in.size(); i++) {
            DocumentRequest d = in.get(i);
            try {
                sent.add(new UploadChecker.Upload(d.name(), d.mediaType(), Base64.getDecoder().decode(d.contentBase64())));
            } catch (IllegalArgumentException e) {
                throw new DomainException.InvalidField("documents[" + i + "].contentBase64", "is not base64");
            }
        }
        // the declared type is PDF, JPEG or PNG (DocumentRequest); the checker refuses content that is another
        List<ReviewService.Document> docs = uploads.check("documents", sent, DOCUMENT_LIMITS).stream()
                .map(ReviewService.Document::of).toList();
        return service.appeal(caller.get(), id, body.statement(), docs).chain(c -> institutionViews(List.of(c))).map(l -> l.get(0));
    }

    @POST
    @Path("/institution/reviews/{id}/statement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HIS_SYSTEM)
    @Operation(operationId = "stateAndDefend", summary = "陈述申辩: the institution's statement against the draft decision, within its period")
    @APIResponse(responseCode = "200", description = "Recorded.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionReviewView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a hospital system.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case of the caller's institution.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No draft decision to answer, or the period has ended.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InstitutionReviewView> statement(UUID id, @Valid @NotNull StatementRequest body) {
        return service.statement(caller.get(), id, body.statement()).chain(c -> institutionViews(List.of(c))).map(l -> l.get(0));
    }

    private ReviewView view(ReviewCase c) {
        boolean overdue = c.status.staffStep() && c.stepDue != null && clock.today().isAfter(c.stepDue);
        return new ReviewView(c.id, c.findingId, c.admdvs, c.fixmedinsCode, c.ruleCode, c.knowledgePointId, c.resultType, c.amount,
                c.status, c.stepDue, overdue, c.assignee, c.firstReviewer, c.firstOutcome, c.firstReason, c.secondReviewer,
                c.secondOutcome, c.secondReason, c.appealText, documents(c.appealDocuments), c.appealedAt, c.investigator,
                c.investigationNote, c.appealAnswer, c.fundLoss, draft(c.decision), c.draftRevision, c.statementText, c.statementAt,
                c.decisionId, c.decidedBy, c.decidedAt, c.closedReason, c.createdAt, null, null);
    }

    private ScreeningService.FindingDetail detail(UUID findingId) {
        try {
            return screening.details(List.of(findingId)).get(findingId);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the finding of a review case", e);
        }
    }

    /** The case with its finding and visit; the patient in full for an auditor, masked for anyone else. */
    static ReviewView withDetail(ReviewView v, ScreeningService.FindingDetail d, boolean auditor) {
        if (d == null) {
            return v;
        }
        var f = d.finding();
        FindingDetailView finding = new FindingDetailView(f.mdtrtId(), f.reason(), f.evidence(), f.sevDeg(), f.knowledgePointVersion(),
                f.feedetlSns(), f.relatedMdtrtIds(), f.ruleSetVersion(), f.jobId(), f.foundAt());
        VisitView visit = null;
        if (d.claim() != null) {
            var claim = d.claim();
            var visitRecord = claim.visit();
            java.util.Set<String> involved = new java.util.HashSet<>(f.feedetlSns());
            List<FeeLineView> lines = claim.feeLines().stream().filter(l -> involved.contains(l.feedetlSn()))
                    .map(l -> new FeeLineView(l.feedetlSn(), l.hilistCode(), l.hilistName(), l.listType(), l.cnt(), l.pric(),
                            l.detItemFeeSumamt(), l.feeOcurTime(), l.bilgDrCodg())).toList();
            java.time.LocalDateTime settled = claim.settlements().stream().map(org.fundguard.monitoring.claim.Settlement::setlTime)
                    .filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder()).orElse(null);
            String brdy = visitRecord.brdy() == null ? null : auditor ? visitRecord.brdy().toString() : String.valueOf(visitRecord.brdy().getYear());
            PatientView patient = new PatientView(auditor ? visitRecord.psnNo() : Masking.personNumber(visitRecord.psnNo()), !auditor,
                    visitRecord.gend(), brdy);
            visit = new VisitView(visitRecord.mdtrtId(), visitRecord.medType(), visitRecord.insutype(), visitRecord.begntime(),
                    visitRecord.endtime(), settled, patient, lines);
        }
        return new ReviewView(v.id(), v.findingId(), v.admdvs(), v.fixmedinsCode(), v.ruleCode(), v.knowledgePointId(), v.resultType(),
                v.amount(), v.status(), v.stepDue(), v.overdue(), v.assignee(), v.firstReviewer(), v.firstOutcome(), v.firstReason(),
                v.secondReviewer(), v.secondOutcome(), v.secondReason(), v.appealText(), v.appealDocuments(), v.appealedAt(),
                v.investigator(), v.investigationNote(), v.appealAnswer(), v.fundLoss(), v.decision(), v.draftRevision(),
                v.statementText(), v.statementAt(), v.decisionId(), v.decidedBy(), v.decidedAt(), v.closedReason(), v.createdAt(),
                finding, visit);
    }

    /** The institution's views of these cases, with their visits and reasons read in one query. */
    private Uni<List<InstitutionReviewView>> institutionViews(List<ReviewCase> cases) {
        if (cases.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = cases.stream().map(c -> c.findingId).toList();
        return Uni.createFrom().item(() -> {
            try {
                return screening.details(ids);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read the findings of review cases", e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(details -> cases.stream().map(c -> institutionView(c, details.get(c.findingId))).toList());
    }

    private InstitutionReviewView institutionView(ReviewCase c, ScreeningService.FindingDetail d) {
        DraftView draft = draft(c.decision);
        BigDecimal fine = draft == null || c.fundLoss == null ? null
                : draft.decision().fine().multiply(c.fundLoss).setScale(2, java.math.RoundingMode.HALF_UP);
        String mdtrtId = d == null ? null : d.finding().mdtrtId();
        java.time.LocalDateTime begntime = d == null || d.claim() == null ? null : d.claim().visit().begntime();
        return new InstitutionReviewView(c.id, c.ruleCode, c.knowledgePointId, c.amount, c.status, c.stepDue, c.fundLoss, draft, fine,
                c.draftRevision, c.appealedAt, c.investigatedAt == null ? null : c.appealAnswer, documents(c.appealDocuments),
                c.statementAt, c.decidedAt, mdtrtId, begntime, d == null ? null : d.finding().reason());
    }

    private DraftView draft(String text) {
        try {
            return text == null ? null : DraftView.of(json.readValue(text, ReviewService.Draft.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored draft decision is unreadable", e);
        }
    }

    private List<DocumentView> documents(String text) {
        try {
            if (text == null) {
                return List.of();
            }
            List<Map<String, Object>> stored = json.readValue(text,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, List<Map<String, Object>>>>() { }).get("documents");
            return stored == null ? List.of() : stored.stream().map(m -> new DocumentView(UUID.fromString(m.get("id").toString()),
                    String.valueOf(m.get("name")), String.valueOf(m.get("mediaType")), ((Number) m.get("sizeBytes")).longValue(),
                    String.valueOf(m.get("sha256")))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored appeal documents are unreadable", e);
        }
    }
}
