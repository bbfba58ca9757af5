package org.fundguard.kit;

import org.fundguard.testsupport.TestDatabases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Direct reads of the test database, to assert what was (and was not) written. */
public final class Db {

    private static final String DATABASE = "test_service_kit";

    private Db() {
    }

    public static List<Map<String, Object>> query(String sql, Object... args) {
        return TestDatabases.query(DATABASE, sql, args);
    }

    public static long count(String sql, Object... args) {
        return TestDatabases.count(DATABASE, sql, args);
    }

    /** Opens a transaction that holds {@code pg_advisory_xact_lock(key)} until closed, as another replica's pass would. */
    public static Connection holdAdvisoryLock(long key) {
        try {
            Connection c = TestDatabases.connect(DATABASE);
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
