package org.fundguard.bench.monitoring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.engine.BarPeriod;
import org.fundguard.monitoring.engine.BatchScreener;
import org.fundguard.monitoring.engine.Hit;
import org.fundguard.monitoring.engine.InMemoryDeathRegistry;
import org.fundguard.monitoring.engine.InMemoryQualificationReplica;
import org.fundguard.monitoring.engine.RuleEngine;
import org.fundguard.monitoring.engine.RuleSet;
import org.fundguard.monitoring.generator.ClaimGenerator;
import org.fundguard.monitoring.generator.ExpectedHit;
import org.fundguard.monitoring.generator.GeneratorConfig;
import org.fundguard.monitoring.generator.GeneratorMain;
import org.fundguard.monitoring.ingest.ClaimStream;
import org.fundguard.monitoring.ingest.IngestOptions;
import org.fundguard.monitoring.ingest.IngestReport;
import org.fundguard.monitoring.ingest.JsonLinesIngest;
import org.fundguard.monitoring.ingest.WarehouseCsvIngest;
import org.fundguard.monitoring.ingest.WarehouseFiles;
import org.fundguard.monitoring.knowledge.KnowledgeBase;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Batch screening end to end — national-format files on disk to hits — over about {@value #DEFAULT_LINES} fee lines
 * from the project's seeded generator ({@link GeneratorMain}, demo knowledge, every implemented rule class injected),
 * written once in both dialects (JSON lines, and the warehouse CSVs {@code mdtrt_d}/{@code setl_d}/{@code fee_list_d})
 * with {@code deaths.csv}, {@code barred.csv} and {@code manifest.csv}; generation is not timed and is kept in
 * {@code --data} for later runs.
 *
 * <p>Timed, FundGuard, one thread: read {@code deaths.csv} and {@code barred.csv} into the death registry and the
 * qualification replica, then {@link BatchScreener#screenSorted} over {@link JsonLinesIngest} or
 * {@link WarehouseCsvIngest} ({@code SORTED}: the generator writes in {@code mdtrt_id} order, which is patient and
 * visit order) with {@link RuleSet#allImplemented} over the demo knowledge (compiled before timing, as a running
 * service holds it). The screener reads the files once (trace-code hits are decided after the last visit). The hits
 * must equal {@code manifest.csv} row for row, or the run fails.
 *
 * <p>Timed, the peer: the same warehouse CSVs and {@code deaths.csv}/{@code barred.csv} streamed from disk into a
 * PostgreSQL 17 ({@link BenchPostgres}) with {@code COPY … FROM STDIN (FORMAT csv, HEADER)} into typed unlogged
 * tables — what any SQL-based screening must do before its first rule — and, continuing the same clock, indexing,
 * the trace-code table, {@code VACUUM ANALYZE} and the three cross-claim queries of {@link CrossClaimBenchmark}
 * (trace code and death unchanged, over views with its column names; readmission with the demo knowledge's exemptions
 * and regional window, {@link #READMISSION_SQL}), rows fetched; their row counts must equal FundGuard's hits of the
 * same three rule classes.
 *
 * <p>Also reported, untimed against any target: ingest alone (one pass, no screening) per dialect, to show where the
 * time goes. Each measurement runs once for warm-up and then {@code --rounds} times; the median is reported.
 *
 * <p>Arguments: {@code [--lines N] [--rounds N] [--data dir] [--out file]}.
 */
public final class EndToEndBenchmark {

    static final int DEFAULT_LINES = 2_000_000;
    static final long SEED = 20251201L;

    private static final IngestOptions JSONL_OPTIONS = IngestOptions.defaults();
    private static final IngestOptions CSV_OPTIONS =
            IngestOptions.defaults().withWarehouseOrder(IngestOptions.WarehouseOrder.SORTED);

    private static final String[] TABLES = {"mdtrt_d", "setl_d", "fee_list_d", "death", "barred"};

    private static final String[] CREATE = {
        """
        CREATE UNLOGGED TABLE mdtrt_d (mdtrt_id text COLLATE "C", psn_no text COLLATE "C", gend text, brdy date,
          insutype text, fixmedins_code text COLLATE "C", hosp_lv text, med_type text COLLATE "C", begntime timestamp,
          endtime timestamp, fix_blng_admdvs text, insu_admdvs text, dscg_maindiag_code text, dscg_maindiag_name text,
          vali_flag text)""",
        """
        CREATE UNLOGGED TABLE setl_d (setl_id text COLLATE "C", mdtrt_id text COLLATE "C", psn_no text COLLATE "C",
          setl_time timestamp, insutype text, med_type text, medfee_sumamt numeric(16,2),
          fulamt_ownpay_amt numeric(16,2), inscp_amt numeric(16,2), hifp_pay numeric(16,2),
          fund_pay_sumamt numeric(16,2), acct_pay numeric(16,2), cash_payamt numeric(16,2), refd_setl_flag text,
          mid_setl_flag text, vali_flag text)""",
        """
        CREATE UNLOGGED TABLE fee_list_d (bkkp_sn text COLLATE "C", setl_id text COLLATE "C", mdtrt_id text COLLATE "C",
          psn_no text COLLATE "C", fee_ocur_time timestamp, hilist_code text COLLATE "C", hilist_name text,
          list_type text, med_chrgitm_type text, cnt numeric(16,4), pric numeric(16,6),
          det_item_fee_sumamt numeric(16,2), prd_days numeric(8,2), bilg_dr_code text COLLATE "C",
          bilg_dept_codg text, drug_trac_codg text COLLATE "C", init_feedetl_sn text COLLATE "C",
          dscg_tkdrug_flag text, hosp_appr_flag text, exp_content text, vali_flag text)""",
        "CREATE UNLOGGED TABLE death (psn_no text COLLATE \"C\", death_date date)",
        """
        CREATE UNLOGGED TABLE barred (practitioner_code text COLLATE "C", status text, valid_from date, valid_to date,
          decision_no text)"""};

    // CrossClaimBenchmark's queries read visit, fee_line, fee_trace and death: views over the warehouse tables, and
    // one row per line and traceability code (drug_trac_codg holds a comma-separated list)
    private static final String[] PREPARE_RULES = {
        "CREATE INDEX mdtrt_psn_inst ON mdtrt_d (psn_no, fixmedins_code, begntime, mdtrt_id)",
        "CREATE INDEX fee_list_visit ON fee_list_d (mdtrt_id, fee_ocur_time)",
        """
        CREATE UNLOGGED TABLE fee_trace AS
          SELECT mdtrt_id, bkkp_sn AS feedetl_sn, fee_ocur_time,
                 unnest(string_to_array(drug_trac_codg, ',')) AS drug_trac_codg
            FROM fee_list_d WHERE drug_trac_codg IS NOT NULL AND drug_trac_codg <> ''""",
        "CREATE INDEX fee_trace_code ON fee_trace (drug_trac_codg, fee_ocur_time, mdtrt_id, feedetl_sn)",
        "CREATE INDEX death_psn ON death (psn_no)",
        """
        CREATE VIEW visit AS SELECT mdtrt_id, psn_no, med_type, fixmedins_code, begntime, endtime FROM mdtrt_d
         WHERE vali_flag IS DISTINCT FROM '0'""",
        """
        CREATE VIEW fee_line AS SELECT mdtrt_id, bkkp_sn AS feedetl_sn, psn_no, fee_ocur_time, hilist_code, cnt, pric,
          det_item_fee_sumamt FROM fee_list_d WHERE vali_flag IS DISTINCT FROM '0'""",
        "VACUUM ANALYZE mdtrt_d",
        "VACUUM ANALYZE setl_d",
        "VACUUM ANALYZE fee_list_d",
        "VACUUM ANALYZE fee_trace",
        "VACUUM ANALYZE death"};

    /**
     * {@link CrossClaimBenchmark#READMISSION_SQL} with the demo knowledge's parameters (KP-G049-0001): no hit when the
     * readmission's diagnosis is Z51.0/Z51.1/Z51.8 (radiotherapy, chemotherapy, other planned care), and a 30-day
     * window in 淮北 (340600) from 2025 instead of 15.
     */
    static final String READMISSION_SQL = """
            SELECT v.mdtrt_id FROM mdtrt_d v
             WHERE v.med_type LIKE '2%' AND v.vali_flag IS DISTINCT FROM '0'
               AND coalesce(v.dscg_maindiag_code, '') NOT LIKE 'Z51.0%'
               AND coalesce(v.dscg_maindiag_code, '') NOT LIKE 'Z51.1%'
               AND coalesce(v.dscg_maindiag_code, '') NOT LIKE 'Z51.8%'
               AND EXISTS (SELECT 1 FROM mdtrt_d r
                            WHERE r.psn_no = v.psn_no AND r.fixmedins_code = v.fixmedins_code
                              AND r.med_type LIKE '2%' AND r.endtime IS NOT NULL AND r.mdtrt_id <> v.mdtrt_id
                              AND r.vali_flag IS DISTINCT FROM '0'
                              AND (r.begntime, r.mdtrt_id) < (v.begntime, v.mdtrt_id)
                              AND r.endtime::date BETWEEN v.begntime::date
                                  - CASE WHEN v.fix_blng_admdvs LIKE '3406%' AND v.begntime >= '2025-01-01'
                                         THEN 30 ELSE 15 END
                                  AND v.begntime::date)""";

    private static final Map<RuleClass, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put(RuleClass.SPLIT_HOSPITALISATION, READMISSION_SQL);
        RULES.put(RuleClass.TRACE_CODE_REUSED, CrossClaimBenchmark.TRACE_SQL);
        RULES.put(RuleClass.SPENDING_AFTER_DEATH, CrossClaimBenchmark.DEATH_SQL);
    }

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long lines = DEFAULT_LINES;
        int rounds = 5;
        Path data = Path.of("target", "endtoend-data");
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lines" -> lines = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }

        // ---------------------------------------------------------------- data (not timed)
        GeneratorConfig config = GeneratorConfig.of(SEED, lines).withMaxLines(lines);
        Path dir = data.resolve("seed" + SEED + "-lines" + lines);
        Path jsonDir = dir.resolve("jsonl");
        Path csvDir = dir.resolve("csv");
        generateOnce(config, dir, jsonDir, csvDir);
        List<String> expected = sortedRows(jsonDir.resolve("manifest.csv"));
        if (!expected.equals(sortedRows(csvDir.resolve("manifest.csv")))) {
            throw new IllegalStateException("the two dialects' manifests differ");
        }
        long jsonBytes = Files.size(jsonDir.resolve("claims.jsonl"));
        long csvBytes = 0;
        for (String f : new String[] {"mdtrt_d.csv", "setl_d.csv", "fee_list_d.csv"}) {
            csvBytes += Files.size(csvDir.resolve(f));
        }

        KnowledgeBase knowledge = ClaimGenerator.demoKnowledge();
        RuleSet ruleSet = RuleSet.allImplemented("demo", knowledge);
        BatchScreener screener = new BatchScreener(new RuleEngine(ruleSet));
        System.out.printf(Locale.ROOT, "rule set: %d knowledge points, %d rule classes enabled; expected hits %d;"
                        + " claims.jsonl %.0f MB, warehouse CSVs %.0f MB; %d cores available, screening on 1 thread%n",
                knowledge.points().size(), ruleSet.enabled().size(), expected.size(), jsonBytes / 1e6,
                csvBytes / 1e6, Runtime.getRuntime().availableProcessors());

        // ---------------------------------------------------------------- FundGuard
        Dialect json = new Dialect("JSON lines", jsonDir, rounds, () -> new JsonLinesIngest(JSONL_OPTIONS)
                .stream(new BufferedInputStream(open(jsonDir.resolve("claims.jsonl")), 1 << 16), "claims.jsonl"));
        Dialect csv = new Dialect("warehouse CSV", csvDir, rounds,
                () -> new WarehouseCsvIngest(CSV_OPTIONS).stream(WarehouseFiles.in(csvDir)));
        long screenedLines = 0;
        long rowsRead = 0;
        Map<RuleClass, Long> perClass = null;
        for (int r = -1; r < rounds; r++) { // round -1 warms up
            for (Dialect d : new Dialect[] {json, csv}) {
                Screened s = screen(screener, d);
                if (!s.rows.equals(expected)) {
                    throw new IllegalStateException(d.name + ": " + s.rows.size() + " hits, manifest.csv has "
                            + expected.size() + " (or the same number, different hits)");
                }
                screenedLines = s.lines;
                if (r >= 0) {
                    d.screenSeconds[r] = s.seconds;
                }
                perClass = s.perClass;
                long t = System.nanoTime();
                IngestReport ingest = ingestOnly(d);
                if (r >= 0) {
                    d.ingestSeconds[r] = (System.nanoTime() - t) / 1e9;
                }
                if (ingest.feeLines() != s.lines) {
                    throw new IllegalStateException(d.name + ": ingest alone gave " + ingest.feeLines() + " lines");
                }
                if (d == csv) {
                    rowsRead = ingest.rowsRead();
                }
            }
            if (r >= 0) {
                System.out.printf(Locale.ROOT, "round %d: end to end JSON lines %.2f s, warehouse CSV %.2f s;"
                                + " ingest alone %.2f s, %.2f s%n", r + 1, json.screenSeconds[r], csv.screenSeconds[r],
                        json.ingestSeconds[r], csv.ingestSeconds[r]);
            }
        }
        for (Dialect d : new Dialect[] {json, csv}) {
            System.out.printf(Locale.ROOT, "FundGuard %s: %,d lines screened in median %.3f s %s = %,.0f lines/s;"
                            + " ingest alone %.3f s = %,.0f lines/s%n", d.name, screenedLines,
                    CrossClaimBenchmark.median(d.screenSeconds), Arrays.toString(round(d.screenSeconds)),
                    screenedLines / CrossClaimBenchmark.median(d.screenSeconds),
                    CrossClaimBenchmark.median(d.ingestSeconds), screenedLines / CrossClaimBenchmark.median(d.ingestSeconds));
        }
        System.out.println("hits equal manifest.csv (" + expected.size() + "), per rule class: " + perClass);

        // ---------------------------------------------------------------- PostgreSQL
        double[] copySeconds = new double[rounds];
        double[] rulesSeconds = new double[rounds];
        Map<RuleClass, Long> sqlCounts = new EnumMap<>(RuleClass.class);
        String pgVersion;
        long copiedRows = 0;
        try (EmbeddedPostgres pg = BenchPostgres.start("fg-bench-e2e");
             Connection c = pg.getPostgresDatabase().getConnection()) {
            pgVersion = BenchPostgres.version(c);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (int r = -1; r < rounds; r++) {
                BenchPostgres.execute(c, "DROP VIEW IF EXISTS visit, fee_line",
                        "DROP TABLE IF EXISTS fee_trace, " + String.join(", ", TABLES), "CHECKPOINT");
                BenchPostgres.execute(c, CREATE);
                long t = System.nanoTime();
                long copied = 0;
                copied += copy(copy, "mdtrt_d", csvDir.resolve("mdtrt_d.csv"));
                copied += copy(copy, "setl_d", csvDir.resolve("setl_d.csv"));
                copied += copy(copy, "fee_list_d", csvDir.resolve("fee_list_d.csv"));
                long loaded = copied;
                copied += copy(copy, "death", csvDir.resolve("deaths.csv"));
                copied += copy(copy, "barred (practitioner_code, status, valid_from, valid_to, decision_no)",
                        csvDir.resolve("barred.csv"));
                double copyTime = (System.nanoTime() - t) / 1e9;
                BenchPostgres.execute(c, PREPARE_RULES);
                for (Map.Entry<RuleClass, String> q : RULES.entrySet()) {
                    sqlCounts.put(q.getKey(), BenchPostgres.rows(c, q.getValue()));
                }
                double rulesTime = (System.nanoTime() - t) / 1e9;
                if (loaded != rowsRead) {
                    throw new IllegalStateException("COPY loaded " + loaded + " warehouse rows, the ingest read "
                            + rowsRead);
                }
                copiedRows = copied;
                if (r >= 0) {
                    copySeconds[r] = copyTime;
                    rulesSeconds[r] = rulesTime;
                }
                System.out.printf(Locale.ROOT, "%s: COPY %.2f s, COPY + index + analyse + 3 rules %.2f s%n",
                        r < 0 ? "warm-up" : "round " + (r + 1), copyTime, rulesTime);
            }
            for (Map.Entry<RuleClass, String> q : RULES.entrySet()) {
                System.out.printf("plan %s:%n%s", q.getKey(), BenchPostgres.plan(c, q.getValue()));
            }
        }
        System.out.printf(Locale.ROOT, "%s: COPY of %,d rows (%,d fee lines) median %.3f s %s = %,.0f lines/s;"
                        + " with the 3 SQL rules median %.3f s %s = %,.0f lines/s%n", pgVersion, copiedRows,
                screenedLines, CrossClaimBenchmark.median(copySeconds), Arrays.toString(round(copySeconds)),
                screenedLines / CrossClaimBenchmark.median(copySeconds), CrossClaimBenchmark.median(rulesSeconds),
                Arrays.toString(round(rulesSeconds)), screenedLines / CrossClaimBenchmark.median(rulesSeconds));
        Map<RuleClass, Long> fgSame = new EnumMap<>(RuleClass.class);
        for (RuleClass rc : RULES.keySet()) {
            fgSame.put(rc, perClass.getOrDefault(rc, 0L));
        }
        if (!fgSame.equals(sqlCounts)) {
            throw new IllegalStateException("SQL rows per rule " + sqlCounts + " != FundGuard hits " + fgSame);
        }
        System.out.println("SQL rows per rule equal FundGuard's hits of the same classes: " + sqlCounts);

        if (out != null) {
            StringBuilder b = new StringBuilder();
            b.append("lines=").append(screenedLines).append('\n')
                    .append("hits=").append(expected.size()).append('\n')
                    .append("ruleClasses=").append(ruleSet.enabled().size()).append('\n')
                    .append("knowledgePoints=").append(knowledge.points().size()).append('\n')
                    .append("fundguard.jsonl.seconds=").append(CrossClaimBenchmark.median(json.screenSeconds))
                    .append('\n')
                    .append("fundguard.csv.seconds=").append(CrossClaimBenchmark.median(csv.screenSeconds))
                    .append('\n')
                    .append("ingest.jsonl.seconds=").append(CrossClaimBenchmark.median(json.ingestSeconds))
                    .append('\n')
                    .append("ingest.csv.seconds=").append(CrossClaimBenchmark.median(csv.ingestSeconds))
                    .append('\n')
                    .append("sql.copy.seconds=").append(CrossClaimBenchmark.median(copySeconds)).append('\n')
                    .append("sql.rules.seconds=").append(CrossClaimBenchmark.median(rulesSeconds)).append('\n')
                    .append("postgres=").append(pgVersion).append('\n');
            Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- data

    /** Writes both dialects from the same seed, side by side (one generator per thread), unless already there. */
    private static void generateOnce(GeneratorConfig config, Path dir, Path jsonDir, Path csvDir) throws Exception {
        Path done = dir.resolve("complete");
        if (Files.exists(done)) {
            System.out.println("data: reusing " + dir.toAbsolutePath());
            return;
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ClaimGenerator> j = pool.submit(() -> GeneratorMain.generate(config, jsonDir, "jsonl"));
            Future<ClaimGenerator> c = pool.submit(() -> GeneratorMain.generate(config, csvDir, "csv"));
            ClaimGenerator g = j.get();
            c.get();
            Files.writeString(done, "lines=" + g.linesGenerated() + "\nvisits=" + g.visitsGenerated() + "\n");
            System.out.printf(Locale.ROOT, "data: %d patients, %d visits, %,d fee lines, %d injected violations,"
                            + " both dialects, in %.1f s -> %s%n", g.patientsGenerated(), g.visitsGenerated(),
                    g.linesGenerated(), g.manifest().hits().size(), (System.nanoTime() - t0) / 1e9,
                    dir.toAbsolutePath());
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> sortedRows(Path csv) throws IOException {
        List<String> rows = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
        rows.remove(0);
        rows.sort(null);
        return rows;
    }

    // ---------------------------------------------------------------- FundGuard

    /** One dialect's files and how to open one pass over them. */
    private static final class Dialect {
        final String name;
        final Path dir;
        final Opener opener;
        final double[] screenSeconds;
        final double[] ingestSeconds;

        Dialect(String name, Path dir, int rounds, Opener opener) {
            this.name = name;
            this.dir = dir;
            this.opener = opener;
            this.screenSeconds = new double[rounds];
            this.ingestSeconds = new double[rounds];
        }
    }

    @FunctionalInterface
    private interface Opener {
        ClaimStream open() throws IOException;
    }

    private record Screened(double seconds, long lines, List<String> rows, Map<RuleClass, Long> perClass) {
    }

    /** The timed end-to-end run: external data and claims from disk, every rule class, hits collected. */
    private static Screened screen(BatchScreener screener, Dialect d) throws IOException {
        List<Hit> hits = new ArrayList<>();
        List<ClaimStream> passes = new ArrayList<>();
        long t = System.nanoTime();
        InMemoryDeathRegistry deaths = readDeaths(d.dir.resolve("deaths.csv"));
        InMemoryQualificationReplica barred = readBarred(d.dir.resolve("barred.csv"));
        Supplier<Iterator<Claim>> source = () -> {
            try {
                ClaimStream s = d.opener.open();
                passes.add(s);
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        BatchScreener.Summary summary;
        try {
            summary = screener.screenSorted(source, deaths, barred, (v, h) -> hits.add(h));
        } finally {
            for (ClaimStream s : passes) {
                s.close();
            }
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        for (ClaimStream s : passes) {
            IngestReport r = s.report();
            if (!r.complete() || r.errorCount() > 0 || r.feeLines() != summary.lines()) {
                throw new IllegalStateException(d.name + ": ingest " + r.feeLines() + " lines, errors "
                        + r.errors() + r.fileErrors() + "; screened " + summary.lines());
            }
        }
        List<String> rows = new ArrayList<>(hits.size());
        Map<RuleClass, Long> perClass = new EnumMap<>(RuleClass.class);
        for (Hit h : hits) {
            rows.add(ExpectedHit.of(h).toCsvRow());
            perClass.merge(h.ruleClass(), 1L, Long::sum);
        }
        rows.sort(null);
        return new Screened(seconds, summary.lines(), rows, perClass);
    }

    /** One pass of the ingest alone, visits dropped. */
    private static IngestReport ingestOnly(Dialect d) throws IOException {
        try (ClaimStream s = d.opener.open()) {
            while (s.hasNext()) {
                s.next();
            }
            return s.report();
        }
    }

    private static InMemoryDeathRegistry readDeaths(Path file) throws IOException {
        InMemoryDeathRegistry deaths = new InMemoryDeathRegistry();
        for (String[] row : csvRows(file)) {
            deaths.put(row[0], LocalDate.parse(row[1]));
        }
        return deaths;
    }

    private static InMemoryQualificationReplica readBarred(Path file) throws IOException {
        InMemoryQualificationReplica barred = new InMemoryQualificationReplica();
        for (String[] row : csvRows(file)) {
            barred.add(new BarPeriod(row[0], BarPeriod.Status.valueOf(row[1]), LocalDate.parse(row[2]),
                    row[3].isEmpty() ? null : LocalDate.parse(row[3]), row[4].isEmpty() ? null : row[4]));
        }
        return barred;
    }

    /** The generator's small side files: a header, then plain comma-separated values (no quoting). */
    private static List<String[]> csvRows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split(",", -1));
                }
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- PostgreSQL

    /** Streams one CSV file from disk to the server, as {@code psql \copy} does; returns the rows copied. */
    private static long copy(CopyManager copy, String table, Path file) throws SQLException, IOException {
        try (InputStream in = open(file)) {
            return copy.copyIn("COPY " + table + " FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
        }
    }

    private static InputStream open(Path file) throws IOException {
        return Files.newInputStream(file);
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 1000) / 1000.0;
        }
        return r;
    }
}
