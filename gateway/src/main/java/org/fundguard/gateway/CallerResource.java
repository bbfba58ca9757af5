package org.fundguard.gateway;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** Tells a caller who the gateway takes them for: the quickest check that a token works. */
@Path("/api/gateway/v1/me")
@Tag(name = "gateway")
@Authenticated
public class CallerResource {

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    public CallerResource(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "whoAmI", summary = "The verified caller: subject, roles, region, agency, institution")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "The caller as the verified token describes it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Caller.class)))
    @APIResponse(responseCode = "401", description = "No token, or a token that is expired, forged or from another realm.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDoc.class)))
    public RestResponse<Caller> me() {
        return RestResponse.ok(new Caller(jwt.getSubject(), jwt.getClaim("preferred_username"),
                identity.getRoles().stream().sorted().toList(),
                jwt.getClaim("region"), jwt.getClaim("agency"), jwt.getClaim("institution")));
    }

    /** The caller as the verified token describes it. */
    public record Caller(String subject, String username, List<String> roles, String region, String agency, String institution) {
    }
}
