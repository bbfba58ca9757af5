package org.fundguard.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The key ids the realm publishes now, so that a token signed with a key the realm no longer has is refused.
 *
 * <p>quarkus-oidc fetches the realm's JWKS at start and again only when a token names a key id it does not know (at
 * most every {@code quarkus.oidc.token.forced-jwk-refresh-interval}); a key that disappears from the realm (rotation,
 * a restart of a dev realm) stays trusted until the process restarts. This bean reads the JWKS (found through the
 * realm's discovery document) every {@code fundguard.signing-keys.refresh-interval} (15 s), whatever the traffic, and
 * {@link VerifiedTokenCache} refuses, before quarkus-oidc and before any cached identity is reused, a token whose key id
 * is not among them. A key id it does not know yet (a key just added) makes it read the JWKS again at once, at most every
 * {@code min-refresh-interval} (10 s), so forged key ids cannot make it fetch more often. Until a first read succeeds (the
 * realm unreachable at start) it refuses nothing and quarkus-oidc decides alone; a failed later read keeps the last set.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    /** Settings under {@code fundguard.signing-keys}. */
    @ConfigMapping(prefix = "fundguard.signing-keys")
    public interface Config {

        /** Off: only quarkus-oidc's own key handling. */
        @WithDefault("true")
        boolean enabled();

        /** How often the JWKS is read whatever the traffic: the longest a removed key is still trusted. */
        @WithDefault("15s")
        Duration refreshInterval();

        /** Shortest time between two reads caused by unknown key ids. */
        @WithDefault("10s")
        Duration minRefreshInterval();

        /** Longest wait for the realm's answer. */
        @WithDefault("5s")
        Duration requestTimeout();
    }

    private final Config config;
    private final Optional<String> authServerUrl;
    private final Vertx vertx;
    private final AtomicReference<Uni<Set<String>>> inFlight = new AtomicReference<>();
    private volatile WebClient client;
    private volatile String jwksUri;
    private volatile Set<String> current;
    private volatile long lastAttemptNanos = System.nanoTime() - Duration.ofDays(1).toNanos();

    public SigningKeys(Config config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
                       Vertx vertx) {
        this.config = config;
        this.authServerUrl = authServerUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent ev) {
        if (!active()) {
            return;
        }
        client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.requestTimeout().toMillis()).setFollowRedirects(false));
        refresh().subscribe().with(k -> { }, e -> { });
        vertx.setPeriodic(config.refreshInterval().toMillis(), id -> refresh().subscribe().with(k -> { }, e -> { }));
    }

    private boolean active() {
        return config.enabled() && authServerUrl.isPresent();
    }

    /** Whether a token naming this key id may go on now (no read): true when the set is not known yet or has it. */
    public boolean isCurrent(String kid) {
        Set<String> keys = current;
        return keys == null || kid == null || keys.contains(kid);
    }

    /**
     * Whether a token naming this key id may go on: {@link #isCurrent} or, for an id not in the set, after a new read
     * of the JWKS when the last read is older than {@code min-refresh-interval}.
     */
    public Uni<Boolean> accepts(String kid) {
        if (isCurrent(kid)) {
            return Uni.createFrom().item(Boolean.TRUE);
        }
        if (System.nanoTime() - lastAttemptNanos < config.minRefreshInterval().toNanos()) {
            return Uni.createFrom().item(Boolean.FALSE);
        }
        Context ctx = io.vertx.core.Vertx.currentContext();
        Uni<Boolean> found = refresh().map(keys -> keys == null || keys.contains(kid))
                .onFailure().recoverWithItem(() -> isCurrent(kid));
        // go on where the request was, not on the thread that happened to read the JWKS
        return ctx == null ? found : found.emitOn(r -> ctx.runOnContext(v -> r.run()));
    }

    /** The key id a compact JWS names in its header, or null when it names none or is not a JWS. */
    public static String keyIdOf(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > 4096) {
            return null;
        }
        try {
            JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8));
            Object kid = header.getValue("kid");
            return kid instanceof String s ? s : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** One read at a time; callers during a read share it. */
    Uni<Set<String>> refresh() {
        if (!active() || client == null) {
            return Uni.createFrom().nullItem();
        }
        Uni<Set<String>> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Uni<Set<String>> read = Uni.createFrom().deferred(this::read)
                .onItem().invoke(keys -> current = keys)
                .onFailure().invoke(e -> LOG.warnf("cannot read the realm's signing keys (%s); keeping the last known", e.toString()))
                .onTermination().invoke(() -> inFlight.set(null))
                .memoize().indefinitely();
        if (!inFlight.compareAndSet(null, read)) {
            return inFlight.get() == null ? read : inFlight.get();
        }
        lastAttemptNanos = System.nanoTime();
        return read;
    }

    private Uni<Set<String>> read() {
        Uni<String> uri = jwksUri != null ? Uni.createFrom().item(jwksUri)
                : get(authServerUrl.get() + "/.well-known/openid-configuration").map(d -> {
                    String u = d.getString("jwks_uri");
                    if (u == null) {
                        throw new IllegalStateException("the discovery document names no jwks_uri");
                    }
                    jwksUri = u;
                    return u;
                });
        return uri.chain(this::get).map(jwks -> {
            Set<String> kids = new HashSet<>();
            JsonArray keys = jwks.getJsonArray("keys", new JsonArray());
            for (int i = 0; i < keys.size(); i++) {
                String kid = keys.getJsonObject(i).getString("kid");
                if (kid != null) {
                    kids.add(kid);
                }
            }
            return Set.copyOf(kids);
        });
    }

    private Uni<JsonObject> get(String url) {
        return client.getAbs(url).timeout(config.requestTimeout().toMillis()).send().map(r -> {
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode());
            }
            return r.bodyAsJsonObject();
        });
    }
}
