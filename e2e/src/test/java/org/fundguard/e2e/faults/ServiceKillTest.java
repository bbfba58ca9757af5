package org.fundguard.e2e.faults;

import org.fundguard.devstack.ManagedProcess;
import org.fundguard.devstack.SuiteStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * reports-service killed with {@code kill -9} under the supervisor of {@code ./fundguard up}: noticed within seconds,
 * started again, ready again; and what {@code ./fundguard status} reads tells the truth all along.
 */
class ServiceKillTest {

    @Test
    void aKilledServiceIsRestartedAndStatusSaysNotReadyUntilItIsBack() {
        FaultStack stack = FaultStack.shared();
        await().atMost(Duration.ofMinutes(2)).until(() -> stack.status().ready());
        long pid = stack.status().component("reports").pid();
        assertThat(ProcessHandle.of(pid).orElseThrow().info().command().orElse("")).endsWith("/java");

        ManagedProcess.kill9(pid);

        SuiteStatus.Report dead = stack.status();
        assertThat(dead.ready()).isFalse();
        assertThat(dead.component("reports").alive()).isFalse();
        assertThat(dead.component("reports").ready()).isFalse();
        assertThat(dead.component("postgres").ok()).isTrue();
        assertThat(dead.render()).startsWith("FundGuard: NOT READY").contains("DEAD").contains("NOT READY");
        // noticed within seconds
        await().atMost(Duration.ofSeconds(5)).until(() -> List.of("DOWN", "RESTARTING")
                .contains(stack.state().getProperty("status.reports")));
        assertThat(stack.status().ready()).isFalse();

        await().atMost(Duration.ofMinutes(2)).until(() -> stack.status().ready());
        SuiteStatus.Report back = stack.status();
        long restarted = back.component("reports").pid();
        assertThat(restarted).isNotEqualTo(pid);
        assertThat(ProcessHandle.of(restarted).map(ProcessHandle::isAlive)).hasValue(true);
        assertThat(back.render()).startsWith("FundGuard: READY");
        assertThat(stack.state().getProperty("status.reports")).isEqualTo("RUNNING");
        assertThat(Reports.submit(stack.reportsUrl()).statusCode()).isEqualTo(201);
    }
}
