package org.fundguard.qualification.practitioner.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.kit.privacy.Masking;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.request.NoStore;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.kit.security.Roles;
import org.fundguard.kit.upload.UploadChecker;
import org.fundguard.qualification.practitioner.FileSnapshot;
import org.fundguard.qualification.practitioner.PersonType;
import org.fundguard.qualification.practitioner.PractitionerChange;
import org.fundguard.qualification.practitioner.PractitionerConfig;
import org.fundguard.qualification.practitioner.PractitionerInstitution;
import org.fundguard.qualification.practitioner.PractitionerService;
import org.fundguard.qualification.practitioner.register.RegisterFiles;
import org.fundguard.qualification.practitioner.register.RegisterRow;
import org.fundguard.qualification.practitioner.register.RegisterRows;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

/**
 * The practitioner files: thin — roles and the request's shape here; region rules, versions, history and audit in
 * {@link PractitionerService}. Files are valid nationwide: every reading role reads every file; a qualification
 * officer changes a file only when its region or the institution concerned is within the officer's region (else 403).
 */
@Path("/api/qualification/v1/practitioners")
@NoStore
@Tag(name = "practitioners")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PractitionerResource {

    static final String CODE = "[A-Za-z0-9_-]{1,30}";
    static final String CODE_MESSAGE = "must be 1 to 30 letters, digits, '-' or '_'";
    static final String CSV = "text/csv";
    static final String TYPES = "DOCTOR|NURSE|PHARMACIST|TECHNICIAN|FEE_REVIEWER|PHARMACY_PRINCIPAL";

    private final PractitionerService service;
    private final CurrentCaller caller;
    private final UploadChecker uploads;
    private final PractitionerConfig config;
    private final ObjectMapper json;

    public PractitionerResource(PractitionerService service, CurrentCaller caller, UploadChecker uploads,
                                PractitionerConfig config, ObjectMapper json) {
        this.service = service;
        this.caller = caller;
        this.uploads = uploads;
        this.config = config;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.QUALIFICATION_OFFICER, Roles.AUDITOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listPractitioners", summary = "Files, by code, with filters (any region: files are valid nationwide)")
    @APIResponse(responseCode = "200", description = "A page of files.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "No reading role.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<PractitionerView>> list(@Valid @BeanParam PageRequest paging,
                                                @QueryParam("region") @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative code") String region,
                                                @QueryParam("fixmedins_code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String fixmedins_code,
                                                @QueryParam("prac_psn_type") @Pattern(regexp = TYPES, message = "must be one of DOCTOR, NURSE, PHARMACIST, TECHNICIAN, FEE_REVIEWER, PHARMACY_PRINCIPAL") String prac_psn_type,
                                                @QueryParam("code_prefix") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code_prefix) {
        boolean mask = masked();
        return service.list(new PractitionerService.Filter(region, fixmedins_code,
                        prac_psn_type == null ? null : PersonType.valueOf(prac_psn_type), code_prefix), paging)
                .map(p -> p.map(f -> view(f, mask)));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.QUALIFICATION_OFFICER, Roles.AUDITOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getPractitioner", summary = "One file with its institutions; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The file.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PractitionerView.class)))
    @APIResponse(responseCode = "400", description = "The code is malformed.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "No reading role.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No file with this code.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PractitionerView>> get(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
        boolean mask = masked();
        return service.get(code).map(f -> withTag(RestResponse.ResponseBuilder.ok(view(f, mask)), f).build());
    }

    @GET
    @Path("/{code}/history")
    @RolesAllowed({Roles.QUALIFICATION_OFFICER, Roles.AUDITOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getPractitionerHistory", summary = "Every change of the file, newest first, with the file before and after")
    @APIResponse(responseCode = "200", description = "A page of changes.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "No reading role.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No file with this code.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PageView<PractitionerChangeView>> history(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
                                                         @Valid @BeanParam PageRequest paging) {
        boolean mask = masked();
        return service.history(code, paging).map(p -> p.map(c -> change(c, mask)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.QUALIFICATION_OFFICER)
    @Operation(operationId = "createPractitioner", summary = "Open a file (the region must be within the officer's)")
    @APIResponse(responseCode = "201", description = "Opened.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PractitionerView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (a code that does not fit the type names prac_psn_code).", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a qualification officer, or the region is outside the officer's.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A file with this code exists.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PractitionerView>> create(@Valid @NotNull PractitionerRequests.Create body) {
        return service.create(caller.get(), new PractitionerService.NewFile(body.prac_psn_code(), body.prac_psn_type(),
                        body.psn_name().strip(), body.region()))
                .map(f -> withTag(RestResponse.ResponseBuilder.<PractitionerView>created(
                        URI.create("/api/qualification/v1/practitioners/" + f.practitioner().nationalCode)).entity(view(f, false)), f).build());
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.QUALIFICATION_OFFICER)
    @Operation(operationId = "updatePractitioner", summary = "Change the person's type and name, at the version read (If-Match or version)")
    @APIResponse(responseCode = "200", description = "Changed (or already so: nothing written).", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PractitionerView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or neither If-Match nor version was given.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a qualification officer, or neither the file's region nor a current institution's is within the officer's.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No file with this code.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The file changed since that version.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PractitionerView>> update(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
                                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                      @Valid @NotNull PractitionerRequests.Update body) {
        int version = version(ifMatch, body.version());
        return service.update(caller.get(), code, body.prac_psn_type(), body.psn_name().strip(), version)
                .map(f -> withTag(RestResponse.ResponseBuilder.ok(view(f, false)), f).build());
    }

    @POST
    @Path("/{code}/institutions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.QUALIFICATION_OFFICER)
    @Operation(operationId = "addPractitionerInstitution", summary = "Record that the person practises at another institution (several are normal)")
    @APIResponse(responseCode = "201", description = "Added.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PractitionerView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a qualification officer, or neither the file's region nor the institution's admdvs is within the officer's.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No file with this code.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The person practises there already.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PractitionerView>> addInstitution(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
                                                              @Valid @NotNull PractitionerRequests.AddInstitution body) {
        String name = body.fixmedins_name() == null || body.fixmedins_name().isBlank() ? null : body.fixmedins_name().strip();
        return service.addInstitution(caller.get(), code, new PractitionerService.NewInstitution(body.fixmedins_code(), name,
                        body.admdvs(), body.begndate(), body.enddate()))
                .map(f -> withTag(RestResponse.ResponseBuilder.<PractitionerView>created(
                        URI.create("/api/qualification/v1/practitioners/" + code)).entity(view(f, false)), f).build());
    }

    @POST
    @Path("/{code}/institutions/{fixmedins_code}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.QUALIFICATION_OFFICER)
    @Operation(operationId = "endPractitionerInstitution", summary = "Record the last day the person practised at an institution")
    @APIResponse(responseCode = "200", description = "Ended.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PractitionerView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a qualification officer, or neither the file's region nor the institution's admdvs is within the officer's.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No file with this code, or no record at this institution.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Ended already.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PractitionerView>> endInstitution(@PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
                                                              @PathParam("fixmedins_code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String fixmedins_code,
                                                              @Valid @NotNull PractitionerRequests.EndInstitution body) {
        return service.endInstitution(caller.get(), code, fixmedins_code, body.enddate())
                .map(f -> withTag(RestResponse.ResponseBuilder.ok(view(f, false)), f).build());
    }

    @POST
    @Path("/import")
    @Consumes({CSV, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.QUALIFICATION_OFFICER)
    @Operation(operationId = "importPractitionerRegister", summary = "Import a register file (CSV or JSON, register field names); good rows kept, bad rows listed")
    @APIResponse(responseCode = "200", description = "Imported: counts and every refused row with its field and reason.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReportView.class)))
    @APIResponse(responseCode = "400", description = "The file cannot be read as a register: empty, too large, not UTF-8, malformed, too many rows, or a required column missing (named).", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a qualification officer.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportReportView> importRegister(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        List<RegisterRow> rows;
        try {
            if (body == null || body.length == 0) {
                throw new DomainException.InvalidField(RegisterFiles.FIELD, "is empty");
            }
            long max = uploads.limits().maxFileBytes();
            if (body.length > max) {
                throw new DomainException.InvalidField(RegisterFiles.FIELD, "has " + body.length + " bytes, more than the limit of " + max);
            }
            boolean isCsv = contentType != null && contentType.toLowerCase().startsWith(CSV);
            rows = isCsv ? RegisterFiles.csv(body, config.maxImportRows()) : RegisterFiles.json(body, json, config.maxImportRows());
        } catch (DomainException e) {
            return Uni.createFrom().failure(e);
        }
        RegisterRows.Checked checked = RegisterRows.checkAll(rows);
        return service.importRows(caller.get(), checked.good(), checked.errors(), rows.size()).map(PractitionerResource::report);
    }

    // ---------------------------------------------------------------- mapping

    static ImportReportView report(PractitionerService.ImportOutcome o) {
        long rejectedRows = o.errors().stream().mapToInt(e -> e.row()).distinct().count();
        return new ImportReportView(o.rows(), o.created(), o.updated(), o.unchanged(), (int) rejectedRows,
                o.errors().stream().map(e -> new ImportReportView.RowErrorView(e.row(), e.field(), e.reason())).toList());
    }

    /** Analysts read statistics, never personal data: the name is masked for a caller who only has that role. */
    private boolean masked() {
        var c = caller.get();
        return c.hasRole(Roles.ANALYST) && !c.hasRole(Roles.QUALIFICATION_OFFICER) && !c.hasRole(Roles.AUDITOR)
                && !c.hasRole(Roles.ADMIN);
    }

    private static <T> RestResponse.ResponseBuilder<T> withTag(RestResponse.ResponseBuilder<T> b, PractitionerService.File f) {
        return b.header(HttpHeaders.ETAG, "\"" + f.practitioner().version + "\"");
    }

    private static int version(String ifMatch, Integer bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String v = ifMatch.strip();
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            if (!v.matches("[0-9]{1,9}")) {
                throw new DomainException.InvalidField(HttpHeaders.IF_MATCH, "must be the ETag of the file as read, e.g. \"3\"");
            }
            int tag = Integer.parseInt(v);
            if (bodyVersion != null && bodyVersion != tag) {
                throw new DomainException.InvalidField("version", "differs from If-Match");
            }
            return tag;
        }
        if (bodyVersion == null) {
            throw new DomainException.InvalidField("version", "is required (or send the file's ETag as If-Match)");
        }
        return bodyVersion;
    }

    private static PractitionerView view(PractitionerService.File f, boolean mask) {
        var p = f.practitioner();
        return new PractitionerView(p.nationalCode, p.personType, mask ? Masking.name(p.psnName) : p.psnName, p.region,
                p.version, p.createdAt, p.updatedAt, f.institutions().stream().map(PractitionerResource::institution).toList());
    }

    private static InstitutionView institution(PractitionerInstitution i) {
        return new InstitutionView(i.fixmedinsCode, i.fixmedinsName, i.admdvs, i.begndate, i.enddate);
    }

    private PractitionerChangeView change(PractitionerChange c, boolean mask) {
        return new PractitionerChangeView(c.id, c.changedAt, c.changedBy, c.kind, state(service.snapshot(c.before), mask),
                state(service.snapshot(c.after), mask));
    }

    private static FileStateView state(FileSnapshot s, boolean mask) {
        if (s == null) {
            return null;
        }
        return new FileStateView(s.code(), s.type(), mask ? Masking.name(s.name()) : s.name(), s.region(), s.institutions().stream()
                .map(i -> new InstitutionView(i.code(), i.name(), i.admdvs(), i.begndate(), i.enddate())).toList());
    }
}
