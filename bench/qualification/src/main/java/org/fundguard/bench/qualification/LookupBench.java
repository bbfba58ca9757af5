package org.fundguard.bench.qualification;

import org.HdrHistogram.Histogram;
import org.fundguard.bench.MachineCpu;
import org.fundguard.bench.OpenModelLoad;
import org.fundguard.bench.ProcessCpu;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settlement look-up's figures beside the HTTP floor, in one run, with the gateway benches' open-model load
 * generator ({@link OpenModelLoad}: fixed rate, latency from each request's intended send time): the floor (a Quarkus
 * endpoint answering a constant), the single look-up directly and through the gateway at the same rate, and the
 * 100-code look-up directly and through the gateway at {@code --batch-rate}. Prints throughput, p50/p99 and CPU per
 * request of each, codes/s of the 100-code look-up, and the targets: single look-up throughput ≥ 0.8× the
 * floor's and p99 ≤ 1.5× the floor's; 100-code look-up ≥ 100,000 codes/s.
 *
 * <p>Arguments: {@code --direct BASE --gateway BASE --floor URL --token JWT --service-pid PID --gateway-pid PID
 * --floor-pid PID [--rate 300] [--batch-rate 1000] [--seconds 30] [--warmup-seconds 30]}; BASE is the origin.
 */
public final class LookupBench {

    private static final String PATH = "/api/qualification/v1/lookup";
    private static final String DATE = "2027-04-15";

    private record Row(String name, int rate, int codes, long sent, long ok, double seconds, double p50, double p99,
                       double cpuService, double cpuGateway) {
        double throughput() {
            return ok / seconds;
        }
    }

    private LookupBench() {
    }

    static Map<String, String> args(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return a;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = args(argv);
        int rate = Integer.parseInt(a.getOrDefault("rate", "300"));
        int batchRate = Integer.parseInt(a.getOrDefault("batch-rate", "1000"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup-seconds", "30"));
        long servicePid = Long.parseLong(a.get("service-pid"));
        long gatewayPid = Long.parseLong(a.get("gateway-pid"));
        long floorPid = Long.parseLong(a.get("floor-pid"));
        Map<String, String> auth = new LinkedHashMap<>();
        auth.put("Authorization", "Bearer " + a.get("token"));
        Map<String, String> json = new LinkedHashMap<>(auth);
        json.put("Content-Type", "application/json");

        // a suspended code: the answer carries the whole sanction (basis, decision, dates)
        String single = PATH + "/" + SeedSanctions.code(0) + "?date=" + DATE;
        StringBuilder body = new StringBuilder("{\"date\":\"" + DATE + "\",\"codes\":[");
        for (int i = 0; i < 100; i++) {
            body.append(i == 0 ? "" : ",").append('"').append(SeedSanctions.code(i)).append('"');
        }
        byte[] batch = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);

        OpenModelLoad.Call floor = OpenModelLoad.request(a.get("floor"), Map.of(), null);
        OpenModelLoad.Call singleDirect = OpenModelLoad.request(a.get("direct") + single, auth, null);
        OpenModelLoad.Call singleGateway = OpenModelLoad.request(a.get("gateway") + single, auth, null);
        OpenModelLoad.Call batchDirect = OpenModelLoad.request(a.get("direct") + PATH, json, batch);
        OpenModelLoad.Call batchGateway = OpenModelLoad.request(a.get("gateway") + PATH, json, batch);

        String loadBefore = MachineCpu.loadAverage();
        OpenModelLoad load = new OpenModelLoad();
        System.out.printf("warming up each path for %d s (single and floor at %d req/s, 100 codes at %d req/s) ...%n",
                warmup, rate, batchRate);
        load.run(floor, rate, Duration.ofSeconds(warmup), 200);
        load.run(singleDirect, rate, Duration.ofSeconds(warmup), 200);
        load.run(singleGateway, rate, Duration.ofSeconds(warmup), 200);
        load.run(batchDirect, batchRate, Duration.ofSeconds(warmup), 200);
        load.run(batchGateway, batchRate, Duration.ofSeconds(warmup), 200);

        List<Row> rows = new ArrayList<>();
        rows.add(measure(load, "floor (constant)", floor, rate, 1, seconds, floorPid, -1));
        rows.add(measure(load, "single direct", singleDirect, rate, 1, seconds, servicePid, -1));
        rows.add(measure(load, "single gateway", singleGateway, rate, 1, seconds, servicePid, gatewayPid));
        rows.add(measure(load, "100 codes direct", batchDirect, batchRate, 100, seconds, servicePid, -1));
        rows.add(measure(load, "100 codes gateway", batchGateway, batchRate, 100, seconds, servicePid, gatewayPid));
        String loadAfter = MachineCpu.loadAverage();

        System.out.printf("%nSummary: settlement look-up, open model, %d s per path after %d s warm-up; load average %s before, %s after%n",
                seconds, warmup, loadBefore, loadAfter);
        System.out.printf("%-18s %6s %8s %8s %10s %9s %9s %12s %11s %11s%n", "path", "rate", "sent", "ok", "req/s",
                "p50 ms", "p99 ms", "codes/s", "cpu-svc ms", "cpu-gw ms");
        for (Row r : rows) {
            System.out.printf("%-18s %6d %8d %8d %10.1f %9.3f %9.3f %12.0f %11s %11s%n", r.name, r.rate, r.sent, r.ok,
                    r.throughput(), r.p50, r.p99, r.throughput() * r.codes, cpu(r.cpuService), cpu(r.cpuGateway));
        }
        Row f = rows.get(0);
        System.out.printf("%nTargets (issue 13)%n");
        for (Row r : rows.subList(1, 3)) {
            double t = r.throughput() / f.throughput();
            double p = r.p99 / f.p99;
            System.out.printf("%-18s throughput %.2f x floor (>= 0.8: %s), p99 %.2f x floor (<= 1.5: %s)%n", r.name, t,
                    t >= 0.8 ? "met" : "NOT met", p, p <= 1.5 ? "met" : "NOT met");
        }
        for (Row r : rows.subList(3, 5)) {
            double c = r.throughput() * r.codes;
            System.out.printf("%-18s %.0f codes/s (>= 100,000: %s)%n", r.name, c, c >= 100_000 ? "met" : "NOT met");
        }
        System.exit(0);
    }

    private static String cpu(double ms) {
        return ms < 0 ? "-" : String.format("%.3f", ms);
    }

    private static Row measure(OpenModelLoad load, String name, OpenModelLoad.Call call, int rate, int codes, int seconds,
                               long servicePid, long gatewayPid) throws InterruptedException {
        long svc0 = ProcessCpu.nanos(servicePid);
        long gw0 = gatewayPid < 0 ? 0 : ProcessCpu.nanos(gatewayPid);
        long t0 = System.nanoTime();
        OpenModelLoad.Result r = load.run(call, rate, Duration.ofSeconds(seconds), 200);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double svc = (ProcessCpu.nanos(servicePid) - svc0) / 1e6 / Math.max(1, r.ok());
        double gw = gatewayPid < 0 ? -1 : (ProcessCpu.nanos(gatewayPid) - gw0) / 1e6 / Math.max(1, r.ok());
        Histogram h = r.latencyMicros();
        Row row = new Row(name, rate, codes, r.sent(), r.ok(), Math.max(elapsed, seconds), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, svc, gw);
        System.out.printf("%-18s sent %d ok %d failed %d unexpected %d p50 %.3f p99 %.3f ms%s%n", name, r.sent(), r.ok(),
                r.failed(), r.unexpected(), row.p50, row.p99, r.firstProblem() == null ? "" : " (first problem: " + r.firstProblem() + ")");
        return row;
    }
}
