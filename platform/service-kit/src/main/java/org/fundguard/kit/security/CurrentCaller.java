package org.fundguard.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Set;

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
            return new Caller("anonymous", "anonymous", Set.of(), null, null, null);
        }
        Principal p = identity.getPrincipal();
        if (p instanceof JsonWebToken jwt) {
            return new Caller(jwt.getSubject(), jwt.getClaim("preferred_username"), Set.copyOf(identity.getRoles()),
                    jwt.getClaim("region"), jwt.getClaim("agency"), jwt.getClaim("institution"));
        }
        return new Caller(p.getName(), p.getName(), Set.copyOf(identity.getRoles()), null, null, null);
    }
}
