package org.fundguard.gateway;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.fundguard.security.HttpEdge;
import org.fundguard.security.LoggedPath;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Registers one forwarding route per configured prefix. Order per request: IP flood guard, CORS preflight on open
 * routes, identity and roles (the token itself was verified by quarkus-oidc before), per-caller rate limit, body
 * limit, then forwarding with hop-by-hop headers removed and the request id added.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    /** Hop-by-hop headers (RFC 9110 §7.6.1) are not forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final GatewayConfig config;
    private final Vertx vertx;
    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    /** One upstream client per event loop (see {@link #client()}). */
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
    private HttpClient sharedClient;
    /** Marks an upstream request abandoned because its caller was already answered or gone. */
    private static final Exception CALLER_GONE = new Exception("caller gone", null, false, false) {
    };

    public GatewayRoutes(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        sharedClient = newClient();
        vertx.setPeriodic(60_000, t -> limiter.evictIdle(TimeUnit.MINUTES.toNanos(1)));
        // routes of one order match in the order they are added: the longest prefix first, so that
        // /api/qualification/v1/credit-query keeps its own roles inside /api/qualification
        config.routes().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, GatewayConfig.Route> e) -> e.getValue().prefix().length()).reversed())
                .forEach(e -> {
            String name = e.getKey();
            GatewayConfig.Route route = e.getValue();
            URI upstream = URI.create(config.upstreams().getOrDefault(route.upstream(), ""));
            if (upstream.getHost() == null) {
                throw new IllegalStateException("gateway.routes." + name + ".upstream names no entry of gateway.upstreams");
            }
            String prefix = route.prefix().endsWith("/") ? route.prefix().substring(0, route.prefix().length() - 1) : route.prefix();
            String template = prefix + "/{path}";
            router.route(prefix + "/*").order(-100).handler(rc -> {
                // metrics name the route, never the raw path with its ids and receipt codes
                HttpEdge.metricTemplate(rc, template);
                // the path is forwarded as it came: one that leaves the prefix once decoded (an escaped '/' or '.'
                // next to '..', a matrix parameter on '..') could reach a service's /q/* or another route there
                if (!LoggedPath.of(rc.request().path()).startsWith(prefix + "/")) {
                    Problems.send(rc, 404, "Not Found", "No such resource.");
                    return;
                }
                handle(rc, name, route, upstream);
            });
            LOG.infof("route %s: %s/** -> %s%s", name, prefix, upstream, route.open() ? " (open)" : " roles=" + route.roles().orElse(List.of()));
                });
        // security failures (e.g. a bad token on any route) come back as problem+json too
        router.route().order(-200).failureHandler(rc -> {
            Throwable f = rc.failure();
            if (f instanceof AuthenticationFailedException || f instanceof UnauthorizedException || rc.statusCode() == 401) {
                unauthorized(rc);
            } else if (f instanceof ForbiddenException || rc.statusCode() == 403) {
                Problems.send(rc, 403, "Forbidden", "Your roles do not allow this route.");
            } else {
                rc.next();
            }
        });
    }

    private void handle(RoutingContext rc, String name, GatewayConfig.Route route, URI upstream) {
        HttpServerRequest in = rc.request();
        String ip = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        if (!allowed(rc, "ip:" + ip, config.ipLimit())) {
            return;
        }
        if (route.open()) {
            if (cors(rc)) {
                return;
            }
        } else {
            SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser u ? u.getSecurityIdentity() : null;
            if (identity == null || identity.isAnonymous()) {
                unauthorized(rc);
                return;
            }
            List<String> roles = route.roles().orElse(List.of());
            if (!roles.isEmpty() && roles.stream().noneMatch(identity::hasRole)) {
                Problems.send(rc, 403, "Forbidden", "Your roles do not allow this route.");
                return;
            }
        }
        String caller = route.open() ? "ip:" + ip : "sub:" + subject(rc);
        if (!allowed(rc, name + "|" + caller, route.limit())) {
            return;
        }
        long maxBody = route.maxBody().asLongValue();
        String length = in.getHeader("Content-Length");
        if (length != null && parseLong(length) > maxBody) {
            Problems.send(rc, 413, "Payload Too Large", "The request body exceeds " + maxBody + " bytes.");
            return;
        }
        forward(rc, name, route, upstream, maxBody);
    }

    private boolean allowed(RoutingContext rc, String key, GatewayConfig.Limit limit) {
        RateLimiter.Decision d = limiter.acquire(key, limit.perSecond(), limit.burst());
        if (!d.allowed()) {
            rc.response().putHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
            Problems.send(rc, 429, "Too Many Requests", "Too many requests; retry after " + d.retryAfterSeconds() + " s.");
        }
        return d.allowed();
    }

    /** Adds CORS headers for an allowed origin; answers a preflight itself. Returns true when the request is done. */
    private boolean cors(RoutingContext rc) {
        String origin = rc.request().getHeader("Origin");
        if (origin == null) {
            return false;
        }
        List<String> origins = config.corsOrigins();
        boolean any = origins.contains("*");
        if (!any && !origins.contains(origin)) {
            if (rc.request().method() == HttpMethod.OPTIONS) {
                Problems.send(rc, 403, "Forbidden", "This origin may not call FundGuard from a browser.");
                return true;
            }
            return false;
        }
        HttpServerResponse r = rc.response();
        r.putHeader("Access-Control-Allow-Origin", any ? "*" : origin);
        r.putHeader("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, Location");
        if (!any) {
            r.putHeader("Vary", "Origin");
        }
        if (rc.request().method() == HttpMethod.OPTIONS && rc.request().getHeader("Access-Control-Request-Method") != null) {
            r.putHeader("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS");
            r.putHeader("Access-Control-Allow-Headers", "Content-Type, X-Request-Id, X-Receipt-Secret");
            r.putHeader("Access-Control-Max-Age", "600");
            r.setStatusCode(204).end();
            return true;
        }
        return false;
    }

    private void forward(RoutingContext rc, String name, GatewayConfig.Route route, URI upstream, long maxBody) {
        HttpServerRequest in = rc.request();
        in.pause();
        long timeout = route.timeout().toMillis();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.getHost())
                .setPort(upstream.getPort() > 0 ? upstream.getPort() : 80)
                .setURI(in.uri())
                // waiting for a pooled connection is bounded too, so that a backlog fails fast instead of piling up
                .setConnectTimeout(Math.min(timeout, config.upstreamPool().acquireTimeout().toMillis()))
                .setIdleTimeout(timeout);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        in.headers().forEach(h -> {
            if (!isHopByHop(h.getKey())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        String remote = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        String forwardedFor = in.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwardedFor == null ? remote : forwardedFor + ", " + remote);
        headers.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        if (in.authority() != null) {
            headers.set("X-Forwarded-Host", in.authority().toString());
        }
        options.setHeaders(headers);
        Exchange exchange = new Exchange();
        long timer = vertx.setTimer(timeout, t -> {
            if (!rc.response().headWritten()) {
                Problems.send(rc, 504, "Gateway Timeout", "The " + route.upstream() + " service did not answer in time.");
            }
        });
        // whenever the caller's exchange is over (answered, timed out, refused, or the caller went away), an
        // unfinished upstream exchange is abandoned, so that its pooled connection is not held until its idle timeout
        rc.addEndHandler(ended -> {
            vertx.cancelTimer(timer);
            exchange.callerDone();
        });
        BoundedBody body = new BoundedBody(in, maxBody, () ->
                Problems.send(rc, 413, "Payload Too Large", "The request body exceeds " + maxBody + " bytes."));
        client().request(options)
                .compose((HttpClientRequest out) -> {
                    if (!exchange.upstream(out)) {
                        return Future.failedFuture(CALLER_GONE);
                    }
                    body.onOverflow(out::reset);
                    return out.send(body);
                })
                .onSuccess(resp -> {
                    vertx.cancelTimer(timer);
                    HttpServerResponse r = rc.response();
                    if (r.ended() || r.headWritten() || r.closed()) {
                        exchange.abandon();
                        return;
                    }
                    r.setStatusCode(resp.statusCode());
                    resp.headers().forEach(h -> {
                        String key = h.getKey();
                        // the gateway already set its request id on the response
                        if (!isHopByHop(key) && !key.equalsIgnoreCase(RequestIds.HEADER)) {
                            r.headers().add(key, h.getValue());
                        }
                    });
                    pipe(resp, r, exchange);
                })
                .onFailure(err -> {
                    vertx.cancelTimer(timer);
                    exchange.abandon();
                    if (err == CALLER_GONE || exchange.isCallerDone() || body.overflowed()) {
                        // nobody is waiting for an answer any more
                        return;
                    }
                    LOG.warnf("route %s: %s %s failed: %s", name, in.method(), LoggedPath.of(in.path()), err.toString());
                    if (err instanceof TimeoutException || String.valueOf(err.getMessage()).contains("timeout")) {
                        Problems.send(rc, 504, "Gateway Timeout", "The " + route.upstream() + " service did not answer in time.");
                    } else {
                        Problems.send(rc, 502, "Bad Gateway", "The " + route.upstream() + " service is not reachable.");
                    }
                });
    }

    /**
     * Copies the upstream body to the caller with back-pressure, marking the upstream exchange finished before the
     * caller's response ends (so that the upstream connection goes back to the pool instead of being reset).
     */
    private static void pipe(HttpClientResponse resp, HttpServerResponse r, Exchange exchange) {
        resp.handler(chunk -> {
            if (r.ended()) {
                return;
            }
            if (!r.headWritten() && !r.headers().contains("Content-Length")) {
                // a body of unknown length (the upstream sent it chunked) goes on chunked (ignored for HTTP/1.0)
                r.setChunked(true);
            }
            r.write(chunk);
            if (r.writeQueueFull()) {
                resp.pause();
                r.drainHandler(v -> resp.resume());
            }
        });
        resp.exceptionHandler(err -> {
            exchange.abandon();
            if (!r.ended()) {
                r.reset();
            }
        });
        resp.endHandler(v -> {
            exchange.finished();
            if (!r.ended()) {
                r.end();
            }
        });
    }

    /** The upstream client of the calling event loop: its connections live on that loop, so no thread hop per request. */
    private HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return sharedClient;
        }
        Thread thread = Thread.currentThread();
        HttpClient c = clients.get(thread);
        if (c == null) {
            c = clients.computeIfAbsent(thread, t -> newClient());
        }
        return c;
    }

    private HttpClient newClient() {
        return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(2000),
                new PoolOptions().setHttp1MaxSize(config.upstreamPool().maxSize()));
    }

    private static boolean isHopByHop(String header) {
        for (String h : HOP_BY_HOP) {
            if (h.equalsIgnoreCase(header)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The upstream side of one forwarded request: its request once obtained, and whether it finished. An unfinished
     * upstream request is reset when the caller's side is over, which returns (or closes) its pooled connection.
     */
    private static final class Exchange {
        private HttpClientRequest out;
        private boolean callerDone;
        private boolean finished;

        /** Records the upstream request; false (and the request is reset) when the caller is already gone. */
        synchronized boolean upstream(HttpClientRequest request) {
            // failures reach the response future; a reset made here is expected and not worth an error line
            request.exceptionHandler(err -> LOG.debugf("upstream request ended early: %s", err));
            if (callerDone) {
                request.reset();
                return false;
            }
            out = request;
            return true;
        }

        synchronized boolean isCallerDone() {
            return callerDone;
        }

        synchronized void finished() {
            finished = true;
        }

        synchronized void callerDone() {
            callerDone = true;
            abandon();
        }

        synchronized void abandon() {
            if (!finished && out != null) {
                finished = true;
                out.reset();
            }
        }
    }

    private static void unauthorized(RoutingContext rc) {
        rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"fundguard\"");
        Problems.send(rc, 401, "Unauthorized", "A valid bearer token is required.");
    }

    private static String subject(RoutingContext rc) {
        SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser u ? u.getSecurityIdentity() : null;
        return identity == null ? "anonymous" : identity.getPrincipal().getName();
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
