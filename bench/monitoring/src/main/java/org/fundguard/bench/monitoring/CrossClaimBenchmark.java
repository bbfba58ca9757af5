package org.fundguard.bench.monitoring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Visit;
import org.fundguard.monitoring.engine.BatchScreener;
import org.fundguard.monitoring.engine.Hit;
import org.fundguard.monitoring.engine.InMemoryDeathRegistry;
import org.fundguard.monitoring.engine.QualificationReplica;
import org.fundguard.monitoring.engine.RuleEngine;
import org.fundguard.monitoring.engine.RuleSet;
import org.fundguard.monitoring.knowledge.KnowledgeBase;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Cross-claim rules over {@value #DEFAULT_LINES} fee lines: FundGuard's {@link BatchScreener} (screenSorted and
 * screenAll, one thread) against the same three rules as SQL in a real PostgreSQL 17 (zonky embedded binaries, as
 * devstack runs it), on the same data ({@link CrossClaimData}) loaded with COPY and indexed.
 *
 * <ul>
 * <li>分解住院 (SPLIT_HOSPITALISATION): an inpatient admission (med_type 2*) 0–15 days after a discharge from an earlier
 *     inpatient stay of the same patient at the same institution — one hit per visit.</li>
 * <li>回流药 (TRACE_CODE_REUSED): a fee line carrying a traceability code already used on an earlier line (order: fee
 *     time, mdtrt_id, feedetl_sn) — one hit per line.</li>
 * <li>死亡后费用 (SPENDING_AFTER_DEATH): a visit that begins, or has a fee line, after the patient's registered death
 *     date — one hit per visit.</li>
 * </ul>
 * Timed: FundGuard's whole screening run (it builds its patient history and traceability index inside the run) against
 * the three SQL queries run one after the other with their result rows fetched to this JVM (tables already loaded,
 * indexed, vacuumed and analysed; PostgreSQL may use parallel workers). Each side runs {@code --rounds} times after
 * warm-up; the median is reported. Hit counts per rule must be equal, or the run fails.
 *
 * <p>Arguments: {@code [--lines N] [--rounds N] [--out file]}. Prints a summary and writes key=value results to --out.
 */
public final class CrossClaimBenchmark {

    static final int DEFAULT_LINES = 2_000_000;
    static final long SEED = 20251201L;

    static final String READMISSION_SQL = """
            SELECT v.mdtrt_id FROM visit v
             WHERE v.med_type LIKE '2%'
               AND EXISTS (SELECT 1 FROM visit r
                            WHERE r.psn_no = v.psn_no AND r.fixmedins_code = v.fixmedins_code
                              AND r.med_type LIKE '2%' AND r.endtime IS NOT NULL AND r.mdtrt_id <> v.mdtrt_id
                              AND (r.begntime, r.mdtrt_id) < (v.begntime, v.mdtrt_id)
                              AND r.endtime::date BETWEEN v.begntime::date - 15 AND v.begntime::date)""";

    static final String TRACE_SQL = """
            WITH dup AS (SELECT drug_trac_codg FROM fee_trace GROUP BY drug_trac_codg HAVING count(*) > 1)
            SELECT DISTINCT mdtrt_id, feedetl_sn FROM (
              SELECT f.mdtrt_id, f.feedetl_sn,
                     row_number() OVER (PARTITION BY f.drug_trac_codg
                                        ORDER BY f.fee_ocur_time, f.mdtrt_id, f.feedetl_sn) AS rn
                FROM fee_trace f JOIN dup USING (drug_trac_codg)) t
             WHERE rn > 1""";

    static final String DEATH_SQL = """
            SELECT v.mdtrt_id FROM visit v JOIN death d ON d.psn_no = v.psn_no
             WHERE v.begntime >= d.death_date + 1
                OR EXISTS (SELECT 1 FROM fee_line f
                            WHERE f.mdtrt_id = v.mdtrt_id AND f.fee_ocur_time >= d.death_date + 1)""";

    private CrossClaimBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lines = DEFAULT_LINES;
        int rounds = 5;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lines" -> lines = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }

        long t0 = System.nanoTime();
        CrossClaimData data = CrossClaimData.generate(lines, SEED);
        InMemoryDeathRegistry deaths = new InMemoryDeathRegistry();
        data.deaths.forEach(deaths::put);
        System.out.printf("data: %d claims, %d lines, %d deaths (%.1f s)%n", data.claims.size(), data.lines,
                data.deaths.size(), (System.nanoTime() - t0) / 1e9);

        // ---------------------------------------------------------------- FundGuard
        RuleEngine engine = new RuleEngine(RuleSet.compile("bench",
                EnumSet.of(RuleClass.SPLIT_HOSPITALISATION, RuleClass.TRACE_CODE_REUSED, RuleClass.SPENDING_AFTER_DEATH),
                KnowledgeBase.of(List.of(
                        KnowledgePoint.builder(RuleClass.SPLIT_HOSPITALISATION, "KP-R").medTypes("2").windowDays(15)
                                .build(),
                        KnowledgePoint.builder(RuleClass.TRACE_CODE_REUSED, "KP-T").build(),
                        KnowledgePoint.builder(RuleClass.SPENDING_AFTER_DEATH, "KP-D").build()))));
        BatchScreener screener = new BatchScreener(engine);
        List<Claim> claims = data.claims;
        PerClass fgSorted = new PerClass();
        PerClass fgAll = new PerClass();
        double[] sortedTimes = new double[rounds];
        double[] allTimes = new double[rounds];
        for (int w = 0; w < 3; w++) { // warm-up
            screener.screenSorted(claims::iterator, deaths, QualificationReplica.none(), new PerClass());
            screener.screenAll(claims, deaths, QualificationReplica.none(), new PerClass());
        }
        for (int r = 0; r < rounds; r++) {
            fgSorted.clear();
            long s = System.nanoTime();
            screener.screenSorted(claims::iterator, deaths, QualificationReplica.none(), fgSorted);
            sortedTimes[r] = (System.nanoTime() - s) / 1e9;
            fgAll.clear();
            s = System.nanoTime();
            screener.screenAll(claims, deaths, QualificationReplica.none(), fgAll);
            allTimes[r] = (System.nanoTime() - s) / 1e9;
        }
        if (!fgSorted.counts.equals(fgAll.counts)) {
            throw new IllegalStateException("screenSorted " + fgSorted.counts + " != screenAll " + fgAll.counts);
        }
        System.out.printf("FundGuard screenSorted: median %.3f s %s; screenAll: median %.3f s %s; hits %s%n",
                median(sortedTimes), Arrays.toString(round(sortedTimes)), median(allTimes),
                Arrays.toString(round(allTimes)), fgSorted.counts);

        // ---------------------------------------------------------------- PostgreSQL
        Map<String, Long> sqlCounts = new LinkedHashMap<>();
        double[] sqlTimes = new double[rounds];
        Map<String, double[]> perQuery = new LinkedHashMap<>();
        String pgVersion;
        try (EmbeddedPostgres pg = BenchPostgres.start("fg-bench-pg");
             Connection c = pg.getPostgresDatabase().getConnection()) {
            pgVersion = BenchPostgres.version(c);
            long l0 = System.nanoTime();
            load(c, data);
            System.out.printf("%s: loaded and indexed in %.1f s%n", pgVersion, (System.nanoTime() - l0) / 1e9);
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put(RuleClass.SPLIT_HOSPITALISATION.name(), READMISSION_SQL);
            queries.put(RuleClass.TRACE_CODE_REUSED.name(), TRACE_SQL);
            queries.put(RuleClass.SPENDING_AFTER_DEATH.name(), DEATH_SQL);
            for (String k : queries.keySet()) {
                perQuery.put(k, new double[rounds]);
            }
            for (int w = 0; w < 2; w++) { // warm-up: caches, plans
                for (String q : queries.values()) {
                    BenchPostgres.rows(c, q);
                }
            }
            for (int r = 0; r < rounds; r++) {
                long s = System.nanoTime();
                for (Map.Entry<String, String> q : queries.entrySet()) {
                    long qs = System.nanoTime();
                    sqlCounts.put(q.getKey(), BenchPostgres.rows(c, q.getValue()));
                    perQuery.get(q.getKey())[r] = (System.nanoTime() - qs) / 1e9;
                }
                sqlTimes[r] = (System.nanoTime() - s) / 1e9;
            }
            for (Map.Entry<String, String> q : queries.entrySet()) {
                System.out.printf("plan %s:%n%s", q.getKey(), BenchPostgres.plan(c, q.getValue()));
            }
        }
        StringBuilder per = new StringBuilder();
        perQuery.forEach((k, v) -> per.append(String.format(" %s %.3f s", k, median(v))));
        System.out.printf("PostgreSQL three queries: median %.3f s %s;%s; rows %s%n", median(sqlTimes),
                Arrays.toString(round(sqlTimes)), per, sqlCounts);

        Map<String, Long> fg = new LinkedHashMap<>();
        fgSorted.counts.forEach((k, v) -> fg.put(k.name(), v));
        for (String k : sqlCounts.keySet()) {
            fg.putIfAbsent(k, 0L);
        }
        if (!fg.equals(sqlCounts)) {
            throw new IllegalStateException("hit counts differ: FundGuard " + fg + ", SQL " + sqlCounts);
        }
        System.out.println("hit counts equal: " + sqlCounts);

        if (out != null) {
            StringBuilder b = new StringBuilder();
            b.append("lines=").append(data.lines).append('\n')
                    .append("claims=").append(data.claims.size()).append('\n')
                    .append("fundguard.screenSorted.seconds=").append(median(sortedTimes)).append('\n')
                    .append("fundguard.screenAll.seconds=").append(median(allTimes)).append('\n')
                    .append("sql.seconds=").append(median(sqlTimes)).append('\n')
                    .append("postgres=").append(pgVersion).append('\n')
                    .append("hits=").append(sqlCounts).append('\n');
            Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- loading

    private static void load(Connection c, CrossClaimData data) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    CREATE UNLOGGED TABLE visit (mdtrt_id text COLLATE "C" PRIMARY KEY, psn_no text COLLATE "C" NOT NULL,
                      med_type text COLLATE "C" NOT NULL, fixmedins_code text COLLATE "C" NOT NULL,
                      begntime timestamp NOT NULL, endtime timestamp)""");
            st.execute("""
                    CREATE UNLOGGED TABLE fee_line (mdtrt_id text COLLATE "C" NOT NULL, feedetl_sn text COLLATE "C" NOT NULL,
                      psn_no text COLLATE "C" NOT NULL, fee_ocur_time timestamp NOT NULL, hilist_code text COLLATE "C" NOT NULL,
                      cnt numeric(16,4), pric numeric(16,6), det_item_fee_sumamt numeric(16,2))""");
            st.execute("""
                    CREATE UNLOGGED TABLE fee_trace (mdtrt_id text COLLATE "C" NOT NULL, feedetl_sn text COLLATE "C" NOT NULL,
                      fee_ocur_time timestamp NOT NULL, drug_trac_codg text COLLATE "C" NOT NULL)""");
            st.execute("CREATE UNLOGGED TABLE death (psn_no text COLLATE \"C\" PRIMARY KEY, death_date date NOT NULL)");
        }
        DateTimeFormatter ts = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        // one COPY at a time: a connection carries one COPY in progress
        CopyText visits = new CopyText(c, "COPY visit FROM STDIN");
        for (Claim claim : data.claims) {
            Visit v = claim.visit();
            visits.row(v.mdtrtId(), v.psnNo(), v.medType(), v.fixmedinsCode(), ts.format(v.begntime()),
                    v.endtime() == null ? "\\N" : ts.format(v.endtime()));
        }
        visits.end();
        CopyText lines = new CopyText(c, "COPY fee_line FROM STDIN");
        for (Claim claim : data.claims) {
            for (FeeLine l : claim.feeLines()) {
                lines.row(l.mdtrtId(), l.feedetlSn(), l.psnNo(), ts.format(l.feeOcurTime()), l.hilistCode(),
                        l.cnt().toPlainString(), l.pric().toPlainString(), l.detItemFeeSumamt().toPlainString());
            }
        }
        lines.end();
        CopyText traces = new CopyText(c, "COPY fee_trace FROM STDIN");
        for (Claim claim : data.claims) {
            for (FeeLine l : claim.feeLines()) {
                for (String code : l.drugTracCodg()) {
                    traces.row(l.mdtrtId(), l.feedetlSn(), ts.format(l.feeOcurTime()), code);
                }
            }
        }
        traces.end();
        CopyText deaths = new CopyText(c, "COPY death FROM STDIN");
        for (Map.Entry<String, LocalDate> d : data.deaths.entrySet()) {
            deaths.row(d.getKey(), d.getValue().toString());
        }
        deaths.end();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX visit_psn_inst ON visit (psn_no, fixmedins_code, begntime, mdtrt_id)");
            st.execute("CREATE INDEX fee_line_visit ON fee_line (mdtrt_id, fee_ocur_time)");
            st.execute("CREATE INDEX fee_trace_code ON fee_trace (drug_trac_codg, fee_ocur_time, mdtrt_id, feedetl_sn)");
            st.execute("VACUUM ANALYZE visit");
            st.execute("VACUUM ANALYZE fee_line");
            st.execute("VACUUM ANALYZE fee_trace");
            st.execute("VACUUM ANALYZE death");
        }
    }

    /** Streams rows in COPY text format (values here never contain tabs, newlines or backslashes). */
    private static final class CopyText {
        private final CopyIn copy;
        private final StringBuilder buf = new StringBuilder(1 << 20);

        CopyText(Connection c, String sql) throws SQLException {
            this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }

        void row(String... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buf.append('\t');
                }
                buf.append(values[i]);
            }
            buf.append('\n');
            if (buf.length() > (1 << 20) - 512) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] b = buf.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            buf.setLength(0);
        }

        void end() throws SQLException {
            flush();
            copy.endCopy();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Hits counted per rule class. */
    private static final class PerClass implements BatchScreener.Sink {
        final Map<RuleClass, Long> counts = new EnumMap<>(RuleClass.class);

        @Override
        public void accept(Visit visit, Hit hit) {
            counts.merge(hit.ruleClass(), 1L, Long::sum);
        }

        void clear() {
            counts.clear();
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 1000) / 1000.0;
        }
        return r;
    }
}
