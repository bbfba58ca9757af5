package org.fundguard.devstack;

import org.fundguard.devstack.Services.Service;
import org.fundguard.devstack.Supervisor.Component;
import org.fundguard.devstack.Supervisor.Running;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.fundguard.devstack.Services.GATEWAY;
import static org.fundguard.devstack.Services.SERVICES;

/**
 * The process behind {@code ./fundguard up}: starts PostgreSQL (durable), Kafka and Keycloak, then every built service
 * and the gateway, each as its own process and each through one {@link Supervisor}, which restarts whatever dies and
 * keeps {@code .fundguard/run/suite.properties} (state, message, every real server PID, readiness checks) up to date;
 * stops all of it, in reverse order, when it is itself stopped.
 */
public final class SuiteMain {

    private final Path root;
    private final Path home;
    private final Supervisor supervisor;

    SuiteMain(Path root) {
        this.root = root;
        this.home = root.resolve(".fundguard");
        this.supervisor = new Supervisor(home.resolve("run/suite.properties"), home.resolve("run"),
                Supervisor.Policy.DEFAULT, System.out);
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
        supervisor.put("supervisor.pid", Long.toString(ProcessHandle.current().pid()));
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
        // durable: an answered commit survives a crash of the server, kill -9 included
        CompletableFuture<Void> pg = CompletableFuture.runAsync(() -> supervisor.start(postgresComponent(pgPort,
                data.resolve("postgres"), home.resolve("run/postgres-work"), Postgres.Durability.DURABLE,
                SERVICES.stream().map(Service::database).toList(), p -> { })));
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(() -> {
            KafkaBroker[] current = new KafkaBroker[1];
            supervisor.start(new Component("kafka", () -> {
                KafkaBroker k = KafkaBroker.start(kafkaPort, kafkaControllerPort, data.resolve("kafka"));
                current[0] = k;
                return running(k.pid(), k::close);
            }, Probe.tcp(kafkaPort), "127.0.0.1:" + kafkaPort));
            return current[0].bootstrapServers();
        });
        CompletableFuture<String> keycloak = CompletableFuture.supplyAsync(() -> {
            Keycloak[] current = new Keycloak[1];
            supervisor.start(new Component("keycloak", () -> {
                Keycloak k = Keycloak.start(kcPort, kcManagementPort, root.resolve("platform/realm/fundguard-realm.json"),
                        home.resolve("cache"), logs.resolve("keycloak.log"));
                current[0] = k;
                return running(k.pid(), k::close);
            }, Probe.http("http://localhost:" + kcManagementPort + "/health/ready"), "http://localhost:" + kcPort));
            return current[0].baseUrl();
        });
        join(CompletableFuture.allOf(pg, kafka, keycloak));
        publish("STARTING", "starting services");

        Services.Infrastructure infra = infrastructure(pgPort, kafka.join(), keycloak.join(),
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
        supervisor.put("services", String.join(",", built.stream().map(Service::name).toList()));
        publish("READY", "all started");
        supervisor.supervise();
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
        String host = s == GATEWAY ? "localhost" : Services.LOOPBACK;
        supervisor.start(serviceComponent(root, s, port, env, logs.resolve(s.name() + ".log"),
                "http://" + host + ":" + port));
    }

    /**
     * PostgreSQL as the supervisor runs it: on {@code dataDir} (kept, so a restart after a crash recovers it), with
     * {@code databases} created; its PID is the postmaster's; ready when it answers a query. {@code started} sees each
     * server started.
     */
    public static Component postgresComponent(int port, Path dataDir, Path workDir, Postgres.Durability durability,
                                              List<String> databases, java.util.function.Consumer<Postgres> started) {
        return new Component("postgres", () -> {
            Postgres p = Postgres.start(port, dataDir, workDir, durability);
            System.out.println("PostgreSQL on port " + port + ", durability " + durability + ": " + p.durabilitySettings());
            p.ensureDatabases(databases);
            started.accept(p);
            long pid = p.serverPid().orElseThrow(() -> new StackException("PostgreSQL started but wrote no postmaster.pid"));
            return running(pid, p::close);
        }, Probe.postgres(port), "jdbc:postgresql://127.0.0.1:" + port + "/<database>");
    }

    /** A service (or the gateway) as the supervisor runs it: its JVM, ready when {@code /q/health/ready} answers. */
    public static Component serviceComponent(Path root, Service s, int port, Map<String, String> env, Path log, String url) {
        return new Component(s.name(), () -> {
            ManagedProcess p = ServiceProcess.start(root, s.module(), s.name(), port, env, log);
            return running(p.pid(), () -> p.stop(Duration.ofSeconds(20)));
        }, Probe.http("http://" + Services.LOOPBACK + ":" + port + "/q/health/ready"), url);
    }

    /** A running component whose server is {@code pid}, stopped by {@code stop}. */
    public static Running running(long pid, Runnable stop) {
        return new Running() {
            @Override
            public long pid() {
                return pid;
            }

            @Override
            public void stop() {
                stop.run();
            }
        };
    }

    private Path runJar(Service s) {
        return ServiceProcess.runJar(root, s.module());
    }

    void stopAll() {
        // services first (reverse start order), then the infrastructure, which was started before them
        supervisor.close();
        if (!"FAILED".equals(supervisor.state("state"))) {
            publish("STOPPED", "stopped");
        }
    }

    void publish(String s, String message) {
        supervisor.publish(s, message);
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
