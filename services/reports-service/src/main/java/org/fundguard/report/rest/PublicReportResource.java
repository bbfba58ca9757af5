package org.fundguard.report.rest;

import org.fundguard.kit.request.NoStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.kit.upload.UploadChecker;
import org.fundguard.report.Evidence;
import org.fundguard.report.ReportService;
import org.fundguard.report.ReporterIdentity;
import org.fundguard.report.RewardService;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FileItem;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

import java.net.URI;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The public side (no login): report, then follow the report with the receipt code and the secret — status,
 * messages, more evidence, withdrawal, the reward claim. An unknown receipt and a wrong secret get the same 404.
 */
@Path("/public/reports/v1")
@NoStore
@Tag(name = "public")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicReportResource {

    static final String SECRET = "X-Receipt-Secret";
    private static final String REPORT = "report";
    private static final String EVIDENCE = "evidence";
    private static final String NOTICE = "Keep the receipt code and the secret: together they are the only way to follow "
            + "this report and to claim a reward. The secret is shown only now.";

    private final ReportService reports;
    private final RewardService rewards;
    private final Vertx vertx;
    private final Evidence evidence;
    private final BusinessClock clock;

    public PublicReportResource(ReportService reports, RewardService rewards, Vertx vertx, Evidence evidence, BusinessClock clock) {
        this.clock = clock;
        this.evidence = evidence;
        this.reports = reports;
        this.rewards = rewards;
        this.vertx = vertx;
    }

    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitReport", summary = "Report, anonymously or by real name, without attachments")
    @APIResponse(responseCode = "201", description = "Received: the receipt code and the secret (shown once).", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptIssued.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ReceiptIssued>> submit(@Valid @NotNull PublicReportRequest report) {
        return issue(report, List.of());
    }

    @POST
    @Path("/reports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "submitReportWithEvidence", summary = "Report with evidence files: part `report` (JSON) and parts `evidence`")
    @APIResponse(responseCode = "201", description = "Received: the receipt code and the secret (shown once).", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptIssued.class)))
    @APIResponse(responseCode = "400", description = "A field or a file is invalid (type by content, size, count).", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The request is larger than a report may be.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ReceiptIssued>> submitWithEvidence(
            @RestForm("report") @PartType(MediaType.APPLICATION_JSON) @Valid @NotNull PublicReportRequest report,
            @RestForm("evidence") List<FileUpload> evidence) {
        return read(evidence, Set.of(REPORT, EVIDENCE)).chain(files -> issue(report, files));
    }

    @GET
    @Path("/receipts/{receiptCode}")
    @Operation(operationId = "followReport", summary = "The report's status, messages, files and reward, with the receipt's secret")
    @APIResponse(responseCode = "200", description = "The report as its reporter sees it.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(responseCode = "400", description = "The secret header is missing.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No report matches this receipt code and secret.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReceiptView> follow(@PathParam("receiptCode") String receiptCode, @HeaderParam(SECRET) String secret) {
        return reports.byReceipt(receiptCode, required(secret)).map(this::receipt);
    }

    @POST
    @Path("/receipts/{receiptCode}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "messageHandler", summary = "Send a message to the handler of the report")
    @APIResponse(responseCode = "200", description = "Sent; the report as its reporter sees it.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No report matches this receipt code and secret.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReceiptView> message(@PathParam("receiptCode") String receiptCode, @HeaderParam(SECRET) String secret,
                                    @Valid @NotNull MessageRequest body) {
        return reports.reporterMessage(receiptCode, required(secret), body.body()).map(this::receipt);
    }

    @POST
    @Path("/receipts/{receiptCode}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "addEvidence", summary = "Add evidence files (parts `evidence`) to the report")
    @APIResponse(responseCode = "200", description = "Added; the report as its reporter sees it.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(responseCode = "400", description = "A file is invalid (type by content, size, count).", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No report matches this receipt code and secret.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The report no longer takes evidence.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReceiptView> addEvidence(@PathParam("receiptCode") String receiptCode, @HeaderParam(SECRET) String secret,
                                        @RestForm("evidence") List<FileUpload> evidence) {
        String s = required(secret);
        return read(evidence, Set.of(EVIDENCE)).chain(files -> reports.reporterEvidence(receiptCode, s, files)).map(this::receipt);
    }

    @POST
    @Path("/receipts/{receiptCode}/withdrawal")
    @Operation(operationId = "withdrawReport", summary = "Withdraw the report before a handling decision")
    @APIResponse(responseCode = "200", description = "Withdrawn.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(responseCode = "404", description = "No report matches this receipt code and secret.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The report can no longer be withdrawn.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReceiptView> withdraw(@PathParam("receiptCode") String receiptCode, @HeaderParam(SECRET) String secret) {
        return reports.withdraw(receiptCode, required(secret)).map(this::receipt);
    }

    @POST
    @Path("/receipts/{receiptCode}/reward-claim")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "claimReward", summary = "Claim an approved reward with a valid identity, within the claim window")
    @APIResponse(responseCode = "200", description = "Claimed.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(responseCode = "400", description = "The identity is invalid (an anonymous reporter reveals it now).", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The identity is not the one the report was made under (name and ID number).", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No report matches this receipt code and secret.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No reward to claim (none approved, already claimed, or the window closed).", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReceiptView> claim(@PathParam("receiptCode") String receiptCode, @HeaderParam(SECRET) String secret,
                                  @Valid @NotNull PublicReportRequest.ReporterRequest identity) {
        return rewards.claim(receiptCode, required(secret),
                new ReporterIdentity.Identity(identity.name(), identity.idNumber(), identity.phone())).map(this::receipt);
    }

    private Uni<RestResponse<ReceiptIssued>> issue(PublicReportRequest in, List<UploadChecker.Upload> files) {
        if (in.institution() == null && (in.persons() == null || in.persons().isBlank())) {
            throw new DomainException.InvalidField("institution", "name the institution or the persons (persons) reported");
        }
        var reporter = in.reporter() == null ? null
                : new ReporterIdentity.Identity(in.reporter().name(), in.reporter().idNumber(), in.reporter().phone());
        var submission = new ReportService.Submission(in.region(),
                in.institution() == null ? null : in.institution().code(),
                in.institution() == null ? null : in.institution().name(),
                in.persons(), in.conduct(), in.occurredOn(), reporter, in.insider(), in.wantsReward());
        return reports.submit(submission, files).map(issued -> RestResponse.ResponseBuilder.<ReceiptIssued>created(
                        URI.create("/public/reports/v1/receipts/" + issued.receiptCode()))
                .entity(new ReceiptIssued(issued.receiptCode(), issued.secret(), issued.report().receivedAt,
                        issued.report().acceptanceDue, NOTICE))
                .build());
    }

    /**
     * The evidence parts of the form, read without blocking the event loop (the files were spooled to disk by the HTTP
     * layer). The form is checked as a whole first, from what the HTTP layer parsed: only the parts this endpoint
     * names, at most the evidence limit of files, each a file part with a file name — a part without one would
     * otherwise be dropped silently. {@code uploads} (the declared form parameter) holds the same files.
     */
    private Uni<List<UploadChecker.Upload>> read(List<FileUpload> uploads, Set<String> allowedParts) {
        List<FormValue> parts = evidenceParts(allowedParts);
        if (parts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Uni<List<UploadChecker.Upload>> all = Uni.createFrom().item(new java.util.ArrayList<>());
        for (FormValue part : parts) {
            all = all.chain(list -> content(part.getFileItem()).map(bytes -> {
                list.add(new UploadChecker.Upload(part.getFileName(), part.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), bytes));
                return list;
            }));
        }
        return all;
    }

    private Uni<byte[]> content(FileItem item) {
        if (!item.isInMemory()) {
            return vertx.fileSystem().readFile(item.getFile().toString()).map(Buffer::getBytes);
        }
        try (var in = item.getInputStream()) {
            return Uni.createFrom().item(in.readAllBytes());
        } catch (java.io.IOException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private List<FormValue> evidenceParts(Set<String> allowedParts) {
        var request = CurrentRequestManager.get();
        FormData form = request == null ? null : request.getFormData();
        if (form == null) {
            return List.of();
        }
        for (String name : form) {
            if (!allowedParts.contains(name)) {
                throw new DomainException.InvalidField(name, "is not a part of this form (parts: " + String.join(", ", allowedParts) + ")");
            }
        }
        Deque<FormValue> values = form.get(EVIDENCE);
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        evidence.checkCount(values.size());
        List<FormValue> parts = new java.util.ArrayList<>(values);
        for (int i = 0; i < parts.size(); i++) {
            FormValue part = parts.get(i);
            if (!part.isFileItem() || part.getFileName() == null || part.getFileName().isBlank()) {
                throw new DomainException.InvalidField(EVIDENCE + "[" + i + "]", "must be a file part with a file name");
            }
        }
        return parts;
    }

    private ReceiptView receipt(ReportService.ReceiptDetails d) {
        return ReceiptView.of(d, clock.today());
    }

    private static String required(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new DomainException.InvalidField(SECRET, "the receipt's secret is required in this header");
        }
        return secret;
    }
}
