package org.fundguard.gateway;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import org.fundguard.security.HttpProblems;
import org.fundguard.security.LoggedPath;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an {@code X-Request-Id} (kept when the caller sent a sane one), echoes it, and writes one
 * structured access-log line (method, path as {@link LoggedPath} writes it — normalised, receipt codes masked —, status,
 * time, request id: never query strings, headers or bodies).
 */
public class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String KEY = HttpProblems.REQUEST_ID_KEY;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final Logger ACCESS = Logger.getLogger("org.fundguard.gateway.access");

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
            // one JSON object per request, for log shippers (written by hand: this runs on every request)
            ACCESS.info(accessLine(rc.request().method().name(), maskReceipts(rc.request().path()),
                    rc.response().getStatusCode(), Math.round((System.nanoTime() - start) / 1e4) / 100.0, requestId));
            MDC.remove("requestId");
        });
        rc.next();
    }

    /** {@code {"method":…,"path":…,"status":…,"ms":…,"requestId":…}}, the strings JSON-escaped. */
    static String accessLine(String method, String path, int status, double ms, String requestId) {
        StringBuilder b = new StringBuilder(128 + (path == null ? 0 : path.length()));
        b.append("{\"method\":");
        jsonString(b, method);
        b.append(",\"path\":");
        jsonString(b, path);
        b.append(",\"status\":").append(status).append(",\"ms\":").append(ms).append(",\"requestId\":");
        jsonString(b, requestId);
        return b.append('}').toString();
    }

    private static void jsonString(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /** A receipt code is half of a reporter's credential: never in a log line, however the path spells it. */
    static String maskReceipts(String path) {
        return LoggedPath.of(path);
    }
}
