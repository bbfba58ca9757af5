package org.fundguard.qualification.credit.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.request.NoStore;
import org.fundguard.kit.security.CurrentCaller;
import org.fundguard.kit.security.Roles;
import org.fundguard.qualification.credit.CreditService;

/**
 * The credit query of authorised third parties (a bank, another department): an institution's current grade and score
 * by its code, nothing else; every query audited with the calling client. The only endpoint a credit reader may call.
 */
@Path("/api/qualification/v1/credit-query")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credit")
@NoStore
public class CreditQueryResource {

    private final CreditService credit;
    private final CurrentCaller caller;
    private final JsonWebToken token;

    public CreditQueryResource(CreditService credit, CurrentCaller caller, JsonWebToken token) {
        this.credit = credit;
        this.caller = caller;
        this.token = token;
    }

    @GET
    @Path("/{fixmedins_code}")
    @RolesAllowed({Roles.CREDIT_READER, Roles.QUALIFICATION_OFFICER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "queryCredit", summary = "An institution's current credit grade and score")
    @APIResponse(responseCode = "200", description = "The latest grade and score, and the year they are of.")
    @APIResponse(responseCode = "404", description = "The institution has no grade.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CreditViews.CreditQueryView> query(@PathParam("fixmedins_code") String code) {
        String client = token.getClaim("azp");
        return credit.query(caller.get(), client == null ? caller.get().username() : client, code).map(r -> {
            if (r == null) {
                throw new DomainException.RecordNotFound("institution " + code + " has no credit grade.");
            }
            return CreditViews.CreditQueryView.of(r);
        });
    }
}
