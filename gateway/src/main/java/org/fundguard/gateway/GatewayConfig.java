package org.fundguard.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The route table (path prefix → upstream, roles, open or not, timeout, body limit, rate limit) and gateway-wide limits. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Upstream base URLs by service name, e.g. {@code reports → http://localhost:8081}. */
    Map<String, String> upstreams();

    /** Routes by name. */
    Map<String, Route> routes();

    /** Requests per remote IP over all routes: the flood guard in front of the per-route limits. */
    Limit ipLimit();

    /** Connections to each upstream, per event loop. */
    UpstreamPool upstreamPool();

    /** Origins allowed to call the open routes from a browser. */
    @WithDefault("*")
    List<String> corsOrigins();

    /** One route. */
    interface Route {
        /** Path prefix such as {@code /api/reports}; the path is forwarded unchanged. */
        String prefix();

        /** Name of an entry of {@code gateway.upstreams}. */
        String upstream();

        /** Open without a token ({@code /public/**} routes). */
        @WithDefault("false")
        boolean open();

        /** Any one of these realm roles is required (ignored for open routes). */
        Optional<List<String>> roles();

        @WithDefault("30s")
        Duration timeout();

        /** Largest request body forwarded; larger ones get 413. */
        @WithDefault("1M")
        MemorySize maxBody();

        /** Per caller: the token's subject on routes that need a token, the remote IP on open ones. */
        Limit limit();
    }

    /** A token bucket: {@code burst} requests at once, refilled at {@code per-second}. */
    interface Limit {
        @WithDefault("50")
        double perSecond();

        @WithDefault("100")
        int burst();
    }

    /** Pooled keep-alive connections to the upstreams. */
    interface UpstreamPool {
        /** Connections per upstream and event loop. */
        @WithDefault("64")
        int maxSize();

        /** Longest wait for a pooled connection (capped by the route's timeout); then 504. */
        @WithDefault("5s")
        Duration acquireTimeout();
    }
}
