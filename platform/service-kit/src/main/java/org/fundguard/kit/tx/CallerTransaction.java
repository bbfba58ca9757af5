package org.fundguard.kit.tx;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/** The caller's current reactive transaction, for kit writes that must commit or roll back with the caller's change. */
public final class CallerTransaction {

    private CallerTransaction() {
    }

    /**
     * The current Panache session, failing when no transaction is open on it: a kit write outside a transaction would
     * be flushed on its own and survive the caller's rollback, which is exactly the dual write the kit prevents.
     */
    public static Uni<Mutiny.Session> session(String what) {
        return Panache.getSession().chain(s -> s.currentTransaction() != null
                ? Uni.createFrom().item(s)
                : Uni.createFrom().failure(new IllegalStateException(
                        what + " must run inside the caller's transaction (a @WithTransaction method)")));
    }
}
