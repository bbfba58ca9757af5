package org.fundguard.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * What {@code ./fundguard status} prints: for each component of the state file, whether the process it names is
 * alive and whether the component answers its readiness check ({@link Probe}) now; the suite is READY only when
 * the supervisor and every component are. Exit code 0 when READY, 1 otherwise.
 */
public final class SuiteStatus {

    /** One component as found now. */
    public record Component(String name, long pid, boolean alive, boolean ready, String supervisor, String url,
                            String message) {

        public boolean ok() {
            return alive && ready;
        }
    }

    /** The whole suite as found now. */
    public record Report(long supervisorPid, boolean supervisorAlive, String startup, List<Component> components) {

        public boolean ready() {
            return supervisorAlive && "READY".equals(startup) && !components.isEmpty()
                    && components.stream().allMatch(Component::ok);
        }

        public Component component(String name) {
            return components.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no component " + name));
        }

        /** The lines {@code ./fundguard status} prints. */
        public String render() {
            StringBuilder b = new StringBuilder();
            b.append("FundGuard: ").append(ready() ? "READY" : "NOT READY");
            if (!supervisorAlive) {
                b.append(" (the supervisor, PID ").append(supervisorPid).append(", is not running)");
            } else if (!"READY".equals(startup)) {
                b.append(" (").append(startup).append(')');
            }
            b.append('\n');
            for (Component c : components) {
                b.append(String.format("  %-14s PID %-8d %-5s %-10s %-11s %s%n", c.name(), c.pid(),
                        c.alive() ? "alive" : "DEAD", c.ready() ? "ready" : "NOT READY", c.supervisor(),
                        c.url() == null ? "" : c.url()));
                if (c.message() != null) {
                    b.append("      ").append(c.message()).append('\n');
                }
            }
            return b.toString();
        }
    }

    private SuiteStatus() {
    }

    /** Checks every component the state file names, in the order they are listed there (by name). */
    public static Report of(Properties state) {
        long supervisor = parse(state.getProperty("supervisor.pid"));
        List<Component> list = new ArrayList<>();
        for (String name : new TreeSet<>(names(state))) {
            long pid = parse(state.getProperty("pid." + name));
            boolean alive = alive(pid);
            String probe = state.getProperty("ready." + name);
            boolean ready = alive && probe != null && new Probe(probe).check();
            list.add(new Component(name, pid, alive, ready, state.getProperty("status." + name, "?"),
                    state.getProperty("url." + name), state.getProperty("message." + name)));
        }
        return new Report(supervisor, alive(supervisor), state.getProperty("state", "?"), list);
    }

    private static List<String> names(Properties state) {
        List<String> names = new ArrayList<>();
        for (String key : state.stringPropertyNames()) {
            if (key.startsWith("pid.")) {
                names.add(key.substring(4));
            }
        }
        return names;
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long parse(String v) {
        try {
            return v == null ? -1 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static void main(String[] args) {
        Map<String, String> a = Args.parse(args);
        Path file = Path.of(a.getOrDefault("state", ".fundguard/run/suite.properties"));
        Properties state = StateFile.read(file).orElse(null);
        if (state == null) {
            System.out.println("FundGuard is not running.");
            System.exit(1);
        }
        Report r = of(state);
        System.out.print(r.render());
        System.exit(r.ready() ? 0 : 1);
    }
}
