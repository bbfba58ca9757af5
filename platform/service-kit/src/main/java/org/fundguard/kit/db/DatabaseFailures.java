package org.fundguard.kit.db;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells a failure to reach the database (down, stalled, restarting, out of connections) from any other failure, so
 * that the kit's problem mapping answers it with 503 and {@code Retry-After} instead of 500. Looks through causes and
 * suppressed exceptions, as Hibernate Reactive and Mutiny wrap the driver's failure.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Whether this failure, or one of its causes, means the database cannot be reached right now. */
    public static boolean isUnavailable(Throwable failure) {
        return find(failure, new IdentityHashMap<>(), 0) != null;
    }

    /** A short, class-and-state description of the database failure for a log line or a health check (no SQL, no data). */
    public static String describe(Throwable failure) {
        Throwable t = find(failure, new IdentityHashMap<>(), 0);
        Throwable shown = t != null ? t : failure;
        String state = shown instanceof PgException p ? " " + p.getSqlState()
                : shown instanceof SQLException s && s.getSQLState() != null ? " " + s.getSQLState() : "";
        return shown.getClass().getSimpleName() + state;
    }

    private static Throwable find(Throwable t, Map<Throwable, Boolean> seen, int depth) {
        if (t == null || depth > 32 || seen.put(t, Boolean.TRUE) != null) {
            return null;
        }
        if (matches(t)) {
            return t;
        }
        Throwable hit = find(t.getCause(), seen, depth + 1);
        if (hit != null) {
            return hit;
        }
        for (Throwable s : t.getSuppressed()) {
            hit = find(s, seen, depth + 1);
            if (hit != null) {
                return hit;
            }
        }
        if (t instanceof SQLException s) {
            return find(s.getNextException(), seen, depth + 1);
        }
        return null;
    }

    private static boolean matches(Throwable t) {
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                || t instanceof ClosedConnectionException || t instanceof ClosedChannelException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof PgException p) {
            return unavailableState(p.getSqlState());
        }
        if (t instanceof SQLException s) {
            // Agroal's "Acquisition timeout while waiting for new connection" carries no SQL state
            return unavailableState(s.getSQLState()) || message(t).contains("acquisition timeout");
        }
        // the Vert.x pool's acquire timeout ("Timeout"), a connection closed under a running query, and one used
        // after the server closed it ("Connection is not active now, current status: CLOSED")
        if (t instanceof NoStackTraceThrowable) {
            String m = message(t);
            return m.startsWith("timeout") || m.contains("connection was closed") || m.contains("connection closed")
                    || m.startsWith("connection is not active now");
        }
        return false;
    }

    /**
     * 08: connection exception; 57P01–57P03: the server shuts down, crashed or is starting (admin, crash, cannot connect
     * now); 53300: too many connections.
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    }
}
