package org.fundguard.kit.request;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Adopts the caller's {@code X-Request-Id} (or makes one) for every HTTP request and echoes it on the response. A
 * Vert.x route rather than a REST filter, so refusals of the security layer, health probes and unmatched paths carry
 * the id too.
 */
@ApplicationScoped
public class RequestIdHandler {

    /** Before CORS (-300) and authentication (-200): every later handler, log line and error sees the id. */
    static final int ORDER = -1000;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(rc -> {
            String id = RequestId.adopt(rc.request().getHeader(RequestId.HEADER));
            rc.put(RequestId.KEY, id);
            rc.addHeadersEndHandler(v -> rc.response().headers().set(RequestId.HEADER, id));
            rc.next();
        });
    }
}
