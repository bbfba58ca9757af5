package org.fundguard.gateway;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonObject;
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
        JsonObject body = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).put("instance", rc.request().path());
        Object id = rc.get(RequestIds.KEY);
        if (id != null) {
            body.put("traceId", id.toString());
        }
        return Response.status(status).type("application/problem+json").entity(body.encode());
    }
}
