package org.fundguard.report.handlers;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.RegionScope;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The report handlers this service has seen sign in, with their region. Keycloak is the source of roles and regions;
 * the service learns them from the verified tokens of the requests it gets, so it needs no admin access to the realm.
 * An assignment names a handler found here whose region covers the report's. Each user is looked at on their first
 * request after a start and again after {@link #RECHECK}; a change (new handler, other region, role removed) is written
 * with its audit entry in one transaction.
 */
@ApplicationScoped
public class HandlerDirectory {

    public static final String ROLE = "report-handler";
    static final Duration RECHECK = Duration.ofMinutes(10);

    private record Seen(String region, long at) {
    }

    private final AuditLog audit;
    private final Map<String, Seen> recent = new ConcurrentHashMap<>();

    public HandlerDirectory(AuditLog audit) {
        this.audit = audit;
    }

    /** Whether the caller's role and region need to be written down (not seen like this recently). */
    boolean needsLook(Caller c) {
        Seen s = recent.get(c.username());
        String region = regionAsHandler(c);
        return s == null || !java.util.Objects.equals(s.region(), region)
                || System.nanoTime() - s.at() > RECHECK.toNanos();
    }

    /** Records the caller as a report handler of their region, or removes them when they no longer are one. */
    @WithTransaction
    public Uni<Void> signedIn(Caller c) {
        String region = regionAsHandler(c);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return KnownHandler.<KnownHandler>findById(c.username()).chain(h -> {
            Uni<?> change;
            if (region == null) {
                change = h == null ? Uni.createFrom().voidItem()
                        : h.delete().call(() -> audit.record(c, "report-handler.removed", "report-handler", c.username(),
                        Map.of("region", h.region), null));
            } else if (h == null) {
                KnownHandler n = new KnownHandler();
                n.username = c.username();
                n.region = region;
                n.firstSeenAt = now;
                n.lastSeenAt = now;
                change = n.persist().call(() -> audit.record(c, "report-handler.seen", "report-handler", c.username(),
                        null, Map.of("region", region)));
            } else if (!h.region.equals(region)) {
                String before = h.region;
                h.region = region;
                h.lastSeenAt = now;
                change = audit.record(c, "report-handler.region-changed", "report-handler", c.username(),
                        Map.of("region", before), Map.of("region", region));
            } else {
                h.lastSeenAt = now;
                change = Uni.createFrom().voidItem();
            }
            return change.invoke(() -> recent.put(c.username(), new Seen(region, System.nanoTime()))).replaceWithVoid();
        });
    }

    /** Whether {@code username} is a report handler known to the service whose region covers {@code reportRegion}. */
    public Uni<Boolean> handles(String username, String reportRegion) {
        return KnownHandler.<KnownHandler>findById(username)
                .map(h -> h != null && RegionScope.of(h.region).canSee(reportRegion));
    }

    /** The caller's region if they hold the role with a valid region, else null. */
    private static String regionAsHandler(Caller c) {
        return c.hasRole(ROLE) && RegionScope.isValidCode(c.region()) ? c.region() : null;
    }
}
