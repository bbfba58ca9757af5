package org.fundguard.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Databases on the shared test PostgreSQL: their URLs, a fresh one on demand, and direct reads for assertions. */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static String jdbcUrl(String database) {
        return "jdbc:" + reactiveUrl(database);
    }

    public static String reactiveUrl(String database) {
        return TestStack.postgres().url() + "/" + database;
    }

    /** Drops (closing its connections) and creates {@code database}. */
    public static void recreate(String database) {
        TestStack.Endpoint pg = TestStack.postgres();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), pg.username(), pg.password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Opens a connection to {@code database} as the superuser; the caller closes it. */
    public static Connection connect(String database) throws SQLException {
        TestStack.Endpoint pg = TestStack.postgres();
        return DriverManager.getConnection(jdbcUrl(database), pg.username(), pg.password());
    }

    /**
     * Runs one statement on {@code database}, as a test looks at what a service wrote (and did not write): the rows
     * of a query, column label → value; an empty list for an update.
     */
    public static List<Map<String, Object>> query(String database, String sql, Object... args) {
        try (Connection c = connect(database);
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            if (!ps.execute()) {
                return List.of();
            }
            try (ResultSet rs = ps.getResultSet()) {
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
            throw new IllegalStateException(database + ": " + e.getMessage(), e);
        }
    }

    /** The single number a {@code SELECT count(*) ...} answers. */
    public static long count(String database, String sql, Object... args) {
        return ((Number) query(database, sql, args).get(0).values().iterator().next()).longValue();
    }
}
