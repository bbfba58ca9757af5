package org.fundguard.monitoring.review;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
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
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.monitoring.Roles;
import org.jboss.resteasy.reactive.RestResponse;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final DataSource dataSource;
    private final CurrentCaller caller;
    private final AuditLog audit;
    private final ReviewClock clock;

    public SamplingResource(DataSource dataSource, CurrentCaller caller, AuditLog audit, ReviewClock clock) {
        this.dataSource = dataSource;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    public record SampleRequest(@NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative code") String region,
                                @NotNull @Pattern(regexp = "RANDOM|AMOUNT|VARIANCE", message = "must be RANDOM, AMOUNT or VARIANCE") String method,
                                @NotNull @Min(1) @Max(500) Integer size,
                                @Schema(description = "RANDOM only: the same seed draws the same sample.") Long seed) {
    }

    public record RecheckRequest(@NotNull ReviewService.Outcome outcome, @NotBlank @Size(max = 500) String reason) {
    }

    public record Item(@Schema(required = true) UUID caseId, @Schema(required = true) int position,
                       @Schema(required = true) String ruleCode, @Schema(required = true) BigDecimal amount,
                       @Schema(required = true) String originalOutcome, String recheckOutcome, String recheckReason,
                       String recheckedBy) {
    }

    public record Sample(@Schema(required = true) UUID id, @Schema(required = true) String region,
                         @Schema(required = true) String method, @Schema(required = true) int requestedSize,
                         @Schema(required = true) long seed, @Schema(required = true) String createdBy,
                         @Schema(required = true) List<Item> items, @Schema(required = true) int rechecked,
                         @Schema(required = true) int disagreements,
                         @Schema(description = "disagreements / rechecked, 4 decimals; null before any re-check") BigDecimal errorRate) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "drawReviewSample", summary = "Draw a sample of second-reviewed cases to re-check: RANDOM (seeded), AMOUNT or VARIANCE")
    @APIResponse(responseCode = "201", description = "The sample.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Sample.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, or a region outside the caller's.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Sample> draw(@Valid @NotNull SampleRequest body) throws SQLException {
        Caller me = caller.get();
        if (!me.scope().canSee(body.region())) {
            throw new DomainException.AccessDenied("Region " + body.region() + " is outside your region.");
        }
        long seed = body.seed() == null ? System.nanoTime() : body.seed();
        String order = switch (body.method()) {
            case "RANDOM" -> "md5(? || r.id::text)";
            case "AMOUNT" -> "r.amount DESC, r.id";
            default -> "abs(r.amount - avg(r.amount) OVER w) / nullif(stddev_pop(r.amount) OVER w, 0) DESC NULLS LAST, r.amount DESC, r.id";
        };
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_sample (id, region, method, requested_size, seed, "
                    + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, body.region());
                ps.setString(3, body.method());
                ps.setInt(4, body.size());
                ps.setLong(5, seed);
                ps.setString(6, me.username());
                ps.setObject(7, clock.now());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_sample_item (sample_id, case_id, position, original_outcome) "
                    + "SELECT ?, id, row_number() OVER (), second_outcome FROM (SELECT r.id, r.second_outcome FROM review_case r "
                    + "WHERE r.admdvs LIKE ? AND r.second_outcome IS NOT NULL"
                    + (body.method().equals("VARIANCE") ? " WINDOW w AS (PARTITION BY r.rule_code)" : "")
                    + " ORDER BY " + order + " LIMIT ?) picked")) {
                int i = 1;
                ps.setObject(i++, id);
                ps.setString(i++, org.fundguard.kit.security.RegionScope.of(body.region()).likePattern());
                if (body.method().equals("RANDOM")) {
                    ps.setString(i++, Long.toString(seed));
                }
                ps.setInt(i, body.size());
                ps.executeUpdate();
            }
            c.commit();
        }
        Sample sample = sample(me, id);
        record(me, "review.sample-drawn", id, Map.of("region", body.region(), "method", body.method(), "size", sample.items().size()));
        return RestResponse.status(RestResponse.Status.CREATED, sample);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AUDITOR, "analyst"})
    @Operation(operationId = "getReviewSample", summary = "A sample with its re-checks and error rate")
    @APIResponse(responseCode = "200", description = "The sample.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Sample.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor or analyst.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such sample in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Sample get(UUID id) throws SQLException {
        return sample(caller.get(), id);
    }

    @POST
    @Path("/{id}/items/{caseId}/recheck")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(operationId = "recheckSampledReview", summary = "Re-check a sampled case; by an auditor who did neither review (403 otherwise)")
    @APIResponse(responseCode = "200", description = "The sample with the re-check.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Sample.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor, or one who reviewed the case.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such sample or case in it, in the caller's region.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already re-checked.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Sample recheck(UUID id, UUID caseId, @Valid @NotNull RecheckRequest body) throws SQLException {
        Caller me = caller.get();
        sample(me, id);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.first_reviewer, r.second_reviewer, i.recheck_outcome "
                    + "FROM review_sample_item i JOIN review_case r ON r.id = i.case_id WHERE i.sample_id = ? AND i.case_id = ?")) {
                ps.setObject(1, id);
                ps.setObject(2, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new DomainException.RecordNotFound("Case " + caseId + " is not in sample " + id + ".");
                    }
                    if (me.username().equals(rs.getString(1)) || me.username().equals(rs.getString(2))) {
                        throw new DomainException.AccessDenied("A re-check is by an auditor who did not review the case.");
                    }
                    if (rs.getString(3) != null) {
                        throw new DomainException.StateConflict("Case " + caseId + " is already re-checked in this sample.");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE review_sample_item SET recheck_outcome = ?, recheck_reason = ?, "
                    + "rechecked_by = ?, rechecked_at = ? WHERE sample_id = ? AND case_id = ? AND recheck_outcome IS NULL")) {
                ps.setString(1, body.outcome().name());
                ps.setString(2, body.reason());
                ps.setString(3, me.username());
                ps.setObject(4, clock.now());
                ps.setObject(5, id);
                ps.setObject(6, caseId);
                if (ps.executeUpdate() != 1) {
                    throw new DomainException.StateConflict("Case " + caseId + " is already re-checked in this sample.");
                }
            }
        }
        record(me, "review.rechecked", id, Map.of("caseId", caseId.toString(), "outcome", body.outcome().name()));
        return sample(me, id);
    }

    private Sample sample(Caller me, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String region;
            String method;
            int requested;
            long seed;
            String by;
            try (PreparedStatement ps = c.prepareStatement("SELECT region, method, requested_size, seed, created_by FROM review_sample WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !me.scope().canSee(rs.getString(1))) {
                        throw new DomainException.RecordNotFound("No review sample " + id + " in your region.");
                    }
                    region = rs.getString(1);
                    method = rs.getString(2);
                    requested = rs.getInt(3);
                    seed = rs.getLong(4);
                    by = rs.getString(5);
                }
            }
            List<Item> items = new ArrayList<>();
            int rechecked = 0;
            int disagree = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT i.case_id, i.position, r.rule_code, r.amount, i.original_outcome, "
                    + "i.recheck_outcome, i.recheck_reason, i.rechecked_by FROM review_sample_item i JOIN review_case r ON r.id = i.case_id "
                    + "WHERE i.sample_id = ? ORDER BY i.position")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Item it = new Item(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
                        items.add(it);
                        if (it.recheckOutcome() != null) {
                            rechecked++;
                            if (!it.recheckOutcome().equals(it.originalOutcome())) {
                                disagree++;
                            }
                        }
                    }
                }
            }
            BigDecimal rate = rechecked == 0 ? null
                    : BigDecimal.valueOf(disagree).divide(BigDecimal.valueOf(rechecked), 4, RoundingMode.HALF_UP);
            return new Sample(id, region, method, requested, seed, by, items, rechecked, disagree, rate);
        }
    }

    private void record(Caller actor, String action, UUID id, Map<String, Object> after) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    audit.record(actor, action, "review-sample", id.toString(), null, new LinkedHashMap<>(after))));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot write the audit entry", e);
        }
    }
}
