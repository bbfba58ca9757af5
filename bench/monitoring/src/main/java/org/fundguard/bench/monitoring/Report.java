package org.fundguard.bench.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Prints the one results table of {@code run.sh} from the JMH JSON of {@link PerLineRulesBenchmark} and the results
 * files of {@link CrossClaimBenchmark} and {@link EndToEndBenchmark}: benchmark | FundGuard | peer | ratio | target |
 * met?.
 *
 * <p>Arguments: {@code <perline.json> <crossclaim.properties> <endtoend.properties> [load text]}; a missing file
 * leaves its rows out.
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        Path jmh = Path.of(args[0]);
        if (Files.isRegularFile(jmh)) {
            JsonNode results = new ObjectMapper().readTree(jmh.toFile());
            double fg = score(results, "fundguard");
            double perClaim = score(results, "droolsPerClaim");
            double batched = score(results, "droolsBatched");
            rows.add(perLine("per-line rules, 1M lines in memory, 1 thread: Drools execute per claim", fg, perClaim));
            rows.add(perLine("per-line rules, 1M lines in memory, 1 thread: Drools execute per 10k lines", fg, batched));
        }
        Path cc = Path.of(args[1]);
        if (Files.isRegularFile(cc)) {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(cc)));
            double sql = Double.parseDouble(p.getProperty("sql.seconds"));
            long lines = Long.parseLong(p.getProperty("lines"));
            for (String mode : new String[] {"screenSorted", "screenAll"}) {
                double fg = Double.parseDouble(p.getProperty("fundguard." + mode + ".seconds"));
                rows.add(new String[] {String.format(Locale.ROOT,
                        "cross-claim rules (readmission, trace code, after death), %,d lines: BatchScreener.%s vs %s",
                        lines, mode, p.getProperty("postgres")),
                        String.format(Locale.ROOT, "%.3f s", fg), String.format(Locale.ROOT, "%.3f s", sql),
                        String.format(Locale.ROOT, "%.2f× (SQL time / FundGuard time)", sql / fg),
                        "FundGuard time ≤ SQL time", fg <= sql ? "yes" : "NO"});
            }
        }
        Path e2e = Path.of(args[2]);
        if (Files.isRegularFile(e2e)) {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(e2e)));
            long lines = Long.parseLong(p.getProperty("lines"));
            double copy = lines / Double.parseDouble(p.getProperty("sql.copy.seconds"));
            double rules = lines / Double.parseDouble(p.getProperty("sql.rules.seconds"));
            for (String[] dialect : new String[][] {{"jsonl", "JSON lines"}, {"csv", "warehouse CSV"}}) {
                double fg = lines / Double.parseDouble(p.getProperty("fundguard." + dialect[0] + ".seconds"));
                rows.add(new String[] {String.format(Locale.ROOT,
                        "end-to-end screening, %,d lines from %s files to hits, %s rule classes, 1 thread",
                        lines, dialect[1],
                        p.getProperty("ruleClasses")),
                        String.format(Locale.ROOT, "%,.0f lines/s", fg),
                        String.format(Locale.ROOT, "%s COPY of the warehouse CSVs only %,.0f lines/s (COPY + 3 SQL rules %,.0f lines/s)",
                                p.getProperty("postgres"), copy, rules),
                        String.format(Locale.ROOT, "%.2f× COPY only, %.2f× COPY + 3 rules", fg / copy, fg / rules),
                        "≥ 250,000 lines/s", fg >= 250_000 ? "yes" : "NO"});
            }
        }
        String[] head = {"benchmark", "FundGuard", "peer", "ratio", "target", "met?"};
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            w[i] = head[i].length();
            for (String[] r : rows) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        System.out.println(line(head, w));
        StringBuilder sep = new StringBuilder("|");
        for (int x : w) {
            sep.append('-').append("-".repeat(x)).append("-|");
        }
        System.out.println(sep);
        for (String[] r : rows) {
            System.out.println(line(r, w));
        }
        if (args.length > 3) {
            System.out.println();
            System.out.println("load: " + args[3].trim());
        }
    }

    private static String[] perLine(String name, double fg, double peer) {
        double ratio = fg / peer;
        boolean met = fg >= 2_000_000 && ratio >= 10;
        return new String[] {name, String.format(Locale.ROOT, "%,.0f lines/s", fg),
                String.format(Locale.ROOT, "%,.0f lines/s", peer), String.format(Locale.ROOT, "%.1f×", ratio),
                "≥ 2,000,000 lines/s and ≥ 10×", met ? "yes" : "NO"};
    }

    private static double score(JsonNode results, String method) {
        for (JsonNode r : results) {
            if (r.get("benchmark").asText().endsWith("." + method)) {
                return r.get("primaryMetric").get("score").asDouble();
            }
        }
        return Double.NaN;
    }

    private static String line(String[] cells, int[] w) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            b.append(' ').append(cells[i]).append(" ".repeat(w[i] - cells[i].length())).append(" |");
        }
        return b.toString();
    }
}
