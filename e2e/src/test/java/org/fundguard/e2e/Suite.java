package org.fundguard.e2e;

import org.fundguard.devstack.DevSecrets;
import org.fundguard.devstack.ManagedProcess;
import org.fundguard.devstack.Ports;
import org.fundguard.devstack.ServiceProcess;
import org.fundguard.devstack.Services;
import org.fundguard.devstack.Services.Service;
import org.fundguard.testsupport.TestDatabases;
import org.fundguard.testsupport.TestStack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway, reports-service and monitoring-service as packaged, each its own process, on the shared test PostgreSQL,
 * Kafka and Keycloak, each with the environment {@link Services} gives it (as {@code ./fundguard up} does), on a
 * database of its own ({@code e2e_<database>}). Started once for all e2e test classes ({@link #shared()}) and
 * stopped when the test JVM ends.
 */
final class Suite implements AutoCloseable {

    /** The services the journeys use, as named in {@link Services#SERVICES}. */
    private static final List<String> STARTED = List.of("reports", "monitoring", "qualification");

    private static Suite shared;

    /** The one suite of this test JVM, started on first use. */
    static synchronized Suite shared() {
        if (shared == null) {
            shared = new Suite();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "e2e-suite-stop"));
        }
        return shared;
    }

    final Path logs;
    /** Every service's port: those started, and a free one (nothing listens) for the others. */
    private final Map<Service, Integer> ports = new LinkedHashMap<>();
    private final int gatewayPort = Ports.pickFree();
    private final List<ManagedProcess> processes = new ArrayList<>();

    Suite() {
        Path root = TestStack.root();
        logs = root.resolve("e2e/target/e2e-logs");
        TestStack.Endpoint pg = TestStack.postgres();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("FUNDGUARD_DEMO_DATA", "true");
        settings.putAll(DevSecrets.loadOrCreate(root.resolve("e2e/target/e2e-keys.properties")));
        Services.Infrastructure infra = new Services.Infrastructure(pg.url(), pg.username(), pg.password(),
                TestStack.kafka().url(), TestStack.keycloak().url(), settings);
        Services.SERVICES.forEach(s -> ports.put(s, Ports.pickFree()));
        try {
            for (String name : STARTED) {
                Service s = Services.named(name);
                String database = "e2e_" + s.database();
                TestDatabases.recreate(database);
                Map<String, String> env = new LinkedHashMap<>(s.environment(infra, ports.get(s), database));
                if (name.equals("monitoring")) {
                    // the small built-in sample, not the (growing) demo base: the journeys expect its points
                    env.put("MONITORING_DEMO_KNOWLEDGE", "knowledge/sample-knowledge.json");
                }
                processes.add(ServiceProcess.start(root, s.module(), s.name(), ports.get(s), env, logs.resolve(s.name() + ".log")));
            }
            processes.add(ServiceProcess.start(root, Services.GATEWAY.module(), Services.GATEWAY.name(), gatewayPort,
                    Services.gatewayEnvironment(infra, gatewayPort, Ports.pickFree(), ports), logs.resolve("gateway.log")));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    int gatewayPort() {
        return gatewayPort;
    }

    String monitoringUrl() {
        return url("monitoring");
    }

    String reportsUrl() {
        return url("reports");
    }

    String qualificationUrl() {
        return url("qualification");
    }

    /** A started service's port. */
    int port(String service) {
        return ports.get(Services.named(service));
    }

    private String url(String service) {
        return "http://" + Services.LOOPBACK + ":" + port(service);
    }

    String log(String name) {
        try {
            return Files.readString(logs.resolve(name + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops what was started, gateway first. */
    @Override
    public synchronized void close() {
        List<ManagedProcess> reverse = new ArrayList<>(processes);
        Collections.reverse(reverse);
        reverse.forEach(p -> p.stop(Duration.ofSeconds(10)));
        processes.clear();
    }
}
