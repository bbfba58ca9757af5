package org.fundguard.qualification.lookup.rest;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.request.NoStore;
import org.fundguard.kit.security.Roles;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.qualification.lookup.LookupConfig;
import org.fundguard.qualification.lookup.LookupNotReady;
import org.fundguard.qualification.lookup.QualificationEventFeed;
import org.fundguard.qualification.lookup.SettlementLookup;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The look-up hospital and pharmacy systems call at settlement: may this code bill on this date. Answered on the event
 * loop from memory ({@link SettlementLookup}); never the database.
 */
@Path("/api/qualification/v1/lookup")
@NoStore
@Tag(name = "lookup")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.HIS_SYSTEM, Roles.QUALIFICATION_OFFICER, Roles.AUDITOR, Roles.ANALYST, Roles.ADMIN})
public class LookupResource {

    private final SettlementLookup lookup;
    private final QualificationEventFeed feed;
    private final LookupConfig config;
    private final BusinessClock clock;

    public LookupResource(SettlementLookup lookup, QualificationEventFeed feed, LookupConfig config, BusinessClock clock) {
        this.lookup = lookup;
        this.feed = feed;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("/{code}")
    @NonBlocking
    @Operation(operationId = "lookUpCode", summary = "May this code bill on this date")
    @APIResponse(responseCode = "200", description = "The answer.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LookupView.class)))
    @APIResponse(responseCode = "400", description = "The code, date or med_type is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a hospital or pharmacy system, qualification officer, auditor, analyst or admin.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Still replaying the service's events after a start.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<LookupView> one(
            @Parameter(description = "The national code (医保医师代码 D + 12 digits, HY/HJ + 12 digits, a nurse's code …).") @PathParam("code") String code,
            @Parameter(description = "YYYY-MM-DD; default today (business date).") @QueryParam("date") String date,
            @Parameter(description = "The visit's 医疗类别 (med_type), to decide the emergency exception.") @QueryParam("med_type") String medType) {
        LocalDate day = date(date);
        String type = medType(medType);
        if (!validCode(code)) {
            throw new DomainException.InvalidField("code", "must be 1-30 letters or digits");
        }
        ready();
        return RestResponse.ok(LookupView.of(lookup.answer(code, day, type)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @NonBlocking
    @Operation(operationId = "lookUpCodes", summary = "May these codes (up to 100) bill on this date")
    @APIResponse(responseCode = "200", description = "One answer per code, in the order asked.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LookupBatchView.class)))
    @APIResponse(responseCode = "400", description = "No codes, more than 100, or a code, the date or med_type is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a hospital or pharmacy system, qualification officer, auditor, analyst or admin.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Still replaying the service's events after a start.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<LookupBatchView> many(LookupBatchRequest body) {
        if (body == null) {
            throw new DomainException.InvalidField("codes", "required");
        }
        LocalDate day = date(body.date());
        String type = medType(body.medType());
        List<String> codes = body.codes();
        if (codes == null || codes.isEmpty()) {
            throw new DomainException.InvalidField("codes", "between 1 and " + config.maxCodes() + " codes");
        }
        if (codes.size() > config.maxCodes()) {
            throw new DomainException.InvalidField("codes", "at most " + config.maxCodes() + " codes, " + codes.size() + " given");
        }
        for (int i = 0, n = codes.size(); i < n; i++) {
            if (!validCode(codes.get(i))) {
                throw new DomainException.InvalidField("codes[" + i + "]", "must be 1-30 letters or digits");
            }
        }
        ready();
        List<LookupView> answers = new ArrayList<>(codes.size());
        for (int i = 0, n = codes.size(); i < n; i++) {
            answers.add(LookupView.of(lookup.answer(codes.get(i), day, type)));
        }
        return RestResponse.ok(new LookupBatchView(day, answers));
    }

    private void ready() {
        if (config.feedEnabled() && !feed.ready()) {
            throw new LookupNotReady("the look-up is still replaying qualification events; try again shortly");
        }
    }

    private LocalDate date(String date) {
        if (date == null || date.isEmpty()) {
            return clock.today();
        }
        if (date.length() != 10) {
            throw new DomainException.InvalidField("date", "must be a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new DomainException.InvalidField("date", "must be a date YYYY-MM-DD");
        }
    }

    private static String medType(String medType) {
        if (medType == null || medType.isEmpty()) {
            return null;
        }
        if (medType.length() > 6) {
            throw new DomainException.InvalidField("med_type", "must be 1-6 digits");
        }
        for (int i = 0; i < medType.length(); i++) {
            char c = medType.charAt(i);
            if (c < '0' || c > '9') {
                throw new DomainException.InvalidField("med_type", "must be 1-6 digits");
            }
        }
        return medType;
    }

    static boolean validCode(String code) {
        if (code == null || code.isEmpty() || code.length() > 30) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }
}
