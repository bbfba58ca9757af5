package org.fundguard.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps the suite's components running, as {@code ./fundguard up} runs them: each is started through it, and once
 * {@link #supervise()} is called it looks at every server process each {@link Policy#poll()}, restarts one that has
 * died after a backoff that doubles up to {@link Policy#maxBackoff()}, and gives up on it, loudly, after
 * {@link Policy#maxFailures()} failures (deaths or failed starts) within {@link Policy#window()}.
 *
 * <p>Everything it knows is in the state file: per component {@code pid.<name>} (the real server process: the
 * postmaster, Keycloak's java, not a launch script), {@code status.<name>} ({@link Status}), {@code restarts.<name>},
 * {@code ready.<name>} (the {@link Probe} {@link SuiteStatus} checks) and {@code url.<name>}. A file
 * {@code restart-<name>} in the request folder ({@code ./fundguard restart <name>}) restarts that component now, even
 * one it gave up on.
 */
public final class Supervisor implements AutoCloseable {

    /** A started component: its server process and how to stop it. */
    public interface Running {

        /** The PID of the process that serves (the postmaster, Keycloak's java, the service's JVM). */
        long pid();

        /** Stops it and whatever it spawned; also called on a component that already died, to clean up. */
        void stop();

        default boolean alive() {
            return ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /** One part of the suite: its name, how to start it (returning once it is ready), and its readiness check. */
    public record Component(String name, Supplier<Running> starter, Probe readiness, String url) {

        public Component {
            Objects.requireNonNull(name);
            Objects.requireNonNull(starter);
            Objects.requireNonNull(readiness);
        }
    }

    /** How often to look, how long to wait before restart {@code n} (doubling, capped), when to give up. */
    public record Policy(Duration poll, Duration firstBackoff, Duration maxBackoff, int maxFailures, Duration window) {

        /** Looks every second; waits 1, 2, 4, 8, 16, 16 … s; gives up after 6 failures within 10 minutes. */
        public static final Policy DEFAULT = new Policy(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(16), 6, Duration.ofMinutes(10));

        /** The wait before restarting after the {@code failures}-th failure (1-based) within the window. */
        public Duration backoff(int failures) {
            long millis = firstBackoff.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
            return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
        }
    }

    /** A component's state as the supervisor sees it. */
    public enum Status {
        /** Its process is alive (readiness is {@link SuiteStatus}'s to check). */
        RUNNING,
        /** Its process died; a restart is due after the backoff. */
        DOWN,
        /** Being started again. */
        RESTARTING,
        /** Failed too often: no more restarts until {@code ./fundguard restart <name>}. */
        GAVE_UP
    }

    private final class Entry {
        final Component component;
        volatile Running running;
        volatile Status status = Status.RUNNING;
        final Deque<Instant> failures = new ArrayDeque<>();
        volatile Instant nextAttempt = Instant.MAX;
        int restarts;

        Entry(Component component, Running running) {
            this.component = component;
            this.running = running;
        }

        String name() {
            return component.name();
        }
    }

    private final Path stateFile;
    private final Path requests;
    private final Policy policy;
    private final PrintStream log;
    private final Map<String, String> state = new ConcurrentHashMap<>();
    private final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "supervisor-poll"));
    private final ExecutorService restarter = Executors.newCachedThreadPool(r -> daemon(r, "supervisor-restart"));
    private volatile boolean closed;

    /** State in {@code stateFile}; restart requests read from {@code requests}; events written to {@code log}. */
    public Supervisor(Path stateFile, Path requests, Policy policy, PrintStream log) {
        this.stateFile = stateFile;
        this.requests = requests;
        this.policy = policy;
        this.log = log;
    }

    /** The file {@code ./fundguard restart <name>} creates to ask for a restart of {@code name}. */
    public static Path restartRequest(Path requests, String name) {
        return requests.resolve("restart-" + name);
    }

    /** Sets a state value (published with the next change). */
    public void put(String key, String value) {
        state.put(key, value);
    }

    /** Writes the suite's overall state and message, with everything else known, to the state file. */
    public synchronized void publish(String overall, String message) {
        state.put("state", overall);
        state.put("message", message);
        publish();
    }

    public synchronized void publish() {
        StateFile.write(stateFile, state);
    }

    public String state(String key) {
        return state.get(key);
    }

    /** Starts {@code c} (blocking until it is ready; a failure is thrown, not retried) and supervises it from then on. */
    public Running start(Component c) {
        state.put("ready." + c.name(), c.readiness().spec());
        if (c.url() != null) {
            state.put("url." + c.name(), c.url());
        }
        Running r = c.starter().get();
        Entry e = new Entry(c, r);
        entries.add(e);
        if (closed) {
            r.stop();
            throw new StackException("stopped while starting " + c.name());
        }
        synchronized (this) {
            state.put("restarts." + c.name(), "0");
            record(e);
        }
        return r;
    }

    /** Begins looking after every component started so far (and any started later). */
    public void supervise() {
        long ms = policy.poll().toMillis();
        poller.scheduleWithFixedDelay(this::pollOnce, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** The status of {@code name}, if it was started. */
    public Optional<Status> status(String name) {
        return entry(name).map(e -> e.status);
    }

    /** The PID now serving {@code name}. */
    public Optional<Long> pid(String name) {
        return entry(name).map(e -> e.running.pid());
    }

    private Optional<Entry> entry(String name) {
        synchronized (entries) {
            return entries.stream().filter(e -> e.name().equals(name)).findFirst();
        }
    }

    void pollOnce() {
        if (closed) {
            return;
        }
        List<Entry> now;
        synchronized (entries) {
            now = new ArrayList<>(entries);
        }
        for (Entry e : now) {
            try {
                check(e);
            } catch (RuntimeException ex) {
                say("supervisor: checking " + e.name() + " failed: " + ex);
            }
        }
    }

    private void check(Entry e) {
        Path request = restartRequest(requests, e.name());
        if (Files.exists(request)) {
            if (e.status != Status.RESTARTING) {
                say(e.name() + ": restart requested");
                synchronized (e) {
                    e.failures.clear();
                }
                beginRestart(e);
            }
            // removed only once RESTARTING is published, so whoever asked never sees the old status without it
            try {
                Files.deleteIfExists(request);
            } catch (IOException ignored) {
                // a request left behind restarts it once more; harmless
            }
            return;
        }
        if (e.status == Status.RUNNING && !e.running.alive()) {
            say(e.name() + " (PID " + e.running.pid() + ") is no longer running");
            failed(e);
        } else if (e.status == Status.DOWN && !Instant.now().isBefore(e.nextAttempt)) {
            beginRestart(e);
        }
    }

    private void beginRestart(Entry e) {
        synchronized (this) {
            e.status = Status.RESTARTING;
            record(e);
        }
        restarter.execute(() -> restart(e));
    }

    private void restart(Entry e) {
        try {
            e.running.stop();
        } catch (RuntimeException ex) {
            say(e.name() + ": cleaning up the old process failed: " + ex.getMessage());
        }
        if (closed) {
            return;
        }
        say(e.name() + ": starting again");
        try {
            Running r = e.component.starter().get();
            if (closed) {
                r.stop();
                return;
            }
            synchronized (this) {
                e.running = r;
                e.status = Status.RUNNING;
                e.restarts++;
                state.put("restarts." + e.name(), Integer.toString(e.restarts));
                record(e);
            }
            say(e.name() + " restarted (PID " + r.pid() + ")");
        } catch (RuntimeException ex) {
            say(e.name() + " did not start again: " + ex.getMessage());
            failed(e);
        }
    }

    /** Counts a failure; either schedules the next attempt or gives up. */
    private void failed(Entry e) {
        Instant now = Instant.now();
        int failures;
        synchronized (e) {
            e.failures.addLast(now);
            while (!e.failures.isEmpty() && e.failures.peekFirst().isBefore(now.minus(policy.window()))) {
                e.failures.removeFirst();
            }
            failures = e.failures.size();
        }
        if (failures >= policy.maxFailures()) {
            String m = e.name() + " FAILED " + failures + " times within " + policy.window().toMinutes()
                    + " min: NOT restarting it again. See its log; ./fundguard restart " + e.name() + " tries once more.";
            say("!!!!!!!! " + m + " !!!!!!!!");
            synchronized (this) {
                e.status = Status.GAVE_UP;
                state.put("message." + e.name(), m);
                record(e);
            }
            return;
        }
        Duration wait = policy.backoff(failures);
        say(e.name() + ": restarting in " + wait.toMillis() + " ms (failure " + failures + " of " + policy.maxFailures()
                + " allowed within " + policy.window().toMinutes() + " min)");
        synchronized (this) {
            e.nextAttempt = now.plus(wait);
            e.status = Status.DOWN;
            record(e);
        }
    }

    /** Writes {@code e}'s PID and status to the state file; callers hold this monitor. */
    private void record(Entry e) {
        state.put("pid." + e.name(), Long.toString(e.running.pid()));
        state.put("status." + e.name(), e.status.name());
        if (e.status == Status.RUNNING) {
            state.remove("message." + e.name());
        }
        publish();
    }

    private void say(String line) {
        log.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
        log.flush();
    }

    /** Stops supervising and stops every component, the last started first. */
    @Override
    public void close() {
        closed = true;
        poller.shutdownNow();
        restarter.shutdown();
        try {
            restarter.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Entry> reverse;
        synchronized (entries) {
            reverse = new ArrayList<>(entries);
        }
        Collections.reverse(reverse);
        for (Entry e : reverse) {
            try {
                e.running.stop();
            } catch (RuntimeException ex) {
                say("stopping " + e.name() + " failed: " + ex.getMessage());
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
