package org.fundguard.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Gateway errors as RFC 9457 problem+json, with the request id as trace id and nothing internal. */
final class Problems {

    private Problems() {
    }

    static final String MEDIA_TYPE = "application/problem+json";

    static void send(RoutingContext rc, int status, String title, String detail) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(body(rc, status, title, detail).encode());
    }

    /** The problem object; its traceId is the request id. */
    static JsonObject body(RoutingContext rc, int status, String title, String detail) {
        JsonObject body = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", rc.request().path());
        Object requestId = rc.get(RequestIds.KEY);
        if (requestId != null) {
            body.put("traceId", requestId.toString());
        }
        return body;
    }
}
