package org.fundguard.monitoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.item;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.line;
import static org.fundguard.monitoring.engine.ClaimBuilder.visit;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.knowledge.ImportReport;
import org.fundguard.monitoring.knowledge.KnowledgeBase;
import org.fundguard.monitoring.knowledge.KnowledgeImporter;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The imported national sample with Anhui's overrides: city > province > national, by date. */
class RegionOverrideTest {

    private static final RuleEngine ENGINE = new RuleEngine(RuleSet.allImplemented("2025.1", knowledge()));

    private static KnowledgeBase knowledge() {
        KnowledgeImporter importer = new KnowledgeImporter();
        List<KnowledgePoint> points = new ArrayList<>();
        for (String file : List.of("national-sample.csv", "anhui-overrides.json")) {
            var in = new InputStreamReader(Objects.requireNonNull(
                    RegionOverrideTest.class.getResourceAsStream("/knowledge/" + file)), StandardCharsets.UTF_8);
            ImportReport r = file.endsWith(".json") ? importer.importJson(in, file) : importer.importCsv(in, file);
            assertThat(r.errors()).isEmpty();
            points.addAll(r.accepted());
        }
        return KnowledgeBase.of(points);
    }

    @ParameterizedTest(name = "{0} on {1}: price 17.00 → {2}")
    @CsvSource({
            // national cap 12.50, Anhui 15.00, Chuzhou 18.00 from 2025-06-01 to 2025-12-31
            "330100, 2025-07-01, KP-PRICE-0001 v1",
            "340600, 2025-07-01, KP-PRICE-0001 v2",
            "341102, 2025-07-01, ''",
            "341102, 2025-05-31, KP-PRICE-0001 v2",
            "341102, 2026-01-01, KP-PRICE-0001 v2",
    })
    void priceCapFollowsTheMostLocalPointInForce(String admdvs, String day, String expected) {
        Claim claim = visit("M1").admdvs(admdvs).stay(day, day)
                .line(item("1", "001216000010100").pric("17.00").at(day)).build();

        List<Hit> hits = ENGINE.evaluate(claim, CrossClaimContext.none());

        assertThat(hits.isEmpty() ? "" : hits.get(0).knowledgePointId() + " v" + hits.get(0).knowledgePointVersion())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1} hits")
    @CsvSource({"341102, 0", "340600, 1", "330100, 1"})
    void aCitySwitchesASexRestrictionOff(String admdvs, int hits) {
        Claim claim = visit("M1").admdvs(admdvs).gend("1").line(line("1", "XG03CAZ001A001010100001")).build();

        assertThat(ENGINE.evaluate(claim, CrossClaimContext.none())).hasSize(hits);
    }

    @Test
    void huaibeiWidensTheReadmissionWindowTo30Days() {
        Claim before = visit("S1").stay("2025-03-01", "2025-03-10").build();
        InMemoryPatientHistory huaibei = new InMemoryPatientHistory();
        InMemoryPatientHistory chuzhou = new InMemoryPatientHistory();
        huaibei.record(before);
        chuzhou.record(before);
        Claim inHuaibei = visit("S2").admdvs("340602").stay("2025-03-30", "2025-04-02").build();
        Claim inChuzhou = visit("S2").admdvs("341102").stay("2025-03-30", "2025-04-02").build();

        List<Hit> hb = ENGINE.evaluate(inHuaibei, CrossClaimContext.none().withHistory(huaibei));

        assertThat(hb).singleElement().satisfies(h -> assertThat(h.reason()).contains("第 20 天").contains("30 天内"));
        assertThat(ENGINE.evaluate(inChuzhou, CrossClaimContext.none().withHistory(chuzhou))).isEmpty();
    }
}
