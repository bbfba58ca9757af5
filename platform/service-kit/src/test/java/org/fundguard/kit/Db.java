package org.fundguard.kit;

import org.fundguard.testsupport.TestDatabases;
import org.fundguard.testsupport.TestStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Direct reads of the test database, to assert what was (and was not) written. */
public final class Db {

    private Db() {
    }

    public static List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a transaction that holds {@code pg_advisory_xact_lock(key)} until closed, as another replica's pass would. */
    public static Connection holdAdvisoryLock(long key) {
        try {
            Connection c = connect();
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

    private static Connection connect() throws SQLException {
        TestStack.Endpoint pg = TestStack.postgres();
        return DriverManager.getConnection(TestDatabases.jdbcUrl("test_service_kit"), pg.username(), pg.password());
    }

    public static long count(String sql, Object... args) {
        return ((Number) query(sql, args).get(0).values().iterator().next()).longValue();
    }
}
