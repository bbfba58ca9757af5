package org.fundguard.devstack;

import org.fundguard.devstack.Supervisor.Component;
import org.fundguard.devstack.Supervisor.Policy;
import org.fundguard.devstack.Supervisor.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The supervisor of {@code ./fundguard up} over plain processes: it notices a death, restarts, backs off, gives up. */
class SupervisorTest {

    private static final Policy QUICK = new Policy(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(800), 3,
            Duration.ofMinutes(1));

    private final Path dir = Path.of("target/supervisor-test/" + System.nanoTime()).toAbsolutePath();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final Supervisor supervisor = new Supervisor(dir.resolve("suite.properties"), dir,
            QUICK, new PrintStream(logged, true, StandardCharsets.UTF_8));

    @AfterEach
    void stop() {
        supervisor.close();
    }

    @Test
    void backsOffOneTwoFourEightSixteenSecondsThenStaysAtSixteen() {
        List<Long> seconds = List.of(1, 2, 3, 4, 5, 6, 7).stream().map(n -> Policy.DEFAULT.backoff(n).toSeconds()).toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 16L, 16L), seconds);
        assertEquals(Duration.ofSeconds(1), Policy.DEFAULT.poll());
    }

    @Test
    void restartsAKilledProcessAndRecordsItsNewPid() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        supervisor.start(sleeper("worker", starts));
        supervisor.supervise();
        long first = supervisor.pid("worker").orElseThrow();
        assertEquals(Long.toString(first), state().getProperty("pid.worker"));

        ManagedProcess.kill9(first);

        await(() -> supervisor.pid("worker").orElseThrow() != first && supervisor.status("worker").orElseThrow() == Status.RUNNING);
        long second = supervisor.pid("worker").orElseThrow();
        assertTrue(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(2, starts.get());
        Properties s = state();
        assertEquals(Long.toString(second), s.getProperty("pid.worker"));
        assertEquals("RUNNING", s.getProperty("status.worker"));
        assertEquals("1", s.getProperty("restarts.worker"));
        assertTrue(log().contains("worker (PID " + first + ") is no longer running"), log());
    }

    @Test
    void givesUpLoudlyAfterRepeatedFailuresAndTriesAgainWhenAsked() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        AtomicInteger failingStarts = new AtomicInteger(Integer.MAX_VALUE);
        Component flaky = new Component("flaky", () -> {
            if (starts.incrementAndGet() > 1 && failingStarts.getAndDecrement() > 0) {
                throw new StackException("flaky would not start");
            }
            return sleep();
        }, Probe.tcp(1), null);
        supervisor.start(flaky);
        supervisor.supervise();
        ManagedProcess.kill9(supervisor.pid("flaky").orElseThrow());

        await(() -> "GAVE_UP".equals(state().getProperty("status.flaky")));
        // the death and two failed starts: three failures within the window
        assertEquals(3, starts.get());
        assertEquals("GAVE_UP", state().getProperty("status.flaky"));
        assertTrue(state().getProperty("message.flaky").contains("NOT restarting"), state().toString());
        assertTrue(log().contains("!!!!!!!! flaky FAILED 3 times"), log());
        Thread.sleep(1000);
        assertEquals(3, starts.get(), "no more attempts after giving up");

        // ./fundguard restart flaky
        failingStarts.set(0);
        Files.createFile(Supervisor.restartRequest(dir, "flaky"));
        await(() -> "RUNNING".equals(state().getProperty("status.flaky")));
        assertEquals(Status.RUNNING, supervisor.status("flaky").orElseThrow());
        assertFalse(Files.exists(Supervisor.restartRequest(dir, "flaky")));
    }

    @Test
    void aRestartRequestReplacesARunningProcess() throws Exception {
        supervisor.start(sleeper("worker", new AtomicInteger()));
        supervisor.supervise();
        long first = supervisor.pid("worker").orElseThrow();
        Files.createFile(Supervisor.restartRequest(dir, "worker"));
        await(() -> supervisor.pid("worker").orElseThrow() != first && supervisor.status("worker").orElseThrow() == Status.RUNNING);
        await(() -> !ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false));
        assertNotEquals(Long.toString(first), state().getProperty("pid.worker"));
    }

    private static Component sleeper(String name, AtomicInteger starts) {
        return new Component(name, () -> {
            starts.incrementAndGet();
            return sleep();
        }, Probe.tcp(1), null);
    }

    private static Supervisor.Running sleep() {
        try {
            Process p = new ProcessBuilder("sleep", "600").start();
            return SuiteMain.running(p.pid(), () -> ManagedProcess.stopTree(p.toHandle(), Duration.ofSeconds(5)));
        } catch (IOException e) {
            throw new StackException("no sleep: " + e.getMessage(), e);
        }
    }

    private Properties state() {
        return StateFile.read(dir.resolve("suite.properties")).orElseThrow();
    }

    private String log() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
