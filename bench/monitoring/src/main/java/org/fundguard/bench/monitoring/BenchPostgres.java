package org.fundguard.bench.monitoring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL 17 the SQL peers run on: the zonky embedded binaries devstack uses, started in a fresh temporary data
 * directory with settings for bulk loads and analytic queries ({@code shared_buffers=1GB}, {@code work_mem=256MB},
 * {@code maintenance_work_mem=512MB}, no fsync, asynchronous commit; default parallelism).
 */
final class BenchPostgres {

    private BenchPostgres() {
    }

    /** Starts a server whose data directory lives in a new temporary directory named {@code prefix…}. */
    static EmbeddedPostgres start(String prefix) throws IOException {
        Path work = Files.createTempDirectory(prefix);
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(work.toFile())
                .setDataDirectory(work.resolve("data"))
                .setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("work_mem", "256MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("fsync", "off")
                .setLocaleConfig("encoding", "UTF8")
                .start();
    }

    /** "PostgreSQL 17.6" — the server's version without the build platform. */
    static String version(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1).replaceAll(" on .*", "");
        }
    }

    /** Runs the query and fetches every row (as screening would hand its hits on); returns the row count. */
    static long rows(Connection c, String sql) throws SQLException {
        long n = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rs.getString(1);
                n++;
            }
        }
        return n;
    }

    /** The query's {@code EXPLAIN} output, each line indented by four spaces. */
    static String plan(Connection c, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                plan.append("    ").append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** Runs each statement in turn. */
    static void execute(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
