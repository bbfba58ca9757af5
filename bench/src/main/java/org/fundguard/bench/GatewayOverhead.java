package org.fundguard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's cost: the same authenticated call made directly to a service, through the gateway (JWT verified by
 * both), and — when nginx is installed — through a minimal nginx reverse proxy that does no auth (the reference for what
 * any proxy hop costs on this machine), at a fixed open-model rate, alternating rounds in one run. Prints p50/p99
 * latency and CPU per request.
 *
 * <p>Arguments: {@code --direct URL --gateway URL --token JWT --service-pid PID --gateway-pid PID [--nginx URL
 * --nginx-pid PID | --nginx-skipped REASON] [--rate 300] [--seconds 30] [--rounds 2] [--warmup-seconds 60]}.
 */
public final class GatewayOverhead {

    /** Seconds of warm-up for nginx: it has no JIT to warm, only its upstream connections. */
    private static final int NGINX_WARMUP_SECONDS = 10;

    private record Row(String name, long sent, long ok, long failed, double p50, double p99, double p999, double max,
                       double cpuProxyMs, double cpuServiceMs, Machine machine) {
    }

    /** Cores busy during a round: the whole machine, and the part of it this run's own processes used. */
    private record Machine(double all, double loadGenerator, double proxy, double service) {
        double rest() {
            return Math.max(0, all - loadGenerator - proxy - service);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String direct = a.get("direct");
        String viaGateway = a.get("gateway");
        String viaNginx = a.get("nginx");
        // an empty --token sends none (for open routes)
        String token = a.getOrDefault("token", "");
        Map<String, String> headers = token.isEmpty() ? Map.of() : Map.of("Authorization", "Bearer " + token);
        long servicePid = Long.parseLong(a.get("service-pid"));
        long gatewayPid = Long.parseLong(a.get("gateway-pid"));
        long nginxPid = viaNginx == null ? -1 : Long.parseLong(a.get("nginx-pid"));
        int rate = Integer.parseInt(a.getOrDefault("rate", "300"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "2"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup-seconds", "60"));

        OpenModelLoad load = new OpenModelLoad();
        System.out.printf("warming up both paths for %d s each at %d req/s%s ...%n", warmup, rate,
                viaNginx == null ? "" : " (and nginx for " + Math.min(warmup, NGINX_WARMUP_SECONDS) + " s)");
        load.run(direct, headers, rate, Duration.ofSeconds(warmup), 200);
        load.run(viaGateway, headers, rate, Duration.ofSeconds(warmup), 200);
        if (viaNginx != null) {
            load.run(viaNginx, headers, rate, Duration.ofSeconds(Math.min(warmup, NGINX_WARMUP_SECONDS)), 200);
        }

        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            rows.add(measure("direct   #" + r, load, direct, headers, rate, seconds, servicePid, gatewayPid));
            rows.add(measure("gateway  #" + r, load, viaGateway, headers, rate, seconds, servicePid, gatewayPid));
            if (viaNginx != null) {
                rows.add(measure("nginx    #" + r, load, viaNginx, headers, rate, seconds, servicePid, nginxPid));
            }
        }
        System.out.printf("%nGateway overhead at %d req/s (open model, %d s per round), latency in ms, CPU in ms per request%n", rate, seconds);
        System.out.printf("%-12s %8s %8s %7s %8s %8s %8s %8s %12s %12s%n", "path", "sent", "ok", "failed",
                "p50", "p99", "p99.9", "max", "cpu-gateway", "cpu-service");
        for (Row row : rows) {
            System.out.printf("%-12s %8d %8d %7d %8.3f %8.3f %8.3f %8.3f %12.3f %12.3f%n", row.name(), row.sent(), row.ok(),
                    row.failed(), row.p50(), row.p99(), row.p999(), row.max(), row.cpuProxyMs(), row.cpuServiceMs());
        }
        if (viaNginx != null) {
            System.out.println("(nginx rows: cpu-gateway is nginx's own CPU; nginx forwards without any auth)");
        } else {
            System.out.println("nginx peer skipped: " + a.getOrDefault("nginx-skipped", "no --nginx given"));
        }
        double directP99 = avg(rows, "direct", Row::p99);
        double directP50 = avg(rows, "direct", Row::p50);
        System.out.printf("%nthe gateway adds %.3f ms at p50 and %.3f ms at p99 (target: <= 1 ms at p99), and %.3f ms CPU per request%n",
                avg(rows, "gateway", Row::p50) - directP50, avg(rows, "gateway", Row::p99) - directP99, avg(rows, "gateway", Row::cpuProxyMs));
        if (viaNginx != null) {
            System.out.printf("nginx (no auth) adds %.3f ms at p50 and %.3f ms at p99, and %.3f ms CPU per request%n",
                    avg(rows, "nginx", Row::p50) - directP50, avg(rows, "nginx", Row::p99) - directP99, avg(rows, "nginx", Row::cpuProxyMs));
        }
        double gwCpu = avg(rows, "gateway", Row::cpuProxyMs);
        double svcCpu = avg(rows, "gateway", Row::cpuServiceMs);
        int cores = Runtime.getRuntime().availableProcessors();
        // when the machine is near saturation, p99 measures queueing for a core, not the gateway's own work
        System.out.printf("through the gateway, gateway + service use %.2f of this machine's %d cores at this rate"
                + " (the load generator, PostgreSQL, Kafka and Keycloak share them)%n", (gwCpu + svcCpu) * rate / 1000, cores);
        // other work on the machine (builds, tests) shows up here: compare runs only when "rest" is alike
        System.out.printf("cores busy per round (of %d): all = load generator + proxy + service + rest (PostgreSQL, Kafka, Keycloak, anything else)%n", cores);
        for (Row row : rows) {
            Machine m = row.machine();
            if (m.all() < 0) {
                continue;
            }
            System.out.printf("  %-12s all %.2f = %.2f + %.2f + %.2f + %.2f%n", row.name(), m.all(), m.loadGenerator(), m.proxy(),
                    m.service(), m.rest());
        }
        boolean clean = rows.stream().allMatch(x -> x.failed() == 0 && x.ok() == x.sent());
        System.out.println(clean ? "all requests answered 200" : "SOME REQUESTS FAILED: the figures above are not comparable");
        System.exit(0);
    }

    private static double avg(List<Row> rows, String prefix, java.util.function.ToDoubleFunction<Row> f) {
        return rows.stream().filter(x -> x.name().startsWith(prefix)).mapToDouble(f).average().orElse(0);
    }

    private static Row measure(String name, OpenModelLoad load, String url, Map<String, String> headers, int rate, int seconds,
                               long servicePid, long proxyPid) throws InterruptedException {
        long self = ProcessHandle.current().pid();
        long t0 = System.nanoTime();
        long all0 = MachineCpu.busyNanos();
        long me0 = ProcessCpu.nanos(self);
        long proxy0 = ProcessCpu.nanos(proxyPid);
        long svc0 = ProcessCpu.nanos(servicePid);
        OpenModelLoad.Result r = load.run(url, headers, rate, Duration.ofSeconds(seconds), 200);
        if (r.firstProblem() != null) {
            System.out.println(name + ": first problem: " + r.firstProblem());
        }
        long proxy = ProcessCpu.nanos(proxyPid) - proxy0;
        long svc = ProcessCpu.nanos(servicePid) - svc0;
        long me = ProcessCpu.nanos(self) - me0;
        long all1 = MachineCpu.busyNanos();
        double wall = System.nanoTime() - t0;
        Machine machine = all0 < 0 || all1 < 0 ? new Machine(-1, 0, 0, 0)
                : new Machine((all1 - all0) / wall, me / wall, proxy / wall, svc / wall);
        double perReq = Math.max(1, r.sent());
        return new Row(name, r.sent(), r.ok(), r.failed() + r.unexpected(),
                r.latencyMicros().getValueAtPercentile(50) / 1000.0,
                r.latencyMicros().getValueAtPercentile(99) / 1000.0,
                r.latencyMicros().getValueAtPercentile(99.9) / 1000.0,
                r.latencyMicros().getMaxValue() / 1000.0,
                proxy / 1e6 / perReq, svc / 1e6 / perReq, machine);
    }
}
