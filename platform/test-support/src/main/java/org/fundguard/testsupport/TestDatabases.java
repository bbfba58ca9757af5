package org.fundguard.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Databases on the shared test PostgreSQL: their URLs, and a fresh one on demand. */
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
}
