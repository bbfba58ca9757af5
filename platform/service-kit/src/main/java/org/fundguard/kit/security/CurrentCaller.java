package org.fundguard.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;

/**
 * The {@link Caller} of the current request, read from the token quarkus-oidc verified. Inject this (a request-scoped
 * proxy), not a {@code Caller}: REST resources are singletons.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            caller = from(identity);
        }
        return caller;
    }

    /** Shortcut for {@code get().scope()}. */
    public RegionScope scope() {
        return get().scope();
    }

    static Caller from(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        Principal p = identity.getPrincipal();
        if (p instanceof JsonWebToken jwt) {
            String subject = jwt.getSubject() != null ? jwt.getSubject() : p.getName();
            return new Caller(subject, claim(jwt, "preferred_username"), identity.getRoles(),
                    claim(jwt, "region"), claim(jwt, "agency"), claim(jwt, "institution"));
        }
        return new Caller(p.getName(), p.getName(), identity.getRoles(), null, null, null);
    }

    /** A claim as text whatever its JSON type (a numeric {@code region} must not fail the request). */
    private static String claim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        if (v == null) {
            return null;
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }
}
