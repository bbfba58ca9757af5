package org.fundguard.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs one infrastructure component (postgres, kafka or keycloak) in this JVM's care until a watched process exits
 * or this one is told to stop; writes {@code <state-dir>/<component>.properties} once the component is ready.
 * Test JVMs start it detached, watching the Maven process, so one server serves every module of a build.
 */
public final class ComponentMain {

    public static void main(String[] args) {
        Map<String, String> a = Args.parse(args);
        String component = a.get("component");
        Path stateDir = Path.of(a.get("state-dir"));
        Path root = Path.of(a.getOrDefault("root", "."));
        long watchPid = Long.parseLong(a.getOrDefault("watch-pid", "-1"));
        Path state = stateDir.resolve(component + ".properties");
        Path dir = stateDir.resolve(component);
        Map<String, String> out = new HashMap<>();
        out.put("component", component);
        out.put("supervisor.pid", Long.toString(ProcessHandle.current().pid()));
        try {
            AutoCloseable running;
            switch (component) {
                case "postgres" -> {
                    int port = Ports.pickFree();
                    // durable unless the caller says otherwise (the test stack does: --durability FAST)
                    Postgres.Durability durability = Postgres.Durability.valueOf(a.getOrDefault("durability", "DURABLE"));
                    Postgres pg = Postgres.start(port, dir.resolve("data"), dir.resolve("work"), durability);
                    System.out.println("PostgreSQL on port " + port + ", durability " + durability + ": " + pg.durabilitySettings()
                            + (durability == Postgres.Durability.FAST
                                    ? " (throw-away test data: a crash of this server loses the last answered commits)" : ""));
                    out.put("durability", durability.name());
                    out.put("port", Integer.toString(port));
                    out.put("url", "postgresql://127.0.0.1:" + port);
                    out.put("username", Postgres.USER);
                    out.put("password", Postgres.PASSWORD);
                    pg.serverPid().ifPresent(pid -> out.put("pid", pid.toString()));
                    running = pg;
                }
                case "kafka" -> {
                    KafkaBroker broker = KafkaBroker.start(Ports.pickFree(), Ports.pickFree(), dir);
                    out.put("port", Integer.toString(broker.port()));
                    out.put("url", broker.bootstrapServers());
                    out.put("pid", Long.toString(broker.pid()));
                    running = broker;
                }
                case "keycloak" -> {
                    int port = Ports.pickFree();
                    Keycloak kc = Keycloak.start(port, Ports.pickFree(), root.resolve("platform/realm/fundguard-realm.json"),
                            root.resolve(".fundguard/cache"), dir.resolve("keycloak.log"));
                    out.put("port", Integer.toString(port));
                    out.put("url", kc.baseUrl());
                    out.put("pid", Long.toString(kc.pid()));
                    running = kc;
                }
                default -> throw new StackException("unknown component " + component);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(running), "stop-" + component));
            out.put("state", "READY");
            StateFile.write(state, out);
            if (watchPid > 0) {
                ProcessHandle.of(watchPid).ifPresentOrElse(h -> h.onExit().join(), () -> { });
                System.exit(0);
            } else {
                Thread.currentThread().join();
            }
        } catch (StackException e) {
            out.put("state", "FAILED");
            out.put("message", e.getMessage());
            StateFile.write(state, out);
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            System.exit(0);
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("stop failed: " + e.getMessage());
        }
    }

    private ComponentMain() {
    }
}
