package org.fundguard.monitoring.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.engine.BarPeriod;

/**
 * Command line for demo data and benchmarks:
 * {@code GeneratorMain --seed 42 --patients 100000 --out target/demo --format jsonl|csv [--lines N] [--violation-rate 0.05]}.
 * Writes the claims ({@code claims.jsonl} or the three warehouse CSVs), {@code manifest.csv} (expected hits),
 * {@code deaths.csv} and {@code barred.csv} (the external data the screen needs) and prints lines per second.
 */
public final class GeneratorMain {

    private GeneratorMain() {
    }

    public static void main(String[] args) throws IOException {
        long seed = 42;
        long patients = 10_000;
        long maxLines = 0;
        double rate = 0.05;
        Path out = Path.of("generated");
        String format = "jsonl";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--seed" -> seed = Long.parseLong(v);
                case "--patients" -> patients = Long.parseLong(v);
                case "--lines" -> maxLines = Long.parseLong(v);
                case "--violation-rate" -> rate = Double.parseDouble(v);
                case "--out" -> out = Path.of(v);
                case "--format" -> format = v.toLowerCase(Locale.ROOT);
                default -> {
                    System.err.println("unknown option " + a + "\nusage: GeneratorMain --seed N --patients N --out DIR"
                            + " --format jsonl|csv [--lines N] [--violation-rate R]");
                    System.exit(2);
                    return;
                }
            }
            i++;
        }
        GeneratorConfig config = GeneratorConfig.of(seed, patients).withMaxLines(maxLines).withViolationRate(rate);
        long started = System.nanoTime();
        ClaimGenerator gen = generate(config, out, format);
        double secs = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%d patients, %d visits, %d fee lines, %d injected violations in %.1f s"
                        + " (%.0f lines/s) -> %s%n", gen.patientsGenerated(), gen.visitsGenerated(),
                gen.linesGenerated(), gen.manifest().hits().size(), secs, gen.linesGenerated() / secs,
                out.toAbsolutePath());
    }

    /** Generates into {@code dir} in the given format ("jsonl" or "csv") and returns the finished generator. */
    public static ClaimGenerator generate(GeneratorConfig config, Path dir, String format) throws IOException {
        Files.createDirectories(dir);
        ClaimGenerator gen = new ClaimGenerator(config);
        if (format.equals("csv")) {
            try (WarehouseCsvWriter w = new WarehouseCsvWriter(dir)) {
                while (gen.hasNext()) {
                    w.write(gen.next());
                }
            }
        } else if (format.equals("jsonl")) {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(dir.resolve("claims.jsonl")),
                    1 << 16); JsonLinesWriter w = new JsonLinesWriter(os)) {
                while (gen.hasNext()) {
                    Claim c = gen.next();
                    w.write(c);
                }
            }
        } else {
            throw new IllegalArgumentException("format must be jsonl or csv: " + format);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("manifest.csv"), StandardCharsets.UTF_8)) {
            gen.manifest().writeCsv(w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("deaths.csv"), StandardCharsets.UTF_8)) {
            w.write("psn_no,death_date\n");
            for (ClaimGenerator.Death d : gen.deathEntries()) {
                w.write(d.psnNo() + "," + d.deathDate() + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("barred.csv"), StandardCharsets.UTF_8)) {
            w.write("practitioner_code,status,from,to,decision_no\n");
            for (BarPeriod b : gen.barPeriods()) {
                w.write(b.practitionerCode() + "," + b.status() + "," + b.from() + ","
                        + (b.to() == null ? "" : b.to()) + "," + b.decisionNo() + "\n");
            }
        }
        return gen;
    }
}
