package org.fundguard.report.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.request.RequestId;
import org.fundguard.report.handlers.HandlerDirectory;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Keycloak, the directory of report handlers, cannot be asked: 503 with {@code Retry-After}, nothing changed. */
public class DirectoryUnavailableMapper {

    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response unavailable(HandlerDirectory.Unavailable e, UriInfo uri) {
        Problem p = new Problem("about:blank", "Service Unavailable", 503, e.getMessage(), uri == null ? null : uri.getPath(),
                null, RequestId.current().orElse(null));
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(p).build();
    }
}
