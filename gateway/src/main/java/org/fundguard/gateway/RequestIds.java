package org.fundguard.gateway;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an {@code X-Request-Id} (kept when the caller sent a sane one), echoes it, and writes one
 * structured access-log line (method, path with receipt codes masked, status, time, request id: never query strings, headers or bodies).
 */
public class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String KEY = "fundguard.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final Logger ACCESS = Logger.getLogger("org.fundguard.gateway.access");
    /** A receipt code is half of a reporter's credential: never in a log line. */
    private static final Pattern RECEIPT_SEGMENT = Pattern.compile("(/receipts/)[^/]+");

    @RouteFilter(1000)
    void assign(RoutingContext rc) {
        String id = rc.request().getHeader(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
            rc.request().headers().set(HEADER, id);
        }
        String requestId = id;
        rc.put(KEY, requestId);
        rc.response().putHeader(HEADER, requestId);
        MDC.put("requestId", requestId);
        long start = System.nanoTime();
        rc.addEndHandler(done -> {
            // no query string, headers or bodies: they may carry tokens or personal data
            MDC.put("requestId", requestId);
            // one JSON object per request, for log shippers
            ACCESS.info(new io.vertx.core.json.JsonObject()
                    .put("method", rc.request().method().name())
                    .put("path", RECEIPT_SEGMENT.matcher(rc.request().path()).replaceAll("$1***"))
                    .put("status", rc.response().getStatusCode())
                    .put("ms", Math.round((System.nanoTime() - start) / 1e4) / 100.0)
                    .put("requestId", requestId)
                    .encode());
            MDC.remove("requestId");
        });
        rc.next();
    }
}
