package org.fundguard.report.handlers;

import io.smallrye.mutiny.Uni;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.CurrentCaller;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps the {@link HandlerDirectory} up to date from the verified token of each staff request, before the request
 * goes on; a failure to write it is logged and does not fail the request.
 */
public class HandlerSignIns {

    private static final Logger LOG = Logger.getLogger(HandlerSignIns.class);

    private final HandlerDirectory directory;
    private final CurrentCaller caller;

    public HandlerSignIns(HandlerDirectory directory, CurrentCaller caller) {
        this.directory = directory;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Uni<Void> look() {
        Caller c = caller.get();
        if (c.isAnonymous() || c.isSystem() || c.username() == null || !directory.needsLook(c)) {
            return Uni.createFrom().voidItem();
        }
        return directory.signedIn(c).onFailure().recoverWithUni(e -> {
            LOG.warnf("the report handler directory was not updated: %s", e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        });
    }
}
