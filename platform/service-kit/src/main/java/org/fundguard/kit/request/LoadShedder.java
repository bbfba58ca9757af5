package org.fundguard.kit.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.fundguard.kit.problem.Problem;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests a service works on at once. Above {@code fundguard.http.max-in-flight} a request is refused at
 * once with 503, {@code Retry-After} and a problem+json body, before its body is read or its token verified, so an
 * overload costs the service almost nothing and the work it did accept still finishes in time — instead of a queue
 * that grows without bound until every answer is late and the heap runs out. Health, metrics and OpenAPI ({@code /q/})
 * are never refused. A request stops counting when its response ends or its connection closes.
 */
@ApplicationScoped
public class LoadShedder {

    /** Settings under {@code fundguard.http}. */
    @ConfigMapping(prefix = "fundguard.http")
    public interface Config {

        /** Requests worked on at once; 0 turns the limit off. */
        @WithDefault("256")
        int maxInFlight();

        /** Seconds a refused caller is told to wait ({@code Retry-After}). */
        @WithDefault("1")
        int retryAfterSeconds();
    }

    /** After the request id (-1000), so a refusal carries one and is logged; before CORS and authentication. */
    static final int ORDER = -900;

    private final int max;
    private final String retryAfter;
    private final ObjectMapper json;
    private final AtomicInteger inFlight = new AtomicInteger();

    @Inject
    public LoadShedder(Config config, ObjectMapper json) {
        this(config.maxInFlight(), config.retryAfterSeconds(), json);
    }

    public LoadShedder(int maxInFlight, int retryAfterSeconds, ObjectMapper json) {
        this.max = maxInFlight;
        this.retryAfter = Integer.toString(retryAfterSeconds);
        this.json = json;
    }

    void register(@Observes Router router) {
        if (max > 0) {
            router.route().order(ORDER).handler(handler());
        }
    }

    /** The route handler; public so that it can be mounted on a plain Vert.x router. */
    public Handler<RoutingContext> handler() {
        return rc -> {
            if (rc.request().path().startsWith("/q/")) {
                rc.next();
                return;
            }
            if (inFlight.incrementAndGet() > max) {
                inFlight.decrementAndGet();
                refuse(rc);
                return;
            }
            rc.addEndHandler(done -> inFlight.decrementAndGet());
            rc.next();
        };
    }

    /** Requests being worked on now. */
    public int inFlight() {
        return inFlight.get();
    }

    private void refuse(RoutingContext rc) {
        Problem p = new Problem("about:blank", "Service Unavailable", 503,
                "The service is at its limit of " + max + " requests at once; retry after " + retryAfter + " s.",
                rc.request().path(), null, (String) rc.get(RequestId.KEY));
        String body;
        try {
            body = json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}";
        }
        rc.response().setStatusCode(503).putHeader("Retry-After", retryAfter)
                .putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close").end(body);
    }
}
