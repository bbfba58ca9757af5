package org.fundguard.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Gateway errors as RFC 9457 problem+json, with the request id as trace id and nothing internal. */
final class Problems {

    private Problems() {
    }

    static void send(RoutingContext rc, int status, String title, String detail) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
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
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(body.encode());
    }
}
