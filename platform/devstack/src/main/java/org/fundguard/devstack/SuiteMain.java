package org.fundguard.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supervisor behind {@code ./fundguard up}: starts PostgreSQL, Kafka and Keycloak, then every built service and
 * the gateway, each as its own process; writes {@code .fundguard/run/suite.properties} (state, message, every PID);
 * stops all of it, in reverse order, when it is itself stopped.
 */
public final class SuiteMain {

    /** A service module the suite starts when it has been built. */
    record Service(String name, String module, String portEnv, int defaultPort, String database) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("reports", "services/reports-service", "FUNDGUARD_REPORTS_PORT", 8081, "reports"),
            new Service("monitoring", "services/monitoring-service", "FUNDGUARD_MONITORING_PORT", 8082, "monitoring"),
            new Service("qualification", "services/qualification-service", "FUNDGUARD_QUALIFICATION_PORT", 8083, "qualification"),
            new Service("clues", "services/clues-service", "FUNDGUARD_CLUES_PORT", 8084, "clues"),
            new Service("disclosure", "services/disclosure-service", "FUNDGUARD_DISCLOSURE_PORT", 8085, "disclosure"));
    static final Service GATEWAY = new Service("gateway", "gateway", "FUNDGUARD_GATEWAY_PORT", 8080, null);

    private final Path root;
    private final Path home;
    private final Map<String, String> state = new ConcurrentHashMap<>();
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());

    SuiteMain(Path root) {
        this.root = root;
        this.home = root.resolve(".fundguard");
    }

    public static void main(String[] args) {
        Map<String, String> a = Args.parse(args);
        SuiteMain suite = new SuiteMain(Path.of(a.getOrDefault("root", ".")).toAbsolutePath().normalize());
        Runtime.getRuntime().addShutdownHook(new Thread(suite::stopAll, "suite-stop"));
        try {
            suite.up(Boolean.parseBoolean(a.getOrDefault("fresh", "false")));
        } catch (RuntimeException e) {
            String message = e instanceof StackException ? e.getMessage() : "unexpected failure: " + e;
            suite.publish("FAILED", message);
            System.err.println(message);
            System.exit(1);
        }
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            System.exit(0);
        }
    }

    void up(boolean fresh) {
        Path data = home.resolve("data");
        Path logs = home.resolve("logs");
        state.put("supervisor.pid", Long.toString(ProcessHandle.current().pid()));
        publish("STARTING", "checking ports");

        int pgPort = port("FUNDGUARD_POSTGRES_PORT", 15432);
        int kafkaPort = port("FUNDGUARD_KAFKA_PORT", 9092);
        int kafkaControllerPort = port("FUNDGUARD_KAFKA_CONTROLLER_PORT", 9093);
        int kcPort = port("FUNDGUARD_KEYCLOAK_PORT", 8180);
        int kcManagementPort = port("FUNDGUARD_KEYCLOAK_MANAGEMENT_PORT", 8190);
        Ports.requireFree(pgPort, "PostgreSQL", "FUNDGUARD_POSTGRES_PORT");
        Ports.requireFree(kafkaPort, "Kafka", "FUNDGUARD_KAFKA_PORT");
        Ports.requireFree(kafkaControllerPort, "Kafka controller", "FUNDGUARD_KAFKA_CONTROLLER_PORT");
        Ports.requireFree(kcPort, "Keycloak", "FUNDGUARD_KEYCLOAK_PORT");
        Ports.requireFree(kcManagementPort, "Keycloak management", "FUNDGUARD_KEYCLOAK_MANAGEMENT_PORT");
        List<Service> built = new ArrayList<>();
        for (Service s : SERVICES) {
            if (Files.isRegularFile(runJar(s))) {
                built.add(s);
            }
        }
        if (!Files.isRegularFile(runJar(GATEWAY))) {
            throw new StackException("the gateway is not built: run ./mvnw -DskipTests package (./fundguard up does it for you)");
        }
        Map<Service, Integer> servicePorts = new LinkedHashMap<>();
        for (Service s : built) {
            servicePorts.put(s, port(s.portEnv(), s.defaultPort()));
        }
        servicePorts.put(GATEWAY, port(GATEWAY.portEnv(), GATEWAY.defaultPort()));
        servicePorts.forEach((s, p) -> Ports.requireFree(p, s.name(), s.portEnv()));
        Jdks.require(21);

        if (fresh) {
            publish("STARTING", "removing old data (--fresh)");
            Keycloak.deleteTree(data);
        }

        publish("STARTING", "starting PostgreSQL, Kafka and Keycloak");
        CompletableFuture<Postgres> pg = CompletableFuture.supplyAsync(() -> {
            Postgres p = track(Postgres.start(pgPort, data.resolve("postgres"), home.resolve("run/postgres-work")));
            p.serverPid().ifPresent(pid -> state.put("pid.postgres", pid.toString()));
            p.ensureDatabases(SERVICES.stream().map(Service::database).toList());
            return p;
        });
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(() -> {
            KafkaBroker k = track(KafkaBroker.start(kafkaPort, kafkaControllerPort, data.resolve("kafka")));
            state.put("pid.kafka", Long.toString(k.pid()));
            return k;
        });
        CompletableFuture<Keycloak> keycloak = CompletableFuture.supplyAsync(() -> {
            Keycloak k = track(Keycloak.start(kcPort, kcManagementPort, root.resolve("platform/realm/fundguard-realm.json"),
                    home.resolve("cache"), logs.resolve("keycloak.log")));
            state.put("pid.keycloak", Long.toString(k.pid()));
            return k;
        });
        join(CompletableFuture.allOf(pg, kafka, keycloak));
        state.put("url.postgres", "jdbc:postgresql://127.0.0.1:" + pgPort + "/<service>");
        state.put("url.kafka", kafka.join().bootstrapServers());
        state.put("url.keycloak", keycloak.join().baseUrl());
        publish("STARTING", "starting services");

        Map<String, String> common = new LinkedHashMap<>();
        common.put("QUARKUS_DATASOURCE_USERNAME", Postgres.USER);
        common.put("QUARKUS_DATASOURCE_PASSWORD", Postgres.PASSWORD);
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.join().bootstrapServers());
        common.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.join().realmUrl());
        common.put("FUNDGUARD_DEMO_DATA", "true");
        common.putAll(DevSecrets.loadOrCreate(data.resolve("secrets/dev-keys.properties")));
        List<CompletableFuture<Void>> services = new ArrayList<>();
        for (Service s : built) {
            int p = servicePorts.get(s);
            Map<String, String> env = new LinkedHashMap<>(common);
            env.put("QUARKUS_HTTP_PORT", Integer.toString(p));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + s.database());
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:" + pgPort + "/" + s.database());
            services.add(CompletableFuture.runAsync(() -> startService(s, p, env, logs)));
        }
        join(CompletableFuture.allOf(services.toArray(CompletableFuture[]::new)));

        Map<String, String> gw = new LinkedHashMap<>(common);
        int gwPort = servicePorts.get(GATEWAY);
        gw.put("QUARKUS_HTTP_PORT", Integer.toString(gwPort));
        for (Service s : SERVICES) {
            gw.put("GATEWAY_UPSTREAMS_" + s.name().toUpperCase(),
                    "http://127.0.0.1:" + port(s.portEnv(), s.defaultPort()));
        }
        startService(GATEWAY, gwPort, gw, logs);
        state.put("services", String.join(",", built.stream().map(Service::name).toList()));
        publish("READY", "all started");
    }

    private void startService(Service s, int port, Map<String, String> env, Path logs) {
        publish("STARTING", "starting " + s.name());
        state.put("url." + s.name(), "http://localhost:" + port);
        ManagedProcess p = ServiceProcess.start(root, s.module(), s.name(), port, env, logs.resolve(s.name() + ".log"));
        track(() -> p.stop(Duration.ofSeconds(20)));
        state.put("pid." + s.name(), Long.toString(p.pid()));
    }

    private Path runJar(Service s) {
        return ServiceProcess.runJar(root, s.module());
    }

    private <T extends AutoCloseable> T track(T c) {
        started.add(c);
        return c;
    }

    void stopAll() {
        List<AutoCloseable> reverse;
        synchronized (started) {
            reverse = new ArrayList<>(started);
            started.clear();
        }
        Collections.reverse(reverse);
        // services first (reverse start order), then the infrastructure, which was started before them
        for (AutoCloseable c : reverse) {
            ComponentMain.closeQuietly(c);
        }
        if (!"FAILED".equals(state.get("state"))) {
            publish("STOPPED", "stopped");
        }
    }

    synchronized void publish(String s, String message) {
        state.put("state", s);
        state.put("message", message);
        StateFile.write(home.resolve("run/suite.properties"), state);
    }

    static int port(String env, int dflt) {
        String v = System.getenv(env);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new StackException(env + "=" + v + " is not a port number");
        }
    }

    private static void join(CompletableFuture<?> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
