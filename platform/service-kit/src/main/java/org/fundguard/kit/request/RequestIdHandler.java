package org.fundguard.kit.request;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import org.fundguard.security.LoggedPath;

/**
 * Adopts the caller's {@code X-Request-Id} (or makes one) for every HTTP request, echoes it on the response, and
 * writes one access-log line when the response ends: method, path, status, time, request id — never the query
 * string, headers or bodies, and the path as {@link LoggedPath} writes it (decoded and normalised, the segment after
 * {@code receipts} masked), since a receipt code is half of a reporter's credential. A Vert.x route rather than a REST filter, so refusals of the security layer, health probes
 * and unmatched paths carry the id and are logged too.
 */
@ApplicationScoped
public class RequestIdHandler {

    /** Before CORS (-300) and authentication (-200): every later handler, log line and error sees the id. */
    static final int ORDER = -1000;
    private static final Logger ACCESS = Logger.getLogger("org.fundguard.access");

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(rc -> {
            String id = RequestId.adopt(rc.request().getHeader(RequestId.HEADER));
            rc.put(RequestId.KEY, id);
            rc.addHeadersEndHandler(v -> rc.response().headers().set(RequestId.HEADER, id));
            long start = System.nanoTime();
            rc.addEndHandler(done -> {
                MDC.put(RequestId.MDC_KEY, id);
                ACCESS.infof("%s %s %d %.1f ms requestId=%s", rc.request().method().name(), maskedPath(rc.request().path()),
                        loggedStatus(rc.response().ended(), rc.response().getStatusCode()), (System.nanoTime() - start) / 1e6, id);
                MDC.remove(RequestId.MDC_KEY);
            });
            rc.next();
        });
    }

    /** Logged for a request whose connection closed before an answer was sent (nginx's convention). */
    static final int CLOSED_BEFORE_ANSWER = 499;

    /**
     * The status the access line shows: the one sent, or {@link #CLOSED_BEFORE_ANSWER} when the caller went away first
     * — a response nobody ended still reports Vert.x's default 200, which would count abandoned work as answered.
     */
    static int loggedStatus(boolean ended, int statusCode) {
        return ended ? statusCode : CLOSED_BEFORE_ANSWER;
    }

    /** The path as it may be logged: normalised, a receipt code replaced by {@code ***} ({@link LoggedPath}). */
    public static String maskedPath(String path) {
        return LoggedPath.of(path);
    }
}
