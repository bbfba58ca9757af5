package org.fundguard.security;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.util.regex.Pattern;

/**
 * The HTTP edge every FundGuard process shares (the gateway and, through the service kit, every service): what the
 * HTTP layer would otherwise answer with an empty or HTML body, or a 500, is answered as problem+json, and no response
 * is cached unless it says so itself.
 * <ul>
 *   <li>{@code Cache-Control: no-store} on every response that does not set its own — personal data, receipts and
 *       their secrets must never sit in a cache;</li>
 *   <li>414 for a request line longer than {@code fundguard.http.max-uri-length} (default 4096, Vert.x's own limit;
 *       the decoder is given more room, {@code quarkus.http.limits.max-initial-line-length}, so that this route sees
 *       the request);</li>
 *   <li>413 for a declared body larger than {@code quarkus.http.limits.max-body-size}, before it is read;</li>
 *   <li>415 for an empty or malformed {@code Content-Type};</li>
 *   <li>404 for a path no route serves;</li>
 *   <li>metrics name a request by its route template, never by its raw path ({@link #metricTemplate});</li>
 *   <li>any failure no one else answered (a body over the limit while streaming, a multipart form with more parts
 *       than {@code quarkus.http.limits.max-parameters}, …): its status, or 500, with the path logged as
 *       {@link LoggedPath} writes it.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpEdge {

    private static final Logger LOG = Logger.getLogger(HttpEdge.class);
    /** After the request id (-1000) so refusals carry it; before load shedding (-900), CORS and authentication. */
    static final int ORDER = -950;
    /** After every other failure handler (security refusals are answered at -1000 / -200). */
    static final int FAILURE_ORDER = 1_000_000;
    static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    /**
     * type/subtype and parameters name=value, a value quoted or not; unquoted values may hold more than RFC 9110's
     * token characters, since real multipart boundaries do ({@code ----=_Part_0_1.2}).
     */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "\\s*" + TOKEN + "/" + TOKEN + "\\s*(;\\s*" + TOKEN + "=([^;\"\\s]+|\"([^\"\\\\]|\\\\.)*\")\\s*)*;?\\s*");
    /** RESTEasy Reactive's multipart parser refuses a form with too many parts with a plain RuntimeException. */
    private static final Pattern TOO_MANY_PARTS = Pattern.compile("Param limit of \\d+ was exceeded");

    private final int maxUriLength;
    private final long maxBodyBytes;

    public HttpEdge() {
        Config config = ConfigProvider.getConfig();
        this.maxUriLength = config.getOptionalValue("fundguard.http.max-uri-length", Integer.class).orElse(4096);
        this.maxBodyBytes = config.getOptionalValue("quarkus.http.limits.max-body-size", String.class)
                .map(s -> new MemorySizeConverter().convert(s).asLongValue()).orElse(10240L * 1024);
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::screen);
        router.route().last().handler(rc -> HttpProblems.send(rc, 404, "No such resource."));
        router.route().order(FAILURE_ORDER).failureHandler(this::failed);
    }

    /**
     * Names the request in metrics ({@code http.server.requests}' {@code uri} tag) by a route template instead of its
     * raw path, which carries ids and receipt codes: Quarkus REST replaces it with the matched resource's template,
     * the gateway with its route's; a request refused before (401, 413, …) keeps this placeholder.
     */
    public static void metricTemplate(RoutingContext rc, String template) {
        if (rc.request() instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(URL_PATH_TEMPLATE, template);
        }
    }

    /** Where Quarkus' HTTP metrics look for the request's route template. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    static final String UNMATCHED = "/{unmatched}";

    void screen(RoutingContext rc) {
        metricTemplate(rc, UNMATCHED);
        HttpServerResponse response = rc.response();
        rc.addHeadersEndHandler(v -> {
            if (!response.headers().contains("Cache-Control")) {
                response.headers().set("Cache-Control", "no-store");
            }
        });
        HttpServerRequest in = rc.request();
        if (in.uri().length() > maxUriLength) {
            response.putHeader("Connection", "close");
            HttpProblems.send(rc, 414, "The request line is longer than " + maxUriLength + " characters.");
            return;
        }
        String length = in.getHeader("Content-Length");
        if (length != null && parseLength(length) > maxBodyBytes) {
            response.putHeader("Connection", "close");
            HttpProblems.send(rc, 413, "The request body exceeds " + maxBodyBytes + " bytes.");
            return;
        }
        String type = in.getHeader("Content-Type");
        if (type != null && !MEDIA_TYPE.matcher(type).matches()) {
            HttpProblems.send(rc, 415, "The Content-Type header is not a media type (type/subtype).");
            return;
        }
        rc.next();
    }

    void failed(RoutingContext rc) {
        if (rc.response().headWritten()) {
            rc.next();
            return;
        }
        Throwable failure = rc.failure();
        int status = rc.statusCode();
        if (isTooManyParts(failure)) {
            HttpProblems.send(rc, 413, TOO_MANY_PARTS_DETAIL);
        } else if (status >= 400 && status < 500) {
            HttpProblems.send(rc, status, status == 413 ? "The request body is too large." : "The request was refused.");
        } else {
            Object trace = rc.get(HttpProblems.REQUEST_ID_KEY);
            LOG.errorf(failure, "unexpected failure of %s %s (traceId %s)", rc.request().method(),
                    LoggedPath.of(rc.request().path()), trace == null ? "none" : trace);
            HttpProblems.send(rc, 500, "Internal Server Error", "Something went wrong on our side; quote the trace id when reporting it.");
        }
    }

    public static final String TOO_MANY_PARTS_DETAIL = "The form has more parts than this service accepts.";

    /**
     * A multipart form with more parts than {@code quarkus.http.limits.max-parameters}: RESTEasy Reactive's parser
     * refuses it with a plain RuntimeException, which would otherwise be a 500.
     */
    public static boolean isTooManyParts(Throwable failure) {
        return failure != null && failure.getMessage() != null && TOO_MANY_PARTS.matcher(failure.getMessage()).find();
    }

    static long parseLength(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
