package org.fundguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.fundguard.devstack.ComponentMain;
import org.fundguard.devstack.StateFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL owned by one test JVM, for tests that stop, stall and restart the database without disturbing the
 * shared one. {@link #server()} gives the test its handle. The database is named by the init arg {@code database}
 * (default {@code app}); the application gets the JDBC and reactive URLs and the credentials.
 */
public class OwnPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static volatile Server server;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "app");
    }

    @Override
    public Map<String, String> start() {
        server = Server.launch();
        server.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database,
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + server.port() + "/" + database,
                "quarkus.datasource.username", server.username,
                "quarkus.datasource.password", server.password);
    }

    /** The running server: {@code stop()}/{@code start()} for an outage, {@code freeze()}/{@code thaw()} for a stall. */
    public static Server server() {
        return server;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.thaw();
            server.stop();
        }
    }

    /** One PostgreSQL server, started through devstack's launcher in a folder of its own, watching this JVM. */
    public static final class Server {

        private final Path dataDir;
        private final int port;
        private final String username;
        private final String password;
        private final Path log;

        private Server(Path dataDir, int port, String username, String password, Path log) {
            this.dataDir = dataDir;
            this.port = port;
            this.username = username;
            this.password = password;
            this.log = log;
        }

        static Server launch() {
            try {
                Path stateDir = Files.createTempDirectory(Files.createDirectories(TestStack.root().resolve("target")),
                        "own-postgres-").toAbsolutePath();
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", TestStack.launcherClasspath(), ComponentMain.class.getName(),
                        "--component", "postgres", "--state-dir", stateDir.toString(), "--root", TestStack.root().toString(),
                        "--watch-pid", Long.toString(ProcessHandle.current().pid()))
                        .redirectErrorStream(true).redirectOutput(stateDir.resolve("postgres.out").toFile()).start();
                Path state = stateDir.resolve("postgres.properties");
                Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
                while (Instant.now().isBefore(deadline)) {
                    Optional<Properties> s = StateFile.read(state);
                    if (s.isPresent() && "READY".equals(s.get().getProperty("state"))) {
                        Properties r = s.get();
                        return new Server(stateDir.resolve("postgres/data"), Integer.parseInt(r.getProperty("port")),
                                r.getProperty("username"), r.getProperty("password"), stateDir.resolve("postgres-restarted.log"));
                    }
                    if (s.isPresent() && "FAILED".equals(s.get().getProperty("state")) || !p.isAlive()) {
                        throw new IllegalStateException("own PostgreSQL did not start: see " + stateDir.resolve("postgres.out"));
                    }
                    Thread.sleep(200);
                }
                p.destroy();
                throw new IllegalStateException("own PostgreSQL did not start within 3 minutes");
            } catch (IOException e) {
                throw new IllegalStateException("cannot start own PostgreSQL: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting own PostgreSQL");
            }
        }

        public int port() {
            return port;
        }

        /** The postmaster's PID while it runs. */
        public Optional<Long> pid() {
            try {
                return Optional.of(Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim()))
                        .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        void createDatabase(String name) {
            if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("not a plain database name: " + name);
            }
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
            }
        }

        /** A plain JDBC connection to a database of this server (the test's own look at the data). */
        public Connection connect(String db) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db, username, password);
        }

        /**
         * Stops the server as an operator or a crash would: a fast shutdown (SIGINT) that ends every session
         * (57P01) and closes the port; returns once the postmaster has exited.
         */
        public void stop() {
            pid().flatMap(ProcessHandle::of).ifPresent(h -> {
                signal("INT", List.of(h.pid()));
                try {
                    h.onExit().get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("PostgreSQL did not stop within 60 s", e);
                }
            });
        }

        /** Starts the stopped server again on the same port with the same data, the same way it ran before. */
        public void start() {
            if (pid().isPresent()) {
                return;
            }
            try {
                // postmaster.opts holds the postmaster's command line, each argument in double quotes
                String opts = Files.readString(dataDir.resolve("postmaster.opts"), StandardCharsets.UTF_8).trim();
                List<String> cmd = new ArrayList<>();
                if ("root".equals(System.getProperty("user.name"))) {
                    // PostgreSQL refuses to run as root; zonky starts it in a user namespace of its own, so do we
                    cmd.addAll(List.of("unshare", "-U"));
                }
                cmd.addAll(parseOpts(opts));
                new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (true) {
                    try (Connection c = connect("postgres")) {
                        return;
                    } catch (SQLException e) {
                        if (Instant.now().isAfter(deadline)) {
                            throw new IllegalStateException("PostgreSQL did not come back within 60 s: " + e.getMessage()
                                    + " (see " + log + ")");
                        }
                        Thread.sleep(200);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot restart PostgreSQL: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while restarting PostgreSQL");
            }
        }

        /**
         * Stalls the server: SIGSTOP to the postmaster and all its processes. The port still accepts TCP connections
         * (the kernel completes them) but nothing is ever answered, as with a frozen host or a dead link.
         */
        public void freeze() {
            pid().ifPresent(pid -> signal("STOP", processes(pid)));
        }

        /** Ends a {@link #freeze()}: SIGCONT to the postmaster and all its processes. */
        public void thaw() {
            pid().ifPresent(pid -> signal("CONT", processes(pid)));
        }

        private static List<Long> processes(long pid) {
            List<Long> pids = new ArrayList<>();
            pids.add(pid);
            ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
            return pids;
        }

        /**
         * Signals each process; one that has ended meanwhile (a backend closing its session) is skipped, but the
         * postmaster (the first) must receive it.
         */
        private static void signal(String signal, List<Long> pids) {
            for (int i = 0; i < pids.size(); i++) {
                long pid = pids.get(i);
                try {
                    Process k = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
                    boolean done = k.waitFor(10, TimeUnit.SECONDS);
                    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                    if (i == 0 && (!done || k.exitValue() != 0) && alive) {
                        throw new IllegalStateException("kill -" + signal + " " + pid + " failed: "
                                + new String(k.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("cannot signal PostgreSQL: " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
        }

        static List<String> parseOpts(String opts) {
            List<String> args = new ArrayList<>();
            int i = opts.indexOf(' ');
            args.add(opts.substring(0, i < 0 ? opts.length() : i));
            for (String part : opts.substring(i < 0 ? opts.length() : i).split("\"")) {
                if (!part.isBlank()) {
                    args.add(part);
                }
            }
            return args.isEmpty() ? Arrays.asList(opts.split(" ")) : args;
        }
    }
}
