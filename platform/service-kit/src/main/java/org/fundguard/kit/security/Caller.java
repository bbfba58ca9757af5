package org.fundguard.kit.security;

import java.util.Set;

/**
 * Who is calling, from the verified token: subject, username, realm roles, region, and for partner and hospital
 * systems the agency and institution. {@link #system(String)} stands for the service's own work (consumers,
 * schedulers), {@link #ANONYMOUS} for a request without a token.
 */
public record Caller(String subject, String username, Set<String> roles, String region, String agency, String institution) {

    /** A request without a token (public endpoints): no roles, no region, sees nothing region-scoped. */
    public static final Caller ANONYMOUS = new Caller("anonymous", "anonymous", Set.of(), null, null, null);

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** The service itself acting, e.g. {@code system("violation-consumer")}. */
    public static Caller system(String name) {
        return new Caller("system:" + name, "system:" + name, Set.of(), null, null, null);
    }

    /**
     * What this caller may see of the region tree. Only the {@code region} claim counts, whatever the roles: an admin
     * of 340000 sees Anhui, and a token without a (valid) region claim sees nothing.
     */
    public RegionScope scope() {
        return RegionScope.of(region);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isSystem() {
        return subject.startsWith("system:");
    }

    public boolean isAnonymous() {
        return ANONYMOUS.subject().equals(subject) && roles.isEmpty();
    }
}
