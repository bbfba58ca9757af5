package org.fundguard.monitoring.review.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.fundguard.monitoring.review.ReviewService;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;

/**
 * Reviewers' outcomes kept per rule and knowledge point: how many findings each produced in the caller's region, how
 * many reviewers confirmed (second review confirmed, or a definite violation confirmed on investigation) and dismissed,
 * and the confirmed share of those decided either way — how much of the reviewers' time a rule is worth.
 */
@Path("/api/monitoring/v1/rule-outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "review")
@Blocking
public class RuleOutcomeResource {

    private final ReviewService service;
    private final CurrentCaller caller;

    public RuleOutcomeResource(ReviewService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** One rule and knowledge point's record. */
    @Schema(name = "RuleOutcome")
    public record RuleOutcomeView(@Schema(required = true) String ruleCode, @Schema(required = true) String knowledgePointId,
                                  @Schema(required = true) long findings, @Schema(required = true) long confirmed,
                                  @Schema(required = true) long dismissed, @Schema(required = true) long open,
                                  @Schema(description = "confirmed / (confirmed + dismissed), 4 decimals; null before any outcome") BigDecimal confirmedShare) {
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.RULE_MANAGER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listRuleOutcomes", summary = "Per rule and knowledge point: findings, confirmed, dismissed, open, confirmed share")
    @APIResponse(responseCode = "200", description = "A page of the rules with findings in the caller's region, most findings first.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, rule manager or analyst.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<RuleOutcomeView> outcomes(@Valid @BeanParam PageRequest paging) throws SQLException {
        // one row per rule and knowledge point with findings: a few hundred at most, grouped in one query and cut here
        List<ReviewService.RuleOutcome> all = service.ruleOutcomes(caller.get().scope());
        List<RuleOutcomeView> items = all.stream().skip(paging.offset()).limit(paging.size())
                .map(o -> new RuleOutcomeView(o.ruleCode(), o.knowledgePointId(), o.findings(), o.confirmed(), o.dismissed(), o.open(),
                        o.confirmedShare())).toList();
        return PageView.of(items, paging, all.size());
    }
}
