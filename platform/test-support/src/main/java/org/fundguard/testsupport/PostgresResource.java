package org.fundguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Gives the application a fresh database on the shared real PostgreSQL: {@code test_<module>} unless the init arg
 * {@code database} names another. Sets the JDBC (Flyway) and reactive URLs and the credentials.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database",
                "test_" + Path.of("").toAbsolutePath().getFileName().toString().replaceAll("[^A-Za-z0-9]", "_").toLowerCase());
    }

    @Override
    public Map<String, String> start() {
        TestStack.Endpoint pg = TestStack.postgres();
        String server = pg.url().replaceFirst("^postgresql://", "");
        recreate(server, pg, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + server + "/" + database,
                "quarkus.datasource.reactive.url", "postgresql://" + server + "/" + database,
                "quarkus.datasource.username", pg.username(),
                "quarkus.datasource.password", pg.password());
    }

    /** The JDBC URL of this resource's database, for tests that look at tables directly. */
    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + TestStack.postgres().url().replaceFirst("^postgresql://", "") + "/" + database;
    }

    private static void recreate(String server, TestStack.Endpoint pg, String database) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", pg.username(), pg.password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        // the database stays for inspection after a failed run; the next run recreates it
    }
}
