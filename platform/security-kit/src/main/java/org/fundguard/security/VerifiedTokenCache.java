package org.fundguard.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified bearer tokens, so that the same token is not parsed and verified again on every request.
 *
 * <p>quarkus-oidc verifies every token (signature against the JWKS, issuer, audience, expiry) and builds its identity
 * from the claims: three JSON parses (each allocating a 16 KB buffer) and a signature check — about half of the gateway's
 * CPU per request and, in a service, most of the garbage of a 3101 check. The gateway and every service (through the
 * service kit) use this provider; it runs before quarkus-oidc's: a token whose identity is here and still valid gets that identity
 * (re-bound to the current request); any other token falls through to quarkus-oidc unchanged, and {@link Recorder}
 * keeps the identity quarkus-oidc built. What is kept:
 * <ul>
 *   <li>only identities of tokens that passed verification, never refusals, keyed by the token's SHA-256;</li>
 *   <li>never past the token's {@code exp}, and at most {@code fundguard.token-cache.max-age} (30 s) — the same bound
 *       as quarkus-oidc's forced JWKS refresh, so a key rotation is seen no later than without this cache;</li>
 *   <li>at most {@code fundguard.token-cache.max-entries} (0 turns the cache off); when full, expired entries are dropped and new tokens are
 *       simply verified every time until there is room again.</li>
 * </ul>
 * Whether cached or not, a token signed with a key the realm no longer publishes ({@link SigningKeys}) is refused here
 * with 401, before quarkus-oidc, which would go on trusting a removed key it fetched once.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    /** Settings under {@code fundguard.token-cache}. */
    @ConfigMapping(prefix = "fundguard.token-cache")
    public interface Config {

        /** Tokens kept; 0 turns the cache off. */
        @WithDefault("2048")
        int maxEntries();

        /** Longest time a token's identity is reused (never past its exp). */
        @WithDefault("30s")
        Duration maxAge();
    }

    /** Marks an identity served from here, so that {@link Recorder} does not store it again. */
    static final String FROM_CACHE = "fundguard.token-cache";

    private record Entry(SecurityIdentity identity, long validUntilMillis, String kid) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Map<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxAgeMillis;
    private final SigningKeys keys;

    public VerifiedTokenCache(Config config, SigningKeys keys) {
        this.maxEntries = config.maxEntries();
        this.maxAgeMillis = config.maxAge().toMillis();
        this.keys = keys;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before quarkus-oidc's provider (which has the default system priority). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        String token = request.getToken().getToken();
        if (maxEntries > 0) {
            ByteBuffer key = key(token);
            Entry e = entries.get(key);
            if (e != null) {
                if (System.currentTimeMillis() < e.validUntilMillis() && keys.isCurrent(e.kid())) {
                    return Uni.createFrom().item(rebind(e.identity(), request, context));
                }
                entries.remove(key, e);
            }
        }
        String kid = SigningKeys.keyIdOf(token);
        if (keys.isCurrent(kid)) {
            // quarkus-oidc verifies it
            return Uni.createFrom().nullItem();
        }
        return keys.accepts(kid).onItem().transformToUni(ok -> ok ? Uni.createFrom().<SecurityIdentity>nullItem()
                : Uni.createFrom().failure(new AuthenticationFailedException("the token's signing key is not published by the realm")));
    }

    /** The same principal, roles and credential; this request's routing context and request context. */
    private static SecurityIdentity rebind(SecurityIdentity identity, TokenAuthenticationRequest request,
                                           AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .addAttribute(AuthenticationRequestContext.class.getName(), context);
        if (rc != null) {
            b.addAttribute(RoutingContext.class.getName(), rc);
        }
        return b.build();
    }

    /** Keeps the identity of a token quarkus-oidc has just verified. */
    void put(SecurityIdentity identity) {
        if (maxEntries <= 0 || identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        long exp = jwt.getExpirationTime();
        if (token == null || token.getToken() == null || exp <= 0) {
            return;
        }
        long now = System.currentTimeMillis();
        long validUntil = Math.min(exp * 1000, now + maxAgeMillis);
        if (validUntil <= now) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(x -> now >= x.validUntilMillis());
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(key(token.getToken()), new Entry(identity, validUntil, SigningKeys.keyIdOf(token.getToken())));
    }

    /** Tokens whose identity is kept now. */
    public int size() {
        return entries.size();
    }

    /** Whether the identity of this token is kept (and still valid). */
    public boolean holds(String token) {
        Entry e = entries.get(key(token));
        return e != null && System.currentTimeMillis() < e.validUntilMillis();
    }

    private static ByteBuffer key(String token) {
        return ByteBuffer.wrap(SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** Runs first among the augmentors, on the identity as the identity provider built it. */
    @ApplicationScoped
    public static class Recorder implements SecurityIdentityAugmentor {

        private final VerifiedTokenCache cache;

        public Recorder(VerifiedTokenCache cache) {
            this.cache = cache;
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            cache.put(identity);
            return Uni.createFrom().item(identity);
        }
    }
}
