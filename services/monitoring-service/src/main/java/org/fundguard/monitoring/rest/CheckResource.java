package org.fundguard.monitoring.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.kit.security.Roles;
import org.fundguard.monitoring.check.CheckAnswer;
import org.fundguard.monitoring.check.CheckMessage;
import org.fundguard.monitoring.check.CheckService;
import org.fundguard.monitoring.check.FeedbackAnswer;
import org.fundguard.monitoring.check.FeedbackMessage;

/**
 * The national smart-review interface for hospital systems (data-formats §9): 3101 事前, 3102 事中, 3103 feedback, in
 * the national message shape. A hospital system sends only messages of its own institution (token claim
 * {@code institution} = {@code fixmedins_code}).
 */
@Path("/api/monitoring/v1/checks")
@Tag(name = "checks")
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CheckResource {

    private final CheckService service;
    private final CurrentCaller caller;

    public CheckResource(CheckService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Path("/3101")
    @RolesAllowed(Roles.HIS_SYSTEM)
    @Operation(operationId = "check3101", summary = "3101 明细审核事前分析: screen orders while the doctor prescribes")
    @APIResponse(responseCode = "200", description = "The violations found (result may be empty).", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckAnswer.class)))
    @APIResponse(responseCode = "400", description = "A field of the message is missing or invalid; the problem names it by its path.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a hospital system, or fixmedins_code is not the caller's institution.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CheckAnswer> check3101(@NotNull CheckMessage body) {
        return service.check(caller.get(), "3101", body);
    }

    @POST
    @Path("/3102")
    @RolesAllowed(Roles.HIS_SYSTEM)
    @Operation(operationId = "check3102", summary = "3102 明细审核事中分析: screen a claim at (pre-)settlement")
    @APIResponse(responseCode = "200", description = "The violations found (result may be empty).", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckAnswer.class)))
    @APIResponse(responseCode = "400", description = "A field of the message is missing or invalid; the problem names it by its path.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a hospital system, or fixmedins_code is not the caller's institution.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CheckAnswer> check3102(@NotNull CheckMessage body) {
        return service.check(caller.get(), "3102", body);
    }

    @POST
    @Path("/3103")
    @RolesAllowed(Roles.HIS_SYSTEM)
    @Operation(operationId = "feedback3103", summary = "3103 事前事中服务反馈: record the doctor's disposition of warnings")
    @APIResponse(responseCode = "200", description = "Recorded (all of them).", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackAnswer.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid, or a warn_rslt_id names no warning of this institution; nothing recorded.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a hospital system, or fixmedins_code is not the caller's institution.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FeedbackAnswer> feedback3103(@NotNull FeedbackMessage body) {
        return service.feedback(caller.get(), body);
    }
}
