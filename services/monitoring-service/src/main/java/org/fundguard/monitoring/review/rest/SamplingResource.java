package org.fundguard.monitoring.review.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.kit.security.Roles;
import org.fundguard.monitoring.review.ReviewService;
import org.jboss.resteasy.reactive.RestResponse;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Quality sampling of reviews (抽样复核): a sample of the region's second-reviewed cases drawn at random (seeded), by
 * amount (largest first) or by variance (amounts furthest from their rule's mean, in standard deviations), each case
 * re-checked by an auditor who reviewed none of it; the sample's error rate is the share of re-checks that disagree with
 * the second review.
 */
@Path("/api/monitoring/v1/review-samples")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "review")
@Blocking
public class SamplingResource {

    private final ReviewService service;
    private final CurrentCaller caller;

    public SamplingResource(ReviewService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    public record SampleRequest(@NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative code") String region,
                                @NotNull @Pattern(regexp = "RANDOM|AMOUNT|VARIANCE", message = "must be RANDOM, AMOUNT or VARIANCE") String method,
                                @NotNull @Min(1) @Max(500) Integer size,
                                @Schema(description = "RANDOM only: the same seed draws the same sample.") Long seed) {
    }

    public record RecheckRequest(@NotNull ReviewService.Outcome outcome, @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "Item")
    public record ItemView(@Schema(required = true) UUID caseId, @Schema(required = true) int position,
                           @Schema(required = true) String ruleCode, @Schema(required = true) BigDecimal amount,
                           @Schema(required = true) String originalOutcome, String recheckOutcome, String recheckReason,
                           String recheckedBy) {
    }

    @Schema(name = "Sample")
    public record SampleView(@Schema(required = true) UUID id, @Schema(required = true) String region,
                             @Schema(required = true) String method, @Schema(required = true) int requestedSize,
                             @Schema(required = true) long seed, @Schema(required = true) String createdBy,
                             @Schema(required = true) List<ItemView> items, @Schema(required = true) int rechecked,
                             @Schema(required = true) int disagreements,
                             @Schema(description = "disagreements / rechecked, 4 decimals; null before any re-check") BigDecimal errorRate) {

        static SampleView of(ReviewService.Sample s) {
            return new SampleView(s.id(), s.region(), s.method(), s.requestedSize(), s.seed(), s.createdBy(),
                    s.items().stream().map(i -> new ItemView(i.caseId(), i.position(), i.ruleCode(), i.amount(), i.originalOutcome(),
                            i.recheckOutcome(), i.recheckReason(), i.recheckedBy())).toList(),
                    s.rechecked(), s.disagreements(), s.errorRate());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "drawReviewSample", summary = "Draw a sample of second-reviewed cases to re-check: RANDOM (seeded), AMOUNT or VARIANCE")
    @APIResponse(responseCode = "201", description = "The sample.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SampleView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, or a region outside the caller's.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<SampleView> draw(@Valid @NotNull SampleRequest body) throws SQLException {
        ReviewService.Sample sample = service.drawSample(caller.get(), body.region(), ReviewService.SampleMethod.valueOf(body.method()),
                body.size(), body.seed());
        return RestResponse.status(RestResponse.Status.CREATED, SampleView.of(sample));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AUDITOR, Roles.ANALYST})
    @Operation(operationId = "getReviewSample", summary = "A sample with its re-checks and error rate")
    @APIResponse(responseCode = "200", description = "The sample.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SampleView.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor or analyst.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such sample in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SampleView get(UUID id) throws SQLException {
        return SampleView.of(service.sample(caller.get(), id));
    }

    @POST
    @Path("/{id}/items/{caseId}/recheck")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "recheckSampledReview", summary = "Re-check a sampled case; by an auditor who did neither review (403 otherwise)")
    @APIResponse(responseCode = "200", description = "The sample with the re-check.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SampleView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, or one who reviewed the case.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such sample or case in it, in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already re-checked.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SampleView recheck(UUID id, UUID caseId, @Valid @NotNull RecheckRequest body) throws SQLException {
        return SampleView.of(service.recheck(caller.get(), id, caseId, body.outcome(), body.reason()));
    }
}
