package org.fundguard.kit.tx;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Checks that a JDBC connection or a reactive-pool connection given to a kit write is inside an open transaction, for
 * the same reason as {@link CallerTransaction}: a kit write outside one would survive the caller's rollback.
 */
public final class JdbcTransaction {

    private JdbcTransaction() {
    }

    /** The connection, if it is not in auto-commit mode. */
    public static Connection require(Connection connection, String what) throws SQLException {
        if (connection == null) {
            throw new IllegalStateException(what + " needs the caller's connection");
        }
        if (connection.getAutoCommit()) {
            throw new IllegalStateException(what + " must run inside the caller's transaction (a connection with auto-commit off)");
        }
        return connection;
    }

    /**
     * The reactive connection, if a transaction is open on it (e.g. the one {@code pool.withTransaction(conn -> …)}
     * passes); a pool, or a connection without a transaction, is refused.
     */
    public static Uni<SqlConnection> require(SqlClient client, String what) {
        if (client instanceof SqlConnection c && c.transaction() != null) {
            return Uni.createFrom().item(c);
        }
        return Uni.createFrom().failure(new IllegalStateException(
                what + " must run inside the caller's transaction (the connection of pool.withTransaction)"));
    }
}
