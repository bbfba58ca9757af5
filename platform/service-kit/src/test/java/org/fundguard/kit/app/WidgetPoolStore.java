package org.fundguard.kit.app;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.outbox.Outbox;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.Caller;

import java.util.Map;
import java.util.UUID;

/** Writes widgets on the raw reactive pool: the row, its event and its audit entry in one pool transaction. */
@ApplicationScoped
public class WidgetPoolStore {

    static final Caller ACTOR = Caller.system("widget-pool");

    private final Pool pool;
    private final Outbox outbox;
    private final AuditLog audit;

    public WidgetPoolStore(Pool pool, Outbox outbox, AuditLog audit) {
        this.pool = pool;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Inserts a widget, its event and its audit entry; fails after writing them when {@code fail}. */
    public Uni<UUID> create(UUID id, String name, boolean fail) {
        return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO widget (id, name, region) VALUES ($1, $2, '341100')")
                .execute(Tuple.of(id, name))
                .chain(() -> outbox.append(conn, "widget.created.v1", id.toString(), Map.of("id", id.toString(), "name", name)))
                .chain(() -> audit.record(conn, ACTOR, "widget.created", "widget", id.toString(), null, Map.of("name", name)))
                .chain(() -> fail
                        ? Uni.createFrom().failure(new DomainException.StateConflict("refused after writing"))
                        : Uni.createFrom().item(id)));
    }

    /** The misuse the kit refuses: the pool itself instead of a transaction's connection. */
    public Uni<Void> appendOnThePool(String name) {
        return outbox.append(pool, "widget.created.v1", UUID.randomUUID().toString(), Map.of("name", name)).replaceWithVoid();
    }
}
