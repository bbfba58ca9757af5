package org.fundguard.kit.db;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @Test
    void recognisesAnUnreachableDatabaseThroughWrappers() {
        assertThat(DatabaseFailures.isUnavailable(new CompletionException(new ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new IllegalStateException(ClosedConnectionException.INSTANCE)))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new NoStackTraceThrowable("Timeout"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new NoStackTraceThrowable("Connection is not active now, current status: CLOSED"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLTransientConnectionException("gone"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("connection attempt failed", "08001"))).isTrue();
    }

    @Test
    void recognisesShutdownAndConnectionSqlStates() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006", "53300"}) {
            assertThat(DatabaseFailures.isUnavailable(new PgException("x", "FATAL", state, null))).as(state).isTrue();
        }
    }

    @Test
    void leavesOtherFailuresToTheGeneric500() {
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new PgException("syntax", "ERROR", "42601", null))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new NoStackTraceThrowable("something else"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(null)).isFalse();
    }

    @Test
    void describesWithClassAndStateOnly() {
        assertThat(DatabaseFailures.describe(new CompletionException(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null)))).isEqualTo("PgException 57P01");
    }

    @Test
    void aCauseLoopEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseFailures.isUnavailable(a)).isFalse();
    }
}
