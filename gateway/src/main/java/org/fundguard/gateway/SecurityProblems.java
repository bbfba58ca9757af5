package org.fundguard.gateway;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import io.vertx.ext.web.RoutingContext;

/** problem+json for security refusals of the gateway's own REST endpoints. */
public class SecurityProblems {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    Response unauthorized(RoutingContext rc) {
        return problem(rc, 401, "Unauthorized", "A valid bearer token is required.")
                .header("WWW-Authenticate", "Bearer realm=\"fundguard\"").build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    Response forbidden(RoutingContext rc) {
        return problem(rc, 403, "Forbidden", "Your roles do not allow this operation.").build();
    }

    private static Response.ResponseBuilder problem(RoutingContext rc, int status, String title, String detail) {
        return Response.status(status).type(Problems.MEDIA_TYPE).entity(Problems.body(rc, status, title, detail).encode());
    }
}
