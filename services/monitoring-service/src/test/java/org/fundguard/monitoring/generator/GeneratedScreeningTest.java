package org.fundguard.monitoring.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.engine.BatchScreener;
import org.fundguard.monitoring.engine.Hit;
import org.fundguard.monitoring.engine.RuleEngine;
import org.fundguard.monitoring.engine.RuleSet;
import org.fundguard.monitoring.ingest.IngestOptions;
import org.fundguard.monitoring.ingest.IngestReport;
import org.fundguard.monitoring.ingest.JsonLinesIngest;
import org.fundguard.monitoring.ingest.WarehouseCsvIngest;
import org.fundguard.monitoring.ingest.WarehouseFiles;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedScreeningTest {

    private static final GeneratorConfig CONFIG =
            GeneratorConfig.of(20250601L, 1_000_000).withMaxLines(20_000).withViolationRate(0.3);

    private static ClaimGenerator generator;
    private static List<Claim> claims;
    private static RuleEngine engine;

    @BeforeAll
    static void generate() {
        generator = new ClaimGenerator(CONFIG);
        claims = new ArrayList<>();
        generator.forEachRemaining(claims::add);
        engine = new RuleEngine(RuleSet.allImplemented("demo", generator.knowledge()));
    }

    private static List<Hit> screenAll(List<Claim> input) {
        List<Hit> hits = new ArrayList<>();
        new BatchScreener(engine).screenAll(input, generator.deaths(), generator.qualifications(), (v, h) -> hits.add(h));
        return hits;
    }

    private static void assertMatchesManifest(List<Hit> hits) {
        Manifest manifest = generator.manifest();
        List<ExpectedHit> found = hits.stream().map(ExpectedHit::of).toList();
        for (Hit h : hits) {
            assertThat(manifest.injected(h.mdtrtId()))
                    .as("hit on a clean claim: %s", h.reason()).isTrue();
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(manifest.hits());
    }

    @Test
    void generatesTheRequestedVolume() {
        assertThat(generator.linesGenerated()).isBetween(20_000L, 21_500L);
        assertThat(claims.stream().mapToLong(c -> c.feeLines().size()).sum()).isEqualTo(generator.linesGenerated());
        assertThat(generator.manifest().hits()).hasSizeGreaterThan(100);
        assertThat(generator.deathEntries()).isNotEmpty();
    }

    @Test
    void screeningFindsEveryInjectedViolationAndNothingOnCleanClaims() {
        assertMatchesManifest(screenAll(claims));
    }

    @Test
    void streamingScreenOfTheGeneratorGivesTheSameHits() {
        List<Hit> hits = new ArrayList<>();
        BatchScreener.Summary s = new BatchScreener(engine).screenSorted(() -> new ClaimGenerator(CONFIG),
                generator.deaths(), generator.qualifications(), (v, h) -> hits.add(h));
        assertThat(s.lines()).isEqualTo(generator.linesGenerated());
        assertMatchesManifest(hits);
    }

    @Test
    void everyImplementedRuleClassHasAnInjectedCase() {
        Set<RuleClass> injected = generator.manifest().countByRuleClass().keySet();
        assertThat(injected).containsExactlyInAnyOrderElementsOf(ClaimGenerator.injectable());
        assertThat(ClaimGenerator.injectable()).hasSize(44);
    }

    @Test
    void jsonLinesRoundTripFindsTheSameViolations(@TempDir Path dir) throws IOException {
        GeneratorMain.generate(CONFIG, dir, "jsonl");
        List<Claim> back = new ArrayList<>();
        IngestReport report = new JsonLinesIngest(IngestOptions.defaults()).ingest(dir.resolve("claims.jsonl"),
                back::add);
        assertThat(report.errors()).isEmpty();
        assertThat(report.fileErrors()).isEmpty();
        assertThat(report.feeLines()).isEqualTo(generator.linesGenerated());
        assertThat(back).hasSameSizeAs(claims);
        assertMatchesManifest(screenAll(back));
        assertThat(Files.readAllLines(dir.resolve("manifest.csv"))).hasSize(generator.manifest().hits().size() + 1);
    }

    @Test
    void warehouseCsvRoundTripFindsTheSameViolations(@TempDir Path dir) throws IOException {
        GeneratorMain.generate(CONFIG, dir, "csv");
        List<Claim> back = new ArrayList<>();
        IngestReport report = new WarehouseCsvIngest(IngestOptions.defaults()
                .withWarehouseOrder(IngestOptions.WarehouseOrder.SORTED)).ingest(WarehouseFiles.in(dir), back::add);
        assertThat(report.errors()).isEmpty();
        assertThat(report.fileErrors()).isEmpty();
        assertThat(report.feeLines()).isEqualTo(generator.linesGenerated());
        assertThat(back).hasSameSizeAs(claims);
        assertMatchesManifest(screenAll(back));
    }

    @Test
    void sameSeedGivesByteIdenticalOutput(@TempDir Path dir) throws IOException {
        GeneratorConfig small = GeneratorConfig.of(99, 300).withViolationRate(0.2);
        GeneratorMain.generate(small, dir.resolve("a"), "jsonl");
        GeneratorMain.generate(small, dir.resolve("b"), "jsonl");
        GeneratorMain.generate(GeneratorConfig.of(100, 300).withViolationRate(0.2), dir.resolve("c"), "jsonl");
        byte[] a = Files.readAllBytes(dir.resolve("a/claims.jsonl"));
        assertThat(Files.readAllBytes(dir.resolve("b/claims.jsonl"))).isEqualTo(a);
        assertThat(Files.readAllBytes(dir.resolve("b/manifest.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a/manifest.csv")));
        assertThat(Files.readAllBytes(dir.resolve("c/claims.jsonl"))).isNotEqualTo(a);
        GeneratorMain.generate(small, dir.resolve("d"), "csv");
        GeneratorMain.generate(small, dir.resolve("e"), "csv");
        for (String f : List.of("mdtrt_d.csv", "setl_d.csv", "fee_list_d.csv", "deaths.csv")) {
            assertThat(Files.readAllBytes(dir.resolve("e").resolve(f)))
                    .isEqualTo(Files.readAllBytes(dir.resolve("d").resolve(f)));
        }
    }

    @Test
    void claimsComeGroupedByPatientInVisitOrderWithUniqueTraceCodes() {
        Set<String> finished = new HashSet<>();
        Set<String> traceCodes = new HashSet<>();
        int reused = 0;
        String current = null;
        Claim previous = null;
        for (Claim c : claims) {
            String psn = c.visit().psnNo();
            if (!psn.equals(current)) {
                assertThat(finished.add(psn)).as("patient %s seen again", psn).isTrue();
                current = psn;
            } else {
                assertThat(c.visit().begntime()).isAfterOrEqualTo(previous.visit().begntime());
                assertThat(c.visit().mdtrtId()).isGreaterThan(previous.visit().mdtrtId());
            }
            for (var l : c.feeLines()) {
                for (String code : l.drugTracCodg()) {
                    assertThat(code).matches("8\\d{19}");
                    if (!traceCodes.add(code)) {
                        reused++;
                    }
                }
            }
            previous = c;
        }
        assertThat(reused).isEqualTo(generator.manifest().countByRuleClass()
                .getOrDefault(RuleClass.TRACE_CODE_REUSED, 0));
    }

    @Test
    void cleanClaimsIncludeLegalLookalikesOfViolations() {
        int emergencyByBarredDoctor = 0;
        int boneDensityUnder40InChuzhou = 0;
        int chemoReadmissions = 0;
        int refundLines = 0;
        int restrictedCodesUsedLegally = 0;
        Set<String> restricted = new HashSet<>();
        generator.knowledge().points().forEach(kp -> restricted.addAll(kp.codes()));
        for (Claim c : claims) {
            if (generator.manifest().injected(c.visit().mdtrtId())) {
                continue;
            }
            if (c.visit().mainDiagnosisCode().startsWith("Z51.1")) {
                chemoReadmissions++;
            }
            for (var l : c.feeLines()) {
                var day = l.feeOcurTime().toLocalDate();
                if (l.isRefund()) {
                    refundLines++;
                } else if (restricted.contains(l.hilistCode())) {
                    restrictedCodesUsedLegally++;
                }
                if ("13".equals(c.visit().medType())
                        && generator.qualifications().barredOn(l.bilgDrCodg(), day) != null) {
                    emergencyByBarredDoctor++; // 急诊抢救 is exempt
                }
                if (l.hilistCode().equals("002101060010000") && c.visit().fixBlngAdmdvs().startsWith("3411")
                        && c.visit().brdy().plusYears(40).isAfter(day)) {
                    boneDensityUnder40InChuzhou++; // the age limit is switched off in 滁州
                }
            }
        }
        assertThat(emergencyByBarredDoctor).isPositive();
        assertThat(boneDensityUnder40InChuzhou).isPositive();
        assertThat(chemoReadmissions).isPositive();
        assertThat(refundLines).isPositive();
        assertThat(restrictedCodesUsedLegally).isGreaterThan(1000);
        assertThat(generator.deathEntries()).hasSizeGreaterThan(
                generator.manifest().countByRuleClass().get(RuleClass.SPENDING_AFTER_DEATH));
    }

    @Test
    void generationIsFastEnoughForMillionsOfLines() {
        ClaimGenerator g = new ClaimGenerator(GeneratorConfig.of(5, 1_000_000).withMaxLines(200_000));
        long t0 = System.nanoTime();
        long n = 0;
        while (g.hasNext()) {
            n += g.next().feeLines().size();
        }
        double perSecond = n / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("generator: %d lines, %.0f lines/s%n", n, perSecond);
        assertThat(perSecond).isGreaterThan(20_000);
        assertThat(EnumSet.copyOf(g.manifest().countByRuleClass().keySet()))
                .containsAll(ClaimGenerator.injectable());
    }
}
