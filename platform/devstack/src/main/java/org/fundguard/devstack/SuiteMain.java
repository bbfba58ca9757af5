package org.fundguard.devstack;

import org.fundguard.devstack.Services.Service;

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

import static org.fundguard.devstack.Services.GATEWAY;
import static org.fundguard.devstack.Services.SERVICES;

/**
 * The supervisor behind {@code ./fundguard up}: starts PostgreSQL, Kafka and Keycloak, then every built service and
 * the gateway, each as its own process; writes {@code .fundguard/run/suite.properties} (state, message, every PID);
 * stops all of it, in reverse order, when it is itself stopped.
 */
public final class SuiteMain {

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

        int pgPort = Ports.fromEnvironment("FUNDGUARD_POSTGRES_PORT", 15432);
        int kafkaPort = Ports.fromEnvironment("FUNDGUARD_KAFKA_PORT", 9092);
        int kafkaControllerPort = Ports.fromEnvironment("FUNDGUARD_KAFKA_CONTROLLER_PORT", 9093);
        int kcPort = Ports.fromEnvironment("FUNDGUARD_KEYCLOAK_PORT", 8180);
        int kcManagementPort = Ports.fromEnvironment("FUNDGUARD_KEYCLOAK_MANAGEMENT_PORT", 8190);
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
            servicePorts.put(s, s.port());
        }
        servicePorts.put(GATEWAY, GATEWAY.port());
        servicePorts.forEach((s, p) -> Ports.requireFree(p, s.name(), s.portEnv()));
        int gwManagementPort = Ports.fromEnvironment("FUNDGUARD_GATEWAY_MANAGEMENT_PORT", 9000);
        Ports.requireFree(gwManagementPort, "gateway management (metrics)", "FUNDGUARD_GATEWAY_MANAGEMENT_PORT");
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

        Services.Infrastructure infra = infrastructure(pgPort, kafka.join().bootstrapServers(), keycloak.join().baseUrl(),
                DevSecrets.loadOrCreate(data.resolve("secrets/dev-keys.properties")));
        List<CompletableFuture<Void>> services = new ArrayList<>();
        for (Service s : built) {
            int p = servicePorts.get(s);
            Map<String, String> env = s.environment(infra, p);
            services.add(CompletableFuture.runAsync(() -> startService(s, p, env, logs)));
        }
        join(CompletableFuture.allOf(services.toArray(CompletableFuture[]::new)));

        int gwPort = servicePorts.get(GATEWAY);
        Map<Service, Integer> upstreams = new LinkedHashMap<>();
        SERVICES.forEach(s -> upstreams.put(s, s.port()));
        startService(GATEWAY, gwPort, Services.gatewayEnvironment(infra, gwPort, gwManagementPort, upstreams), logs);
        state.put("services", String.join(",", built.stream().map(Service::name).toList()));
        publish("READY", "all started");
    }

    /** What the dev stack gives every process: its own infrastructure on this machine, demo data, development keys. */
    static Services.Infrastructure infrastructure(int pgPort, String kafkaBootstrapServers, String keycloakUrl,
                                                  Map<String, String> devSecrets) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("FUNDGUARD_DEMO_DATA", "true");
        settings.putAll(devSecrets);
        return new Services.Infrastructure("postgresql://127.0.0.1:" + pgPort, Postgres.USER, Postgres.PASSWORD,
                kafkaBootstrapServers, keycloakUrl, settings);
    }

    private void startService(Service s, int port, Map<String, String> env, Path logs) {
        publish("STARTING", "starting " + s.name());
        // services listen on loopback only; the gateway's URL is the one a person types
        state.put("url." + s.name(), "http://" + (s == GATEWAY ? "localhost" : Services.LOOPBACK) + ":" + port);
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
