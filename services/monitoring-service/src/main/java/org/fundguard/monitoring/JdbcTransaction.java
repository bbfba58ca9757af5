package org.fundguard.monitoring;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One plain-JDBC transaction: the work gets the open connection ({@code tx}) that every {@code *Store} write and its
 * audit entry (service-kit's {@code AuditLog.record(Connection, …)}) and outbox event ({@code Outbox.append(Connection, …)})
 * take, so they commit together or roll back together. Blocking. (The kit checks the connection is in a transaction;
 * this opens, commits and rolls back one.)
 */
public final class JdbcTransaction {

    /** Work on the open transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection tx) throws SQLException;
    }

    private JdbcTransaction() {
    }

    /** Runs {@code work} in a new transaction: committed when it returns, rolled back when it throws. */
    public static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                T result = work.apply(tx);
                tx.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                tx.rollback();
                throw e;
            }
        }
    }
}
