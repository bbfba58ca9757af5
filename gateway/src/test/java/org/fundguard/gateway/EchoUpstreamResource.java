package org.fundguard.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in upstream that echoes what the gateway forwarded (method, path, headers, body length), so tests can
 * assert on the forwarding itself. The monitoring upstream points at a closed port, as a stopped service would be.
 */
public class EchoUpstreamResource implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
                if (req.path().endsWith("/slow")) {
                    vertx.setTimer(5000, t -> req.response().end("late"));
                    return;
                }
                JsonObject headers = new JsonObject();
                req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("method", req.method().name())
                        .put("uri", req.uri())
                        .put("headers", headers)
                        .put("bodyLength", body.length())
                        .encode());
            })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            int closed = org.fundguard.devstack.Ports.pickFree();
            return Map.of(
                    "gateway.upstreams.reports", "http://127.0.0.1:" + server.actualPort(),
                    "gateway.upstreams.disclosure", "http://127.0.0.1:" + server.actualPort(),
                    "gateway.upstreams.monitoring", "http://127.0.0.1:" + closed,
                    "gateway.routes.disclosure-public.timeout", "1s",
                    "gateway.routes.reports-api.max-body", "1K",
                    // a route of its own for the rate-limit tests, so other tests never drain its bucket
                    "gateway.routes.limited.prefix", "/public/limited",
                    "gateway.routes.limited.upstream", "reports",
                    "gateway.routes.limited.open", "true",
                    "gateway.routes.limited.limit.burst", "3",
                    "gateway.routes.limited.limit.per-second", "2");
        } catch (Exception e) {
            throw new IllegalStateException("echo upstream did not start", e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
