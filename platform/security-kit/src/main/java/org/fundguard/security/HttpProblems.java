package org.fundguard.security;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem+json written straight on a Vert.x route, for refusals made before (or outside) any REST resource:
 * the shape of {@code contracts/openapi/common.yaml#/components/schemas/Problem}, the request id as trace id, nothing
 * internal.
 */
public final class HttpProblems {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Where the gateway and the service kit keep the request id on the routing context. */
    public static final String REQUEST_ID_KEY = "fundguard.requestId";

    private HttpProblems() {
    }

    /** Answers with the problem unless an answer is already on its way. */
    public static void send(RoutingContext rc, int status, String title, String detail) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(body(rc, status, title, detail).encode());
    }

    /** As {@link #send(RoutingContext, int, String, String)}, titled with the status' reason phrase. */
    public static void send(RoutingContext rc, int status, String detail) {
        send(rc, status, title(status), detail);
    }

    /** The problem object; its traceId is the request id. */
    public static JsonObject body(RoutingContext rc, int status, String title, String detail) {
        JsonObject body = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", rc.request().path());
        Object requestId = rc.get(REQUEST_ID_KEY);
        if (requestId != null) {
            body.put("traceId", requestId.toString());
        }
        return body;
    }

    /** "Payload Too Large" for 413, and so on. */
    public static String title(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }
}
