package org.fundguard.e2e.faults;

import org.fundguard.devstack.DevSecrets;
import org.fundguard.devstack.Ports;
import org.fundguard.devstack.Postgres;
import org.fundguard.devstack.Services;
import org.fundguard.devstack.Services.Service;
import org.fundguard.devstack.StateFile;
import org.fundguard.devstack.SuiteMain;
import org.fundguard.devstack.SuiteStatus;
import org.fundguard.devstack.Supervisor;
import org.fundguard.testsupport.TestStack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL of its own and reports-service on it, both run by devstack's {@link Supervisor} with the components
 * {@code ./fundguard up} uses ({@link SuiteMain#postgresComponent}, {@link SuiteMain#serviceComponent}), on the shared
 * test Kafka and Keycloak: something the fault tests may kill without touching the shared test stack. PostgreSQL runs
 * durable, as {@code ./fundguard up} runs it, unless {@code -Dfundguard.e2e.postgres-durability=FAST} (to watch the
 * durability test fail). Started once per test JVM and stopped when it ends.
 */
final class FaultStack implements AutoCloseable {

    private static FaultStack shared;

    static synchronized FaultStack shared() {
        if (shared == null) {
            shared = new FaultStack();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "e2e-fault-stack-stop"));
        }
        return shared;
    }

    final Path dir;
    final Postgres.Durability durability;
    private final int reportsPort = Ports.pickFree();
    private final Supervisor supervisor;

    private FaultStack() {
        Path root = TestStack.root();
        dir = root.resolve("e2e/target/fault-stack");
        durability = Postgres.Durability.valueOf(System.getProperty("fundguard.e2e.postgres-durability", "DURABLE"));
        PrintStream log;
        try {
            Files.createDirectories(dir);
            log = new PrintStream(Files.newOutputStream(dir.resolve("supervisor.log")), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        supervisor = new Supervisor(dir.resolve("suite.properties"), dir, Supervisor.Policy.DEFAULT, log);
        supervisor.put("supervisor.pid", Long.toString(ProcessHandle.current().pid()));
        int pgPort = Ports.pickFree();
        Service reports = Services.named("reports");
        try {
            Path data = dir.resolve("postgres-" + System.nanoTime());
            supervisor.start(SuiteMain.postgresComponent(pgPort, data, dir.resolve("postgres-work"), durability,
                    List.of(reports.database()), pg -> { }));
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("FUNDGUARD_DEMO_DATA", "false");
            settings.putAll(DevSecrets.loadOrCreate(dir.resolve("keys.properties")));
            Services.Infrastructure infra = new Services.Infrastructure("postgresql://127.0.0.1:" + pgPort,
                    Postgres.USER, Postgres.PASSWORD, TestStack.kafka().url(), TestStack.keycloak().url(), settings);
            String url = "http://" + Services.LOOPBACK + ":" + reportsPort;
            supervisor.start(SuiteMain.serviceComponent(root, reports, reportsPort, reports.environment(infra, reportsPort),
                    dir.resolve("reports.log"), url));
            supervisor.publish("READY", "all started");
            supervisor.supervise();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String reportsUrl() {
        return "http://" + Services.LOOPBACK + ":" + reportsPort;
    }

    /** The supervisor's state file as it is now. */
    java.util.Properties state() {
        return StateFile.read(dir.resolve("suite.properties")).orElseThrow();
    }

    /** What {@code ./fundguard status} would print now, from the supervisor's state file. */
    SuiteStatus.Report status() {
        return SuiteStatus.of(StateFile.read(dir.resolve("suite.properties")).orElseThrow());
    }

    @Override
    public synchronized void close() {
        supervisor.close();
    }
}
