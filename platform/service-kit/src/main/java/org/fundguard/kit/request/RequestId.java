package org.fundguard.kit.request;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.jboss.logging.MDC;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of the work in progress: taken from {@code X-Request-Id} (the gateway sets it) or created, kept on
 * the Vert.x duplicated context of the request so reactive code finds it, and put in the logging MDC as
 * {@code requestId} (log format {@code %X{requestId}}).
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key. */
    public static final String MDC_KEY = "requestId";
    static final String KEY = "fundguard.requestId";
    /** A caller's id is kept only when it is plainly an id: no spaces, quotes or line breaks can reach the logs. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestId() {
    }

    /** The given id when it is sane, else a new one; records it for the current context. */
    public static String adopt(String candidate) {
        String id = candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
        Context ctx = Vertx.currentContext();
        if (ctx != null) {
            ctx.putLocal(KEY, id);
        }
        MDC.put(MDC_KEY, id);
        return id;
    }

    /** The current request id, if the work runs for a request. */
    public static Optional<String> current() {
        Context ctx = Vertx.currentContext();
        Object id = ctx == null ? null : ctx.getLocal(KEY);
        if (id == null) {
            id = MDC.get(MDC_KEY);
        }
        return Optional.ofNullable(id).map(Object::toString);
    }
}
