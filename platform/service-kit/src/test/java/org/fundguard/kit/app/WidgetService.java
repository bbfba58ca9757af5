package org.fundguard.kit.app;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.outbox.Outbox;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.RegionScope;

import java.util.Map;
import java.util.UUID;

/** Uses the kit as a service would: a change, its event and its audit entry in one transaction. */
@ApplicationScoped
public class WidgetService {

    private final Outbox outbox;
    private final AuditLog audit;

    public WidgetService(Outbox outbox, AuditLog audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Widget> create(String name, String region) {
        Widget w = new Widget();
        w.id = UUID.randomUUID();
        w.name = name;
        w.region = region;
        return w.<Widget>persist()
                .call(x -> outbox.append("widget.created.v1", w.id.toString(), Map.of("id", w.id.toString(), "name", name)))
                .call(x -> audit.record("widget.created", "widget", w.id.toString(), null, Map.of("name", name, "region", region)));
    }

    /** A second event of the same aggregate: same key, so it must follow the first on the same partition. */
    @WithTransaction
    public Uni<Widget> rename(UUID id, String name) {
        return Widget.<Widget>findById(id).chain(w -> {
            if (w == null) {
                return Uni.createFrom().failure(new DomainException.RecordNotFound("No widget " + id + "."));
            }
            Map<String, String> before = Map.of("name", w.name);
            w.name = name;
            return outbox.append("widget.renamed.v1", id.toString(), Map.of("id", id.toString(), "name", name))
                    .call(() -> audit.record("widget.renamed", "widget", id.toString(), before, Map.of("name", name)))
                    .replaceWith(w);
        });
    }

    /** Writes the widget and its event, then fails: the transaction must take both back. */
    @WithTransaction
    public Uni<Widget> createThenFail(String name, String region) {
        return create(name, region).chain(w -> Uni.createFrom().failure(new DomainException.StateConflict("refused after writing")));
    }

    /** An audited read, e.g. of a reporter's identity: no change, but who looked is recorded. */
    @WithTransaction
    public Uni<Void> recordView(String entity) {
        return audit.record("widget.viewed", "widget", entity, null, null).replaceWithVoid();
    }

    /** The misuse the outbox refuses: an event written in a session without a transaction. */
    @WithSession
    public Uni<Void> appendWithoutTransaction(String name) {
        return outbox.append("widget.created.v1", UUID.randomUUID().toString(), Map.of("name", name)).replaceWithVoid();
    }

    @WithSession
    public Uni<Widget> find(UUID id, RegionScope scope) {
        return Widget.<Widget>findById(id).onItem().transform(w -> {
            if (w == null || !scope.canSee(w.region)) {
                // another region's record is "not found", never "forbidden": its existence is not disclosed
                throw new DomainException.RecordNotFound("No widget " + id + ".");
            }
            return w;
        });
    }
}
