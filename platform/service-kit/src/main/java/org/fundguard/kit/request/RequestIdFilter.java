package org.fundguard.kit.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Adopts the caller's {@code X-Request-Id} (or makes one) for every REST request and echoes it on the response. */
public class RequestIdFilter {

    @ServerRequestFilter(preMatching = true)
    void adopt(ContainerRequestContext request) {
        request.setProperty(RequestId.KEY, RequestId.adopt(request.getHeaderString(RequestId.HEADER)));
    }

    @ServerResponseFilter
    void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RequestId.KEY);
        if (id != null) {
            response.getHeaders().putSingle(RequestId.HEADER, id.toString());
        }
    }
}
