package org.fundguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
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
        TestDatabases.recreate(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", TestDatabases.jdbcUrl(database),
                "quarkus.datasource.reactive.url", TestDatabases.reactiveUrl(database),
                "quarkus.datasource.username", pg.username(),
                "quarkus.datasource.password", pg.password());
    }

    @Override
    public void stop() {
        // the database stays for inspection after a failed run; the next run recreates it
    }
}
