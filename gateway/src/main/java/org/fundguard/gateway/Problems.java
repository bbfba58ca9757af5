package org.fundguard.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.fundguard.security.HttpProblems;

/** Gateway errors as RFC 9457 problem+json, with the request id as trace id and nothing internal (security-kit's {@link HttpProblems}). */
final class Problems {

    private Problems() {
    }

    static final String MEDIA_TYPE = HttpProblems.MEDIA_TYPE;

    static void send(RoutingContext rc, int status, String title, String detail) {
        HttpProblems.send(rc, status, title, detail);
    }

    /** The problem object; its traceId is the request id. */
    static JsonObject body(RoutingContext rc, int status, String title, String detail) {
        return HttpProblems.body(rc, status, title, detail);
    }
}
