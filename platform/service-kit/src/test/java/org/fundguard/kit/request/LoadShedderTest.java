package org.fundguard.kit.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shedder on a real Vert.x HTTP server: requests held open fill it, the next one is refused at once. */
class LoadShedderTest {

    private record Held(RoutingContext rc, Context context) {
        void answer() {
            context.runOnContext(v -> rc.response().end("done"));
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Held> held = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private LoadShedder shedder;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        shedder = new LoadShedder(2, 3, new ObjectMapper());
        Router router = Router.router(vertx);
        router.route().handler(rc -> {
            rc.put(RequestId.KEY, "rid-1");
            rc.next();
        });
        router.route().handler(shedder.handler());
        router.get("/api/slow").handler(rc -> held.add(new Held(rc, Vertx.currentContext())));
        router.get("/q/health/ready").handler(rc -> rc.response().end("UP"));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> get(String path) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestAboveTheLimitIsRefusedAtOnceWith503AndRetryAfter() throws Exception {
        CompletableFuture<HttpResponse<String>> first = get("/api/slow");
        CompletableFuture<HttpResponse<String>> second = get("/api/slow");
        await().atMost(Duration.ofSeconds(5)).until(() -> held.size() == 2);
        assertThat(shedder.inFlight()).isEqualTo(2);

        HttpResponse<String> refused = get("/api/slow").get(5, TimeUnit.SECONDS);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("instance").asText()).isEqualTo("/api/slow");
        assertThat(problem.get("traceId").asText()).isEqualTo("rid-1");
        assertThat(held).as("the refused request never reached its handler").hasSize(2);
        assertThat(get("/q/health/ready").get(5, TimeUnit.SECONDS).statusCode()).as("probes are never refused")
                .isEqualTo(200);

        held.forEach(Held::answer);
        assertThat(first.get(5, TimeUnit.SECONDS).body()).isEqualTo("done");
        assertThat(second.get(5, TimeUnit.SECONDS).body()).isEqualTo("done");
        await().atMost(Duration.ofSeconds(5)).until(() -> shedder.inFlight() == 0);

        CompletableFuture<HttpResponse<String>> again = get("/api/slow");
        await().atMost(Duration.ofSeconds(5)).until(() -> held.size() == 3);
        held.get(2).answer();
        assertThat(again.get(5, TimeUnit.SECONDS).statusCode()).as("accepted again once answers went out").isEqualTo(200);
    }

    @Test
    void aCallerThatHangsUpStopsCounting() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write("GET /api/slow HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> shedder.inFlight() == 1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> shedder.inFlight() == 0);
    }
}
