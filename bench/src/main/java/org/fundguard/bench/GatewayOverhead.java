package org.fundguard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's cost: the same authenticated call made directly to a service, through the gateway (JWT verified by
 * both), and — when nginx is installed — through a minimal nginx reverse proxy that does no auth (the reference for what
 * any proxy hop costs on this machine), at a fixed open-model rate, alternating rounds in one run. The call is a GET, or
 * a POST of a JSON file ({@code --body}) sent unchanged on every path. Prints p50/p99 latency, CPU per request, and a
 * final table with the target and whether it was met: the gateway's p99 itself ({@code --target-p99}) or what it adds
 * to the direct call's p99 ({@code --target-added-p99}, default 1 ms).
 *
 * <p>Arguments: {@code --direct URL --gateway URL --token JWT --service-pid PID --gateway-pid PID [--body FILE]
 * [--nginx URL --nginx-pid PID | --nginx-skipped REASON] [--target-p99 MS | --target-added-p99 MS] [--rate 300]
 * [--seconds 30] [--rounds 2] [--warmup-seconds 60]}.
 */
public final class GatewayOverhead {

    /** Seconds of warm-up for nginx: it has no JIT to warm, only its upstream connections. */
    private static final int NGINX_WARMUP_SECONDS = 10;

    private record Row(String name, long sent, long ok, long non200, long ioErrors, double p50, double p99, double p999,
                       double max, double cpuProxyMs, double cpuServiceMs, Machine machine) {
        /** Every request that was not answered 200: other statuses, I/O errors and timeouts, and answers still missing. */
        long errors() {
            return sent - ok;
        }
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
        String loadBefore = MachineCpu.loadAverage();
        String viaNginx = a.get("nginx");
        // an empty --token sends none (for open routes)
        String token = a.getOrDefault("token", "");
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (!token.isEmpty()) {
            headers.put("Authorization", "Bearer " + token);
        }
        byte[] body = a.containsKey("body") ? Files.readAllBytes(Path.of(a.get("body"))) : null;
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        OpenModelLoad.Call direct = OpenModelLoad.request(a.get("direct"), headers, body);
        OpenModelLoad.Call viaGateway = OpenModelLoad.request(a.get("gateway"), headers, body);
        OpenModelLoad.Call nginx = viaNginx == null ? null : OpenModelLoad.request(viaNginx, headers, body);
        long servicePid = Long.parseLong(a.get("service-pid"));
        long gatewayPid = Long.parseLong(a.get("gateway-pid"));
        long nginxPid = viaNginx == null ? -1 : Long.parseLong(a.get("nginx-pid"));
        int rate = Integer.parseInt(a.getOrDefault("rate", "300"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "2"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup-seconds", "60"));
        String call = viaGateway.method() + " " + viaGateway.target()
                + (body == null ? "" : " (" + body.length + "-byte JSON body)");

        OpenModelLoad load = new OpenModelLoad();
        System.out.printf("%s: warming up both paths for %d s each at %d req/s%s ...%n", call, warmup, rate,
                viaNginx == null ? "" : " (and nginx for " + Math.min(warmup, NGINX_WARMUP_SECONDS) + " s)");
        load.run(direct, rate, Duration.ofSeconds(warmup), 200);
        load.run(viaGateway, rate, Duration.ofSeconds(warmup), 200);
        if (viaNginx != null) {
            load.run(nginx, rate, Duration.ofSeconds(Math.min(warmup, NGINX_WARMUP_SECONDS)), 200);
        }

        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            rows.add(measure("direct   #" + r, load, direct, rate, seconds, servicePid, gatewayPid));
            rows.add(measure("gateway  #" + r, load, viaGateway, rate, seconds, servicePid, gatewayPid));
            if (viaNginx != null) {
                rows.add(measure("nginx    #" + r, load, nginx, rate, seconds, servicePid, nginxPid));
            }
        }
        System.out.printf("%nGateway overhead for %s at %d req/s (open model, %d s per round), latency in ms, CPU in ms per request%n",
                call, rate, seconds);
        System.out.printf("%-12s %8s %8s %7s %7s %8s %8s %8s %8s %12s %12s%n", "path", "sent", "ok", "non-200", "io-err",
                "p50", "p99", "p99.9", "max", "cpu-gateway", "cpu-service");
        for (Row row : rows) {
            System.out.printf("%-12s %8d %8d %7d %7d %8.3f %8.3f %8.3f %8.3f %12.3f %12.3f%n", row.name(), row.sent(), row.ok(),
                    row.non200(), row.ioErrors(), row.p50(), row.p99(), row.p999(), row.max(), row.cpuProxyMs(), row.cpuServiceMs());
        }
        if (viaNginx != null) {
            System.out.println("(nginx rows: cpu-gateway is nginx's own CPU; nginx forwards without any auth)");
        } else {
            System.out.println("nginx peer skipped: " + a.getOrDefault("nginx-skipped", "no --nginx given"));
        }
        double directP99 = avg(rows, "direct", Row::p99);
        double directP50 = avg(rows, "direct", Row::p50);
        System.out.printf("%nthe gateway adds %.3f ms at p50 and %.3f ms at p99, and %.3f ms CPU per request%n",
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
        boolean clean = rows.stream().allMatch(x -> x.errors() == 0);
        System.out.println(clean ? "all requests answered 200" : "SOME REQUESTS FAILED: the figures above are not comparable");
        summary(call, a, rows, rate, seconds, rounds, viaNginx != null, loadBefore, MachineCpu.loadAverage());
        System.exit(0);
    }

    /**
     * The final table: per path p50 (mean of rounds), p99 (mean, and each round), CPU per request and errors, with the
     * target on the gateway's row. An absolute target is met when every gateway round's p99 is within it; an added one
     * when the mean gateway p99 exceeds the mean direct p99 by no more; either only with no errors on the gateway path.
     */
    private static void summary(String call, Map<String, String> a, List<Row> rows, int rate, int seconds, int rounds,
                                boolean withNginx, String loadBefore, String loadAfter) {
        String targetText;
        String measuredText;
        boolean met;
        boolean gatewayClean = rows.stream().filter(x -> x.name().startsWith("gateway")).allMatch(x -> x.errors() == 0);
        if (a.containsKey("target-p99")) {
            double target = Double.parseDouble(a.get("target-p99"));
            double worst = rows.stream().filter(x -> x.name().startsWith("gateway")).mapToDouble(Row::p99).max().orElse(Double.NaN);
            targetText = "p99 <= " + a.get("target-p99") + " ms";
            measuredText = String.format("%.3f (worst round)", worst);
            met = worst <= target && gatewayClean;
        } else {
            String limit = a.getOrDefault("target-added-p99", "1");
            double added = avg(rows, "gateway", Row::p99) - avg(rows, "direct", Row::p99);
            targetText = "adds <= " + limit + " ms at p99";
            measuredText = String.format("%+.3f (mean of rounds)", added);
            met = added <= Double.parseDouble(limit) && gatewayClean;
        }
        System.out.printf("%nSummary: %s at %d req/s, open model, %d round(s) of %d s per path; load average %s before, %s after%n",
                call, rate, rounds, seconds, loadBefore, loadAfter);
        System.out.printf("%-24s %8s %8s %-20s %11s %11s %7s  %-22s %-22s %s%n", "path", "p50 ms", "p99 ms", "p99 per round",
                "cpu-proxy", "cpu-service", "errors", "target", "measured", "met");
        List<String[]> paths = new ArrayList<>();
        paths.add(new String[] {"gateway", "gateway (JWT verified)"});
        paths.add(new String[] {"direct", "direct (peer)"});
        if (withNginx) {
            paths.add(new String[] {"nginx", "nginx (no auth, ref.)"});
        }
        for (String[] p : paths) {
            List<Row> of = rows.stream().filter(x -> x.name().startsWith(p[0])).toList();
            String perRound = String.join(" ", of.stream().map(x -> String.format("%.2f", x.p99())).toList());
            boolean gateway = p[0].equals("gateway");
            String cpuProxy = p[0].equals("direct") ? "-" : String.format("%.3f", avg(rows, p[0], Row::cpuProxyMs));
            System.out.printf("%-24s %8.3f %8.3f %-20s %11s %11.3f %7d  %-22s %-22s %s%n", p[1], avg(rows, p[0], Row::p50),
                    avg(rows, p[0], Row::p99), perRound, cpuProxy, avg(rows, p[0], Row::cpuServiceMs),
                    of.stream().mapToLong(Row::errors).sum(), gateway ? targetText : "-", gateway ? measuredText : "-",
                    gateway ? (met ? "yes" : "NO") : "-");
        }
        System.out.println("(latency in ms from each request's intended send time; CPU in ms per request; errors = not answered 200)");
    }

    private static double avg(List<Row> rows, String prefix, java.util.function.ToDoubleFunction<Row> f) {
        return rows.stream().filter(x -> x.name().startsWith(prefix)).mapToDouble(f).average().orElse(0);
    }

    private static Row measure(String name, OpenModelLoad load, OpenModelLoad.Call request, int rate, int seconds,
                               long servicePid, long proxyPid) throws InterruptedException {
        long self = ProcessHandle.current().pid();
        long t0 = System.nanoTime();
        long all0 = MachineCpu.busyNanos();
        long me0 = ProcessCpu.nanos(self);
        long proxy0 = ProcessCpu.nanos(proxyPid);
        long svc0 = ProcessCpu.nanos(servicePid);
        OpenModelLoad.Result r = load.run(request, rate, Duration.ofSeconds(seconds), 200);
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
        return new Row(name, r.sent(), r.ok(), r.unexpected(), r.failed(),
                r.latencyMicros().getValueAtPercentile(50) / 1000.0,
                r.latencyMicros().getValueAtPercentile(99) / 1000.0,
                r.latencyMicros().getValueAtPercentile(99.9) / 1000.0,
                r.latencyMicros().getMaxValue() / 1000.0,
                proxy / 1e6 / perReq, svc / 1e6 / perReq, machine);
    }
}
