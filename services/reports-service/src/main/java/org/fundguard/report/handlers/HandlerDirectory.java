package org.fundguard.report.handlers;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.kit.security.Roles;
import org.fundguard.report.ReportsConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Who may be assigned a report, asked of Keycloak, the source of roles and regions: a user of the realm who holds the
 * realm role {@code report-handler} (directly or through a group or composite role) and whose {@code region} attribute
 * is a valid code. The service asks through the Keycloak admin REST API as its own confidential client
 * ({@code reports.directory.client-id}), whose service account may only view and query users; the client-credentials
 * token is kept until shortly before it expires, each answer for {@code reports.directory.cache-for}. Calls go through
 * the Vert.x web client and never block the event loop. When Keycloak cannot be asked (down, slow, refusing the
 * service's own token) the answer is {@link Unavailable} (a 503 with {@code Retry-After}), never a guess.
 */
@ApplicationScoped
public class HandlerDirectory {

    private static final Logger LOG = Logger.getLogger(HandlerDirectory.class);
    /** A token is renewed this long before Keycloak says it expires. */
    static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

    /** Keycloak could not be asked: the caller should try again shortly. */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private record Token(String value, long until) {
    }

    /** A report handler: the username as Keycloak keeps it, and the region of their {@code region} attribute. */
    public record Handler(String username, String region) {

        /** Whether the handler's region covers {@code reportRegion} (以上查下: a province handler covers its cities). */
        public boolean covers(String reportRegion) {
            return RegionScope.of(region).canSee(reportRegion);
        }
    }

    /** The handler, or empty when the user is unknown, disabled, without the role or without a valid region. */
    private record Answer(Optional<Handler> handler, long until) {
    }

    private final WebClient web;
    private final ReportsConfig.Directory config;
    private final String tokenUrl;
    private final String usersUrl;
    private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();
    private final LongSupplier nanos = System::nanoTime;
    private volatile Token token;

    public HandlerDirectory(Vertx vertx, ReportsConfig config) {
        this.config = config.directory();
        String realm = stripSlash(this.config.url());
        int at = realm.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IllegalArgumentException("reports.directory.url must be a realm URL such as http://keycloak:8080/realms/fundguard");
        }
        this.tokenUrl = realm + "/protocol/openid-connect/token";
        this.usersUrl = realm.substring(0, at) + "/admin" + realm.substring(at) + "/users";
        this.web = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) this.config.timeout().toMillis())
                .setIdleTimeout((int) this.config.timeout().toSeconds() + 1));
    }

    @PreDestroy
    void close() {
        web.close();
    }

    /**
     * The report handler {@code username}, from the cache or Keycloak; empty when Keycloak knows no enabled user of
     * that name with the role {@code report-handler} and a valid {@code region}.
     *
     * @throws Unavailable (as the failure) when Keycloak cannot be asked
     */
    public Uni<Optional<Handler>> find(String username) {
        String key = username.strip().toLowerCase(java.util.Locale.ROOT);
        long now = nanos.getAsLong();
        Answer cached = answers.get(key);
        if (cached != null && now - cached.until() < 0) {
            return Uni.createFrom().item(cached.handler());
        }
        return ask(key, true).invoke(handler -> answers.put(key, new Answer(handler, now + config.cacheFor().toNanos())));
    }

    private Uni<Optional<Handler>> ask(String username, boolean retryOnRefusedToken) {
        return token().chain(t -> get(web.getAbs(usersUrl).addQueryParam("username", username).addQueryParam("exact", "true")
                        .addQueryParam("briefRepresentation", "false"), t)
                .chain(users -> {
                    JsonObject user = exactUser(users == null ? null : users.toJsonArray(), username);
                    if (user == null || !user.getBoolean("enabled", false)) {
                        return Uni.createFrom().item(Optional.<Handler>empty());
                    }
                    String region = firstAttribute(user, "region");
                    if (!RegionScope.isValidCode(region)) {
                        return Uni.createFrom().item(Optional.<Handler>empty());
                    }
                    return get(web.getAbs(usersUrl + "/" + user.getString("id") + "/role-mappings/realm/composite"), t)
                            .map(roles -> hasRole(roles == null ? null : roles.toJsonArray(), Roles.REPORT_HANDLER)
                                    ? Optional.of(new Handler(user.getString("username"), region)) : Optional.<Handler>empty());
                }))
                .onFailure(RefusedToken.class).recoverWithUni(e -> {
                    token = null;
                    if (retryOnRefusedToken) {
                        return ask(username, false);
                    }
                    return Uni.createFrom().failure(unavailable("Keycloak refused the service's token"));
                });
    }

    /** A GET with the bearer token; the body of a 2xx, a {@link RefusedToken} for 401, {@link Unavailable} otherwise. */
    private Uni<Buffer> get(io.vertx.mutiny.ext.web.client.HttpRequest<Buffer> request, String bearer) {
        return request.bearerTokenAuthentication(bearer).send()
                .ifNoItem().after(config.timeout()).fail()
                .onFailure().transform(e -> e instanceof Unavailable ? e : unavailable("Keycloak did not answer (" + e.getClass().getSimpleName() + ")"))
                .map(response -> {
                    if (response.statusCode() == 401) {
                        throw new RefusedToken();
                    }
                    if (response.statusCode() / 100 != 2) {
                        throw unavailable("Keycloak answered " + response.statusCode());
                    }
                    return response.body();
                });
    }

    private Uni<String> token() {
        Token t = token;
        if (t != null && nanos.getAsLong() - t.until() < 0) {
            return Uni.createFrom().item(t.value());
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials")
                .add("client_id", config.clientId())
                .add("client_secret", config.clientSecret());
        long asked = nanos.getAsLong();
        return web.postAbs(tokenUrl).sendForm(form)
                .ifNoItem().after(config.timeout()).fail()
                .onFailure().transform(e -> unavailable("Keycloak did not answer the token request (" + e.getClass().getSimpleName() + ")"))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw unavailable("Keycloak refused the service's client credentials (" + response.statusCode() + ")");
                    }
                    JsonObject body = json(response);
                    String value = body == null ? null : body.getString("access_token");
                    if (value == null) {
                        throw unavailable("Keycloak's token answer has no access_token");
                    }
                    long lifetime = Math.max(0, body.getLong("expires_in", 60L) - TOKEN_MARGIN.toSeconds());
                    token = new Token(value, asked + Duration.ofSeconds(lifetime).toNanos());
                    return value;
                });
    }

    private static JsonObject json(HttpResponse<Buffer> response) {
        try {
            return response.bodyAsJsonObject();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static JsonObject exactUser(JsonArray users, String username) {
        if (users == null) {
            return null;
        }
        for (int i = 0; i < users.size(); i++) {
            JsonObject u = users.getJsonObject(i);
            // Keycloak keeps usernames in lower case; exact=true still compares without case
            if (u != null && username.equalsIgnoreCase(u.getString("username"))) {
                return u;
            }
        }
        return null;
    }

    private static String firstAttribute(JsonObject user, String name) {
        JsonObject attributes = user.getJsonObject("attributes");
        JsonArray values = attributes == null ? null : attributes.getJsonArray(name);
        return values == null || values.size() != 1 ? null : values.getString(0);
    }

    private static boolean hasRole(JsonArray roles, String role) {
        if (roles == null) {
            return false;
        }
        for (int i = 0; i < roles.size(); i++) {
            JsonObject r = roles.getJsonObject(i);
            if (r != null && role.equals(r.getString("name"))) {
                return true;
            }
        }
        return false;
    }

    private static Unavailable unavailable(String why) {
        LOG.warnf("the report handler directory is unavailable: %s", why);
        return new Unavailable("The directory of report handlers (Keycloak) cannot be reached; try again shortly.");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Keycloak refused the token (401): it is dropped and asked for again, once. */
    private static final class RefusedToken extends RuntimeException {
        RefusedToken() {
            super(null, null, false, false);
        }
    }
}
