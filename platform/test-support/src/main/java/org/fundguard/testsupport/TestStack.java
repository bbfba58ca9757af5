package org.fundguard.testsupport;

import org.fundguard.devstack.ComponentMain;
import org.fundguard.devstack.RepositoryRoot;
import org.fundguard.devstack.StateFile;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real PostgreSQL, Kafka and Keycloak the tests run against, started once per build and shared by every module.
 *
 * <p>Each component is found, in order: from a system property or environment variable naming a running server
 * (e.g. a stack from {@code ./fundguard up}); from {@code <root>/target/test-stack/<component>.properties} written by
 * an earlier module of the same build; else it is started as a separate JVM ({@link ComponentMain}) that watches the
 * Maven process and stops when the build ends.
 */
public final class TestStack {

    /** Where a running component answers. */
    public record Endpoint(String url, String username, String password) {
    }

    private static final Map<String, Endpoint> CACHE = new ConcurrentHashMap<>();

    private TestStack() {
    }

    /** PostgreSQL: url {@code postgresql://host:port}, with a superuser's credentials. */
    public static Endpoint postgres() {
        return CACHE.computeIfAbsent("postgres", c -> configured("fundguard.test.postgres.url", "FUNDGUARD_TEST_POSTGRES_URL")
                .map(url -> new Endpoint(url,
                        setting("fundguard.test.postgres.username", "FUNDGUARD_TEST_POSTGRES_USERNAME").orElse("postgres"),
                        setting("fundguard.test.postgres.password", "FUNDGUARD_TEST_POSTGRES_PASSWORD").orElse("postgres")))
                .orElseGet(() -> shared(c)));
    }

    /** Kafka: url = bootstrap servers. */
    public static Endpoint kafka() {
        return CACHE.computeIfAbsent("kafka", c -> configured("fundguard.test.kafka.bootstrap", "FUNDGUARD_TEST_KAFKA_BOOTSTRAP")
                .map(url -> new Endpoint(url, null, null))
                .orElseGet(() -> shared(c)));
    }

    /** Keycloak: url = base URL such as {@code http://localhost:8180} (the realm is {@code fundguard}). */
    public static Endpoint keycloak() {
        return CACHE.computeIfAbsent("keycloak", c -> configured("fundguard.test.keycloak.url", "FUNDGUARD_TEST_KEYCLOAK_URL")
                .map(url -> new Endpoint(url, null, null))
                .orElseGet(() -> shared(c)));
    }

    /** The repository root: {@code -Dfundguard.root} (set by the parent POM), else the nearest folder with .mvn. */
    public static Path root() {
        return RepositoryRoot.find();
    }

    private static Optional<String> configured(String property, String env) {
        return setting(property, env);
    }

    private static Optional<String> setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }

    private static Endpoint shared(String component) {
        Path root = root();
        // one stack per build (per Maven process): a concurrent build never uses, nor outlives, another's servers
        Path stateDir = root.resolve("target/test-stack").resolve(Long.toString(watchPid()));
        Path state = stateDir.resolve(component + ".properties");
        try {
            Files.createDirectories(stateDir);
            try (FileChannel ch = FileChannel.open(stateDir.resolve(component + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                Optional<Properties> existing = StateFile.read(state).filter(TestStack::alive);
                if (existing.isPresent()) {
                    return endpoint(existing.get());
                }
                Files.deleteIfExists(state);
                Process p = launch(component, root, stateDir);
                return endpoint(awaitReady(component, state, p));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test " + component + ": " + e.getMessage(), e);
        }
    }

    private static boolean alive(Properties p) {
        if (!"READY".equals(p.getProperty("state"))) {
            return false;
        }
        for (String key : List.of("supervisor.pid", "pid")) {
            String pid = p.getProperty(key);
            if (pid == null || ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
                return false;
            }
        }
        return true;
    }

    private static Endpoint endpoint(Properties p) {
        return new Endpoint(p.getProperty("url"), p.getProperty("username"), p.getProperty("password"));
    }

    /**
     * The process whose end stops the shared servers: the Maven process that forked this test JVM. Surefire forks
     * through {@code /bin/sh -c}, one shell per module, so the direct parent would give each module its own stack;
     * the nearest ancestor running Maven's launcher is the build.
     */
    static long watchPid() {
        Long configured = Long.getLong("fundguard.test.watch-pid");
        if (configured != null) {
            return configured;
        }
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        for (Optional<ProcessHandle> p = parent; p.isPresent(); p = p.get().parent()) {
            if (isMaven(p.get())) {
                return p.get().pid();
            }
        }
        return parent.map(ProcessHandle::pid).orElse(ProcessHandle.current().pid());
    }

    private static boolean isMaven(ProcessHandle p) {
        String cmd = p.info().commandLine().orElse("");
        if (cmd.isEmpty()) {
            try {
                // info() is empty for processes of other users; /proc still tells on Linux
                cmd = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return cmd.contains("org.codehaus.plexus.classworlds") || cmd.contains("plexus-classworlds");
    }

    private static Process launch(String component, Path root, Path stateDir) throws IOException {
        long watch = watchPid();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", launcherClasspath(), ComponentMain.class.getName(),
                "--component", component, "--state-dir", stateDir.toString(), "--root", root.toString(),
                "--watch-pid", Long.toString(watch)));
        if (component.equals("postgres")) {
            // The test PostgreSQL trades durability for speed: fsync, synchronous_commit and full_page_writes off. Its
            // data is thrown away with the build, and a crash of it loses at most the last commits of a test run. The
            // only place that does so: ./fundguard up and devstack's default are durable.
            cmd.addAll(List.of("--durability", "FAST"));
            System.err.println("test-support: starting the test PostgreSQL with durability FAST (fsync, synchronous_commit, "
                    + "full_page_writes off): throw-away test data");
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stateDir.resolve(component + ".out").toFile()))
                .start();
    }

    private static Properties awaitReady(String component, Path state, Process p) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            Optional<Properties> s = StateFile.read(state);
            if (s.isPresent() && "READY".equals(s.get().getProperty("state"))) {
                return s.get();
            }
            if (s.isPresent() && "FAILED".equals(s.get().getProperty("state"))) {
                throw new IllegalStateException("test " + component + " failed to start: " + s.get().getProperty("message"));
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("test " + component + " exited (code " + p.exitValue() + "): see "
                        + state.resolveSibling(component + ".out"));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + component);
            }
        }
        p.destroy();
        throw new IllegalStateException("test " + component + " did not start within 5 minutes");
    }

    /** The devstack jar (or classes folder) this class came from, plus its runtime classpath written at build time. */
    static String launcherClasspath() {
        try (InputStream in = ComponentMain.class.getResourceAsStream("launcher.classpath")) {
            if (in == null) {
                throw new IllegalStateException("launcher.classpath missing from fundguard-devstack");
            }
            String deps = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String self = Path.of(ComponentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            return self + File.pathSeparator + deps;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot compute the devstack classpath: " + e.getMessage(), e);
        }
    }
}
