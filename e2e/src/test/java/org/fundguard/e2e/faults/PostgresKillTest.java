package org.fundguard.e2e.faults;

import io.restassured.response.Response;
import org.fundguard.devstack.ManagedProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every report reports-service answered 201 with a receipt is still there after PostgreSQL is killed with
 * {@code kill -9} (postmaster and children, while reports keep coming) and restarted on the same data folder by the
 * supervisor of {@code ./fundguard up}. Run with {@code -Dfundguard.e2e.postgres-durability=FAST} it fails: receipts
 * answered just before the kill are gone.
 */
class PostgresKillTest {

    @Test
    void everyReceiptAnsweredBeforeKillMinusNineOfPostgresIsStillThereAfterItsRestart() throws Exception {
        FaultStack stack = FaultStack.shared();
        await().atMost(Duration.ofMinutes(2)).until(() -> stack.status().ready());
        long postmaster = stack.status().component("postgres").pid();
        // the state file names the server itself, not a launcher
        assertThat(ProcessHandle.of(postmaster).orElseThrow().info().command().orElse("")).endsWith("/postgres");

        Map<String, String> receipts = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService reporters = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            reporters.execute(() -> {
                while (!stop.get()) {
                    try {
                        Response r = Reports.submit(stack.reportsUrl());
                        if (r.statusCode() == 201) {
                            receipts.put(r.path("receiptCode"), r.path("secret"));
                        }
                    } catch (RuntimeException refused) {
                        // the service is restarting or its database is gone: nothing was acknowledged
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> receipts.size() >= 30);

        ManagedProcess.kill9(postmaster);
        int atKill = receipts.size();
        Thread.sleep(500); // answers already on their way still count: each 201 is an acknowledgement
        stop.set(true);
        reporters.shutdown();
        assertThat(reporters.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        // the supervisor notices and starts it again on the same data folder
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            var s = stack.status();
            return s.ready() && s.component("postgres").pid() != postmaster;
        });
        assertThat(stack.state().getProperty("restarts.postgres")).isNotEqualTo("0");

        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, String> r : receipts.entrySet()) {
            // a pooled connection the crash broke may fail one request; a 404 is a lost report
            int code = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Reports.follow(stack.reportsUrl(), r.getKey(), r.getValue()), c -> c == 200 || c == 404);
            if (code == 404) {
                lost.add(r.getKey());
            }
        }
        assertThat(lost).as("of %d receipts answered (%d before the kill), lost after the restart with %s",
                receipts.size(), atKill, stack.durability).isEmpty();
    }
}
