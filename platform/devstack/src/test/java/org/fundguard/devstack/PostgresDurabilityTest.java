package org.fundguard.devstack;

import org.fundguard.devstack.Postgres.Durability;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Commits acknowledged over JDBC survive {@code kill -9} of the postmaster and its children when PostgreSQL runs
 * {@link Durability#DURABLE}, and do not (reliably) when it runs {@link Durability#FAST}: the same crash, two settings.
 */
class PostgresDurabilityTest {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    @Test
    void aDurableServerKeepsEveryAcknowledgedCommitThroughKillMinusNine() throws Exception {
        Path dir = Path.of("target/durability-test/durable-" + System.nanoTime()).toAbsolutePath();
        int port = Ports.pickFree();
        Postgres pg = Postgres.start(port, dir.resolve("data"), dir.resolve("work"), Durability.DURABLE);
        try {
            assertEquals(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"), pg.durabilitySettings());
            for (int round = 1; round <= 2; round++) {
                Set<Long> missing = crashWhileWriting(pg, round);
                pg = restart(pg, Durability.DURABLE);
                missing = stillMissing(port, missing);
                assertEquals(Set.of(), missing, "round " + round + ": acknowledged rows lost by a durable server");
            }
        } finally {
            pg.close();
        }
    }

    @Test
    void theFastSettingsLoseAcknowledgedCommitsInTheSameCrash() throws Exception {
        // the control: without it, the test above could pass only because the crash never loses anything
        Path dir = Path.of("target/durability-test/fast-" + System.nanoTime()).toAbsolutePath();
        int port = Ports.pickFree();
        Postgres pg = Postgres.start(port, dir.resolve("data"), dir.resolve("work"), Durability.FAST);
        try {
            assertEquals(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"), pg.durabilitySettings());
            int lost = 0;
            // asynchronous commits still in WAL buffers die with the server; a few rounds make meeting it near certain
            for (int round = 1; round <= 5 && lost == 0; round++) {
                Set<Long> acknowledged = crashWhileWriting(pg, round);
                pg = restart(pg, Durability.FAST);
                lost = stillMissing(port, acknowledged).size();
                System.out.println("FAST, crash " + round + ": " + lost + " of " + acknowledged.size() + " acknowledged commits lost");
            }
            assertTrue(lost > 0, "a FAST server lost no acknowledged commit in 5 crashes");
        } finally {
            pg.close();
        }
    }

    /** Writes rows of {@code round} from one connection until {@value #ACKNOWLEDGED_BEFORE_KILL} commits were answered, then kills the server mid-stream; the acknowledged ids. */
    private static Set<Long> crashWhileWriting(Postgres pg, int round) throws Exception {
        try (Connection c = connect(pg.port()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS acked (round int NOT NULL, id bigint NOT NULL, PRIMARY KEY (round, id))");
        }
        Set<Long> acknowledged = new ConcurrentSkipListSet<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (Connection c = connect(pg.port());
                 PreparedStatement ps = c.prepareStatement("INSERT INTO acked (round, id) VALUES (?, ?)")) {
                // autocommit: executeUpdate returns once the server has answered the commit
                for (long id = 1; !stop.get(); id++) {
                    ps.setInt(1, round);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                    acknowledged.add(id);
                }
            } catch (SQLException expected) {
                // the server was killed under us: what was acknowledged is in the set
            }
        }, "durability-writer");
        writer.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && writer.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long postmaster = pg.serverPid().orElseThrow();
        ManagedProcess.kill9(postmaster);
        stop.set(true);
        writer.join(30_000);
        assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL, "writer answered only " + acknowledged.size());
        Set<Long> ids = new TreeSet<>();
        acknowledged.forEach(id -> ids.add(id * 1000 + round));
        return ids;
    }

    private static Postgres restart(Postgres killed, Durability durability) {
        killed.close(); // pg_ctl stop fails on the dead server; this releases zonky's lock on the data folder
        return Postgres.start(killed.port(), killed.dataDir(), killed.dataDir().resolveSibling("work"), durability);
    }

    /** Of the {@code id * 1000 + round} keys, those not in the table after the restart. */
    private static Set<Long> stillMissing(int port, Set<Long> keys) throws SQLException {
        Set<Long> missing = new TreeSet<>(keys);
        try (Connection c = connect(port); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id * 1000 + round FROM acked")) {
            while (rs.next()) {
                missing.remove(rs.getLong(1));
            }
        }
        return missing;
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", Postgres.USER, Postgres.PASSWORD);
    }
}
