package org.fundguard.monitoring.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.monitoring.KnowledgeService;
import org.fundguard.kit.security.Roles;
import org.fundguard.monitoring.RuleSetHolder;
import org.fundguard.monitoring.screening.Backtest;

import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Rule-set versions: back-test one over stored claims against the version in use, then enable it — or roll back to an
 * earlier one — without a rebuild or restart (the next check uses it).
 */
@Path("/api/monitoring/v1/rule-sets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "knowledge")
public class RuleSetResource {

    private final KnowledgeService knowledge;
    private final RuleSetHolder rules;
    private final Backtest backtest;
    private final CurrentCaller caller;

    public RuleSetResource(KnowledgeService knowledge, RuleSetHolder rules, Backtest backtest, CurrentCaller caller) {
        this.knowledge = knowledge;
        this.rules = rules;
        this.backtest = backtest;
        this.caller = caller;
    }

    /** The version put in use. */
    public record Activation(@Schema(required = true) int activeVersion) {
    }

    /** Where and when to back-test. */
    public record BacktestRequest(
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative code") String region,
            @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    @POST
    @Path("/{version}/activation")
    @RolesAllowed(Roles.RULE_MANAGER)
    @Operation(operationId = "activateRuleSet", summary = "Put a rule-set version in use (enable a staged one or roll back); the next check uses it")
    @APIResponse(responseCode = "200", description = "In use.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Activation.class)))
    @APIResponse(responseCode = "403", description = "Not a provincial or national rule manager.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Activation> activate(@PathParam("version") int version) {
        return knowledge.activate(caller.get(), version).call(v -> rules.refresh()).map(Activation::new);
    }

    @POST
    @Path("/{version}/backtests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RULE_MANAGER, Roles.AUDITOR})
    @Blocking
    @Operation(operationId = "backtestRuleSet", summary = "Screen a region's stored claims of a period with this version and with the one in use, storing nothing: hits gained and lost per rule, and the confirmed share past reviews predict")
    @APIResponse(responseCode = "200", description = "The comparison.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BacktestView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid, or no such version.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a rule manager or auditor, or a region outside the caller's.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BacktestView backtest(@PathParam("version") int version, @Valid @NotNull BacktestRequest body) throws SQLException {
        return BacktestView.of(backtest.run(caller.get(), version, body.region(), body.from(), body.to()));
    }
}
