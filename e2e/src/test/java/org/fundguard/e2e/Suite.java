package org.fundguard.e2e;

import org.fundguard.devstack.DevSecrets;
import org.fundguard.devstack.ManagedProcess;
import org.fundguard.devstack.Ports;
import org.fundguard.devstack.ServiceProcess;
import org.fundguard.testsupport.TestDatabases;
import org.fundguard.testsupport.TestStack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway, reports-service and monitoring-service as packaged, each its own process, on the shared test PostgreSQL, Kafka and Keycloak.
 * Started once for all e2e test classes ({@link #shared()}) and stopped when the test JVM ends.
 */
final class Suite implements AutoCloseable {

    private static Suite shared;

    /** The one suite of this test JVM, started on first use. */
    static synchronized Suite shared() {
        if (shared == null) {
            shared = new Suite();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "e2e-suite-stop"));
        }
        return shared;
    }

    final int reportsPort = Ports.pickFree();
    final int monitoringPort = Ports.pickFree();
    final int gatewayPort = Ports.pickFree();
    final Path logs;
    private final ManagedProcess reports;
    private final ManagedProcess monitoring;
    private final ManagedProcess gateway;

    Suite() {
        Path root = TestStack.root();
        logs = root.resolve("e2e/target/e2e-logs");
        TestStack.Endpoint pg = TestStack.postgres();
        TestDatabases.recreate("e2e_reports");
        TestDatabases.recreate("e2e_monitoring");
        String realm = TestStack.keycloak().url() + "/realms/fundguard";

        Map<String, String> svc = new HashMap<>();
        svc.put("QUARKUS_HTTP_PORT", Integer.toString(reportsPort));
        svc.put("QUARKUS_DATASOURCE_JDBC_URL", TestDatabases.jdbcUrl("e2e_reports"));
        svc.put("QUARKUS_DATASOURCE_REACTIVE_URL", TestDatabases.reactiveUrl("e2e_reports"));
        svc.put("QUARKUS_DATASOURCE_USERNAME", pg.username());
        svc.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        svc.put("KAFKA_BOOTSTRAP_SERVERS", TestStack.kafka().url());
        svc.put("QUARKUS_OIDC_AUTH_SERVER_URL", realm);
        svc.put("FUNDGUARD_DEMO_DATA", "true");
        svc.putAll(DevSecrets.loadOrCreate(root.resolve("e2e/target/e2e-keys.properties")));
        reports = ServiceProcess.start(root, "services/reports-service", "reports", reportsPort, svc, logs.resolve("reports.log"));

        Map<String, String> mon = new HashMap<>();
        mon.put("QUARKUS_HTTP_PORT", Integer.toString(monitoringPort));
        mon.put("QUARKUS_DATASOURCE_JDBC_URL", TestDatabases.jdbcUrl("e2e_monitoring"));
        mon.put("QUARKUS_DATASOURCE_REACTIVE_URL", TestDatabases.reactiveUrl("e2e_monitoring"));
        mon.put("QUARKUS_DATASOURCE_USERNAME", pg.username());
        mon.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        mon.put("KAFKA_BOOTSTRAP_SERVERS", TestStack.kafka().url());
        mon.put("QUARKUS_OIDC_AUTH_SERVER_URL", realm);
        mon.put("FUNDGUARD_DEMO_DATA", "true");
        // the small built-in sample, not the (growing) demo base: the journeys expect its points
        mon.put("MONITORING_DEMO_KNOWLEDGE", "knowledge/sample-knowledge.json");
        try {
            monitoring = ServiceProcess.start(root, "services/monitoring-service", "monitoring", monitoringPort, mon,
                    logs.resolve("monitoring.log"));
        } catch (RuntimeException e) {
            reports.stop(Duration.ofSeconds(10));
            throw e;
        }

        Map<String, String> gw = new HashMap<>();
        gw.put("QUARKUS_HTTP_PORT", Integer.toString(gatewayPort));
        gw.put("QUARKUS_OIDC_AUTH_SERVER_URL", realm);
        gw.put("GATEWAY_UPSTREAMS_REPORTS", "http://127.0.0.1:" + reportsPort);
        gw.put("GATEWAY_UPSTREAMS_MONITORING", "http://127.0.0.1:" + monitoringPort);
        try {
            gateway = ServiceProcess.start(root, "gateway", "gateway", gatewayPort, gw, logs.resolve("gateway.log"));
        } catch (RuntimeException e) {
            monitoring.stop(Duration.ofSeconds(10));
            reports.stop(Duration.ofSeconds(10));
            throw e;
        }
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    String monitoringUrl() {
        return "http://127.0.0.1:" + monitoringPort;
    }

    String reportsUrl() {
        return "http://127.0.0.1:" + reportsPort;
    }

    String log(String name) {
        try {
            return Files.readString(logs.resolve(name + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        gateway.stop(Duration.ofSeconds(10));
        monitoring.stop(Duration.ofSeconds(10));
        reports.stop(Duration.ofSeconds(10));
    }
}
