package org.fundguard.monitoring.screening;

import org.fundguard.kit.time.BusinessClock;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.engine.QualificationReplica;
import org.fundguard.monitoring.engine.RuleSet;
import org.fundguard.monitoring.generator.ClaimGenerator;
import org.fundguard.monitoring.generator.ExpectedHit;
import org.fundguard.monitoring.generator.GeneratorConfig;
import org.fundguard.monitoring.generator.Manifest;
import org.fundguard.monitoring.knowledge.KnowledgeBase;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.fundguard.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.item;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.line;
import static org.fundguard.monitoring.engine.ClaimBuilder.visit;

/** Claims stored with COPY, screened by region and period with history before it, findings never doubled; real PostgreSQL. */
class ScreeningRunTest {

    private static final String DB = "test_monitoring_screening";
    private static final String DRUG = "XA10BAE074A001010100009";

    private final RuleSet rules = RuleSet.allImplemented("2025.1", KnowledgeBase.of(List.of(
            KnowledgePoint.builder(RuleClass.SPLIT_HOSPITALISATION, "KP-R").medTypes("2").name("分解住院 15 天").build(),
            KnowledgePoint.builder(RuleClass.DRUG_SEX, "KP-F").codes(DRUG).gend("2").name("限女性").build(),
            KnowledgePoint.builder(RuleClass.SPENDING_AFTER_DEATH, "KP-D").build())));

    @BeforeAll
    static void schema() throws Exception {
        TestDatabases.recreate(DB);
        // the screening tables and those a run reads besides (review cases, suppressions)
        for (String script : List.of("V20__claims_screenings_findings.sql", "V21__review_cases.sql", "V23__review_quality.sql")) {
            try (Connection c = TestDatabases.connect(DB); Statement s = c.createStatement();
                 InputStream sql = ScreeningRunTest.class.getResourceAsStream("/db/migration/" + script)) {
                s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = TestDatabases.connect(DB); Statement s = c.createStatement()) {
            s.execute("TRUNCATE finding, screening_job, claim_visit, death_record CASCADE");
        }
    }

    @Test
    void findsInThePeriodOnlyWithHistoryFromBeforeItAndNeverTwice() throws Exception {
        List<Claim> claims = new ArrayList<>();
        // a stay in February, readmitted on the 15th day in March: history before the period, hit inside it
        claims.add(visit("S1").psn("P1").stay("2025-02-01", "2025-02-20").line(item("1", "001")).build());
        claims.add(visit("S2").psn("P1").stay("2025-03-07", "2025-03-12").line(item("1", "001")).build());
        // a man given a women-only drug in March (hit) and in February (outside the period: not reported)
        claims.add(visit("M1").psn("P2").medType("11").stay("2025-03-05", "2025-03-05").line(line("1", DRUG).at("2025-03-05")).build());
        claims.add(visit("M0").psn("P2").medType("11").stay("2025-02-05", "2025-02-05").line(line("1", DRUG).at("2025-02-05")).build());
        // another city's claim: not in Chuzhou's job
        claims.add(visit("H1").psn("P3").admdvs("340602").fixmedins("H34060200001").medType("11").stay("2025-03-05", "2025-03-05")
                .line(line("1", DRUG).at("2025-03-05")).build());
        // spending after death, from the registry
        claims.add(visit("D1").psn("P4").medType("11").stay("2025-03-20", "2025-03-20").line(item("1", "002").at("2025-03-20")).build());

        try (Connection c = TestDatabases.connect(DB)) {
            ClaimStore.Loaded loaded = ClaimStore.load(c, claims.iterator());
            assertThat(loaded.visits()).isEqualTo(6);
            assertThat(loaded.lines()).isEqualTo(6);
            // loading a corrected copy replaces, never doubles
            assertThat(ClaimStore.load(c, claims.subList(0, 2).iterator()).visits()).isEqualTo(2);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO death_record VALUES ('P4', DATE '2025-03-10', 'civil-affairs')");
            }
        }
        assertThat(TestDatabases.count(DB, "SELECT count(*) FROM claim_visit")).isEqualTo(6);

        UUID first = job();
        List<long[]> progress = new ArrayList<>();
        ScreeningRun.Result result = new ScreeningRun(connections(), rules, QualificationReplica.none(), new BusinessClock())
                .run(first, "341100", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), 90,
                        (cl, li, hi, nf) -> progress.add(new long[]{cl, li, hi, nf}));

        assertThat(result.claims()).as("S2, M1, D1 in Chuzhou in March").isEqualTo(3);
        assertThat(result.newFindings()).isEqualTo(3);
        List<Map<String, Object>> findings = TestDatabases.query(DB,
                "SELECT rule_code, mdtrt_id, related_mdtrt_ids, feedetl_sns, amount, reason FROM finding ORDER BY mdtrt_id");
        assertThat(findings).extracting(f -> f.get("mdtrt_id")).containsExactly("D1", "M1", "S2");
        assertThat(findings).extracting(f -> f.get("rule_code")).containsExactly("FG-EXT-001", RuleClass.DRUG_SEX.code(),
                "GZ10000204001000");
        assertThat(findings.get(2).get("related_mdtrt_ids")).isEqualTo("S1");
        assertThat(findings.get(1).get("reason").toString()).contains("KP-F");
        assertThat(progress).last().satisfies(p -> assertThat(p[0]).isEqualTo(3));

        // the same job on the same data again: no new finding
        ScreeningRun.Result again = new ScreeningRun(connections(), rules, QualificationReplica.none(), new BusinessClock())
                .run(job(), "341100", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), 90, (cl, li, hi, nf) -> { });
        assertThat(again.hits()).isEqualTo(3);
        assertThat(again.newFindings()).isZero();
        assertThat(TestDatabases.count(DB, "SELECT count(*) FROM finding")).isEqualTo(3);
        assertThat(TestDatabases.count(DB, "SELECT count(*) FROM finding WHERE job_id = ?::uuid", first.toString())).isEqualTo(3);

        // the province sees its cities: Huaibei's claim too
        ScreeningRun.Result province = new ScreeningRun(connections(), rules, QualificationReplica.none(), new BusinessClock())
                .run(job(), "340000", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), 90, (cl, li, hi, nf) -> { });
        assertThat(province.newFindings()).isEqualTo(1);
        assertThat(TestDatabases.count(DB, "SELECT count(*) FROM finding WHERE admdvs = '340602'")).isEqualTo(1);
    }

    @Test
    void aLoadThatFailsStoresNothing() throws Exception {
        List<Claim> claims = List.of(visit("A1").psn("P1").stay("2025-03-01", "2025-03-02").build());
        try (Connection c = TestDatabases.connect(DB)) {
            java.util.Iterator<Claim> failing = new java.util.Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Claim next() {
                    if (i++ < 3_000) {
                        return visit("B" + i).psn("P" + i).stay("2025-03-01", "2025-03-02").build();
                    }
                    throw new IllegalStateException("the source broke off");
                }
            };
            assertThatThrownBy(() -> ClaimStore.load(c, failing)).hasMessageContaining("broke off");
            assertThat(ClaimStore.load(c, claims.iterator()).visits()).isEqualTo(1);
        }
        assertThat(TestDatabases.count(DB, "SELECT count(*) FROM claim_visit")).isEqualTo(1);
    }

    @Test
    void aStoredJobOverTheGeneratorsDataFindsEveryInjectedViolationAndNothingOnCleanClaims() throws Exception {
        ClaimGenerator generator = new ClaimGenerator(GeneratorConfig.of(20251201L, 1_000_000).withMaxLines(15_000).withViolationRate(0.3));
        try (Connection c = TestDatabases.connect(DB)) {
            ClaimStore.Loaded loaded = ClaimStore.load(c, generator);
            assertThat(loaded.lines()).isEqualTo(generator.linesGenerated());
            try (var ps = c.prepareStatement("INSERT INTO death_record VALUES (?, ?, 'civil-affairs')")) {
                for (ClaimGenerator.Death d : generator.deathEntries()) {
                    ps.setString(1, d.psnNo());
                    ps.setObject(2, d.deathDate());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        RuleSet demo = RuleSet.allImplemented("demo", generator.knowledge());
        ScreeningRun.Result result = new ScreeningRun(connections(), demo, generator.qualifications(), new BusinessClock())
                .run(job(), "340000", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 90, (cl, li, hi, nf) -> { });

        Manifest manifest = generator.manifest();
        List<ExpectedHit> found = TestDatabases.query(DB, "SELECT rule_code, mdtrt_id, feedetl_sns FROM finding").stream()
                .map(f -> new ExpectedHit(RuleClass.fromCodeOrName((String) f.get("rule_code")), (String) f.get("mdtrt_id"),
                        ((String) f.get("feedetl_sns")).isEmpty() ? Set.<String>of() : Set.of(((String) f.get("feedetl_sns")).split(","))))
                .toList();
        assertThat(result.lines()).isEqualTo(generator.linesGenerated());
        assertThat(found).allSatisfy(f -> assertThat(manifest.injected(f.mdtrtId())).as("a finding on a clean claim: %s", f).isTrue());
        assertThat(found).containsExactlyInAnyOrderElementsOf(manifest.hits());
        assertThat(manifest.countByRuleClass().keySet()).containsExactlyInAnyOrderElementsOf(ClaimGenerator.injectable());
    }

    @Test
    void refusesARegionThatIsNotAnAdministrativeCode() {
        assertThatThrownBy(() -> new ScreeningRun(connections(), rules, QualificationReplica.none(), new BusinessClock())
                .run(UUID.randomUUID(), "3411", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), 90, (cl, li, hi, nf) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6-digit");
    }

    private static UUID job() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = TestDatabases.connect(DB); var ps = c.prepareStatement("INSERT INTO screening_job (id, region, period_from, "
                + "period_to, rule_set_version, status, started_by, started_at) VALUES (?, '341100', DATE '2025-03-01', "
                + "DATE '2025-03-31', '2025.1', 'RUNNING', 'test', now())")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        return id;
    }

    private static Supplier<Connection> connections() {
        return () -> {
            try {
                return TestDatabases.connect(DB);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
