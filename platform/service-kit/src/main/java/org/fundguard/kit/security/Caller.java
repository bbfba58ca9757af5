package org.fundguard.kit.security;

import java.util.Set;

/**
 * Who is calling, from the verified token: subject, username, realm roles, region scope, and for partner and
 * hospital systems the agency and institution. {@link #system(String)} stands for the service's own work
 * (consumers, schedulers).
 */
public record Caller(String subject, String username, Set<String> roles, String region, String agency, String institution) {

    public static Caller system(String name) {
        return new Caller("system:" + name, "system:" + name, Set.of(), null, null, null);
    }

    public RegionScope scope() {
        return RegionScope.of(region);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isSystem() {
        return subject.startsWith("system:");
    }
}
