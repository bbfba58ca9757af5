package org.fundguard.bench.credit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.fundguard.qualification.credit.CreditCatalogue;
import org.fundguard.qualification.credit.CreditCatalogues;
import org.fundguard.qualification.credit.CreditEvaluator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The yearly credit evaluation of N institutions (default 10,000) × the 58 indicators of the shipped default catalogue:
 * qualification-service's {@link CreditEvaluator#evaluate} in memory beside the same computation (unrepaired points per
 * indicator capped at its maximum, the scale minus the sum, the grade by cut-off, serious dishonesty forcing the worst
 * grade) as one SQL query in a real PostgreSQL 17, on the same generated data, in the same run; rounds alternate, the
 * median of each side is reported, and the results (score and grade of every institution) are compared.
 */
public final class CreditEvaluationBenchmark {

    public static void main(String[] args) throws Exception {
        int institutions = 10_000;
        int rounds = 5;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--institutions" -> institutions = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        CreditCatalogue catalogue = CreditCatalogues.loadDefault().inForce("341100", LocalDate.of(2026, 12, 31));
        List<CreditCatalogue.Indicator> indicators = catalogue.indicators();

        // the data: per institution 0–60 deductions (mean 30) on random indicators, 1–25 points, 20 % repaired, 0.5 % serious
        Random random = new Random(seed);
        List<List<CreditEvaluator.Deduction>> data = new ArrayList<>(institutions);
        StringBuilder copy = new StringBuilder();
        long rows = 0;
        for (int inst = 0; inst < institutions; inst++) {
            int n = random.nextInt(61);
            List<CreditEvaluator.Deduction> ds = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                int idx = random.nextInt(indicators.size());
                int points = 1 + random.nextInt(25);
                boolean repaired = random.nextInt(5) == 0;
                boolean serious = random.nextInt(200) == 0;
                ds.add(new CreditEvaluator.Deduction(indicators.get(idx).code(), points, repaired, serious));
                copy.append(inst).append('\t').append(idx).append('\t').append(points).append('\t')
                        .append(repaired ? 't' : 'f').append('\t').append(serious ? 't' : 'f').append('\n');
                rows++;
            }
            data.add(ds);
        }
        System.out.printf("data: %,d institutions × %d indicators (catalogue %s), %,d deductions%n", institutions,
                indicators.size(), catalogue.id(), rows);

        Path work = Files.createTempDirectory("fundguard-bench-credit");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(work.toFile())
                .setDataDirectory(work.resolve("data"))
                .setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "64MB")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
             Connection c = pg.getPostgresDatabase().getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE indicator (idx int PRIMARY KEY, code text NOT NULL, max_deduction int NOT NULL)");
                st.execute("CREATE TABLE grade_cut (grade text PRIMARY KEY, min_score int NOT NULL)");
                st.execute("CREATE TABLE institution (id int PRIMARY KEY)");
                st.execute("CREATE TABLE deduction (inst int NOT NULL, indicator_idx int NOT NULL, points int NOT NULL,"
                        + " repaired boolean NOT NULL, serious boolean NOT NULL)");
                for (int i = 0; i < indicators.size(); i++) {
                    st.execute("INSERT INTO indicator VALUES (" + i + ", '" + indicators.get(i).code() + "', "
                            + indicators.get(i).maxDeduction() + ")");
                }
                for (CreditCatalogue.GradeCut g : catalogue.grades()) {
                    st.execute("INSERT INTO grade_cut VALUES ('" + g.grade() + "', " + g.minScore() + ")");
                }
                st.execute("INSERT INTO institution SELECT g FROM generate_series(0, " + (institutions - 1) + ") g");
            }
            CopyManager cm = ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI();
            cm.copyIn("COPY deduction FROM STDIN", new StringReader(copy.toString()));
            try (Statement st = c.createStatement()) {
                st.execute("CREATE INDEX deduction_inst ON deduction (inst, indicator_idx)");
                st.execute("VACUUM ANALYZE");
                try (ResultSet rs = st.executeQuery("SELECT version()")) {
                    rs.next();
                    System.out.println("peer: " + rs.getString(1).replaceAll(" on .*", "") + " (embedded, same machine)");
                }
            }
            String sql = """
                    WITH per_indicator AS (
                      SELECT d.inst, d.indicator_idx,
                             coalesce(sum(d.points) FILTER (WHERE NOT d.repaired), 0) AS points,
                             bool_or(d.serious AND NOT d.repaired) AS serious
                      FROM deduction d GROUP BY d.inst, d.indicator_idx),
                    per_institution AS (
                      SELECT p.inst, %d - sum(least(p.points, i.max_deduction)) AS score, bool_or(p.serious) AS serious
                      FROM per_indicator p JOIN indicator i ON i.idx = p.indicator_idx GROUP BY p.inst)
                    SELECT n.id, coalesce(s.score, %d) AS score,
                           CASE WHEN s.serious THEN '%s'
                                ELSE (SELECT g.grade FROM grade_cut g WHERE g.min_score <= coalesce(s.score, %d)
                                      ORDER BY g.min_score DESC LIMIT 1) END AS grade
                    FROM institution n LEFT JOIN per_institution s ON s.inst = n.id
                    ORDER BY n.id""".formatted(catalogue.scale(), catalogue.scale(), catalogue.worstGrade(), catalogue.scale());

            long[] javaNanos = new long[rounds];
            long[] sqlNanos = new long[rounds];
            int[] javaScore = new int[institutions];
            String[] javaGrade = new String[institutions];
            int[] sqlScore = new int[institutions];
            String[] sqlGrade = new String[institutions];
            // warm-up of both sides (JIT, PostgreSQL's caches), not counted
            for (int w = 0; w < 3; w++) {
                java(catalogue, data, javaScore, javaGrade);
                sql(c, sql, sqlScore, sqlGrade);
            }
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                java(catalogue, data, javaScore, javaGrade);
                long t1 = System.nanoTime();
                sql(c, sql, sqlScore, sqlGrade);
                long t2 = System.nanoTime();
                javaNanos[r] = t1 - t0;
                sqlNanos[r] = t2 - t1;
                System.out.printf("round %d: java %8.2f ms | sql %8.2f ms%n", r + 1, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
            }
            int mismatches = 0;
            for (int i = 0; i < institutions; i++) {
                if (javaScore[i] != sqlScore[i] || !javaGrade[i].equals(sqlGrade[i])) {
                    if (mismatches++ < 5) {
                        System.out.printf("MISMATCH institution %d: java %d %s, sql %d %s%n", i, javaScore[i], javaGrade[i], sqlScore[i], sqlGrade[i]);
                    }
                }
            }
            long[] grades = new long[5];
            for (String g : javaGrade) {
                grades[g.charAt(0) - 'A']++;
            }
            double javaMs = median(javaNanos) / 1e6;
            double sqlMs = median(sqlNanos) / 1e6;
            System.out.printf("grades: A %d, B %d, C %d, D %d, E %d%n", grades[0], grades[1], grades[2], grades[3], grades[4]);
            System.out.printf("median of %d rounds: java evaluator %.2f ms (%.0f institutions/s) | one SQL query %.2f ms (%.0f institutions/s) | java/sql time %.3f%n",
                    rounds, javaMs, institutions / (javaMs / 1000), sqlMs, institutions / (sqlMs / 1000), javaMs / sqlMs);
            System.out.println("results equal: " + (mismatches == 0 ? "yes (score and grade of all " + institutions + " institutions)"
                    : "NO, " + mismatches + " institutions differ"));
            System.out.println("target (issue 13): the Java evaluation no slower than the SQL query: " + (javaMs <= sqlMs ? "met" : "NOT met"));
            if (mismatches != 0) {
                System.exit(1);
            }
        }
    }

    private static void java(CreditCatalogue catalogue, List<List<CreditEvaluator.Deduction>> data, int[] score, String[] grade) {
        // as the service does it: one evaluator for the catalogue in force, then every institution's year
        CreditEvaluator evaluator = CreditEvaluator.of(catalogue);
        for (int i = 0; i < data.size(); i++) {
            CreditEvaluator.Evaluation e = evaluator.evaluate(data.get(i));
            score[i] = e.score();
            grade[i] = e.grade();
        }
    }

    private static void sql(Connection c, String sql, int[] score, String[] grade) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int id = rs.getInt(1);
                score[id] = rs.getInt(2);
                grade[id] = rs.getString(3);
            }
        }
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
