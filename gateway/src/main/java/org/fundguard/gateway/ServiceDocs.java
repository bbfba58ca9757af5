package org.fundguard.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;

/**
 * Serves each service's OpenAPI document at {@code /q/services/<service>/openapi}, so that the gateway's Swagger UI
 * ({@code /q/swagger-ui}) lists every API of the suite on one page.
 */
@ApplicationScoped
public class ServiceDocs {

    private final GatewayConfig config;
    private final Vertx vertx;

    public ServiceDocs(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        HttpClient client = vertx.createHttpClient();
        router.get("/q/services/:service/openapi").order(-100).handler(rc -> {
            String service = rc.pathParam("service");
            String base = config.upstreams().get(service);
            if (base == null) {
                Problems.send(rc, 404, "Not Found", "No service named " + service + ".");
                return;
            }
            URI upstream = URI.create(base);
            String accept = rc.request().getHeader("Accept");
            String format = rc.request().getParam("format");
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.getHost())
                    .setPort(upstream.getPort()).setURI("/q/openapi" + (format == null ? "" : "?format=" + ("json".equals(format) ? "json" : "yaml")))
                    .setTimeout(5000);
            if (accept != null) {
                options.putHeader("Accept", accept);
            }
            // documents are small: read whole, then answer
            client.request(options).compose(req -> req.send().compose(resp -> resp.body().map(body -> {
                rc.response().setStatusCode(resp.statusCode());
                String type = resp.getHeader("Content-Type");
                if (type != null) {
                    rc.response().putHeader("Content-Type", type);
                }
                rc.response().end(body);
                return body;
            }))).onFailure(err -> Problems.send(rc, 502, "Bad Gateway", "The " + service + " service is not reachable."));
        });
    }
}
