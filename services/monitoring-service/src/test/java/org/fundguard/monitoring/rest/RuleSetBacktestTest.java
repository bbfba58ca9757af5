package org.fundguard.monitoring.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fundguard.monitoring.Db;
import org.fundguard.monitoring.Messages;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.generator.ClaimGenerator;
import org.fundguard.monitoring.generator.GeneratorConfig;
import org.fundguard.monitoring.generator.GeneratorMain;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.Messages.CHECKS;
import static org.fundguard.monitoring.Messages.PROBLEM;
import static org.fundguard.monitoring.Messages.as;
import static org.fundguard.monitoring.Messages.his;
import static org.hamcrest.Matchers.equalTo;

/**
 * A rule version with a tightened parameter, staged: back-tested on the generator's data against the version in use
 * (the hits it adds and removes, exactly), then enabled — the next check uses it, no restart — and rolled back.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class RuleSetBacktestTest {

    static final String API = "/api/monitoring/v1";
    /** 血细胞分析 at 20.00 and 肝功能测定 at 45.00 in the generator's catalogue. */
    static final String BLOOD_COUNT = "002501010010000";
    static final String LIVER = "002503010010000";
    /** A year no other test's claims fall in, so the counts are exactly the generator's. */
    static final GeneratorConfig DATA = new GeneratorConfig(20231201L, 200, 0, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), 0.1, 4);

    static int ruleSetInUse() {
        return as("anhui-rule-manager").when().get(API + "/rule-set").then().statusCode(200).extract().path("version");
    }

    static List<String> pointsHit(String code, String pric) {
        return his().body(Messages.check().order("1", code, "1", pric).build()).when().post(CHECKS + "/3101")
                .then().statusCode(200).extract().path("output.result.kp_id");
    }

    /** Paid lines of the generator's data with this code billed above the cap (what a price cap must hit). */
    static long linesAbove(String code, String cap) {
        long n = 0;
        for (ClaimGenerator g = new ClaimGenerator(DATA); g.hasNext(); ) {
            Claim c = g.next();
            for (FeeLine l : c.feeLines()) {
                if (code.equals(l.hilistCode()) && l.pric() != null && l.pric().compareTo(new BigDecimal(cap)) > 0
                        && l.cnt() != null && l.cnt().signum() > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aStagedVersionIsBacktestedThenEnabledAndRolledBackWithoutRestart(@TempDir Path dir) throws Exception {
        GeneratorMain.generate(DATA, dir, "jsonl");
        as("anhui-auditor").contentType("application/x-ndjson").body(Files.readAllBytes(dir.resolve("claims.jsonl")))
                .when().post(API + "/claims/imports").then().statusCode(200).body("rowsRejected", equalTo(0))
                .body("outsideRegion", equalTo(0));

        // in use: 肝功能测定 capped at 40.00 in Anhui
        KnowledgeResourceTest.importCsv("anhui-rule-manager", KnowledgeResourceTest.HEADER
                + "GZ10000102001000,KP-BT-A,1,2023-01-01,340000," + LIVER + ",肝功能测定限价,40.00\n").statusCode(200)
                .body("accepted", equalTo(1));
        int active = ruleSetInUse();
        assertThat(pointsHit(LIVER, "45.00")).contains("KP-BT-A");

        // staged: the liver cap loosened to 50.00 (its hits go), a new cap of 18.00 on 血细胞分析 (its hits come)
        int staged = as("anhui-rule-manager").contentType("text/csv; charset=UTF-8").queryParam("enable", false)
                .body(KnowledgeResourceTest.HEADER
                        + "GZ10000102001000,KP-BT-A,2,2023-01-01,340000," + LIVER + ",肝功能测定限价,50.00\n"
                        + "GZ10000102001000,KP-BT-B,1,2023-01-01,340000," + BLOOD_COUNT + ",血细胞分析限价,18.00\n")
                .when().post(API + "/knowledge/imports").then().statusCode(200).body("accepted", equalTo(2))
                .extract().path("ruleSetVersion");
        assertThat(staged).isGreaterThan(active);
        assertThat(ruleSetInUse()).as("a staged version is not in use").isEqualTo(active);
        assertThat(pointsHit(BLOOD_COUNT, "20.00")).doesNotContain("KP-BT-B");

        long liverLines = linesAbove(LIVER, "40.00");
        long bloodLines = linesAbove(BLOOD_COUNT, "18.00");
        assertThat(liverLines).isPositive();
        assertThat(bloodLines).isPositive();
        var report = as("anhui-rule-manager").contentType(ContentType.JSON)
                .body(Map.of("region", "340000", "from", "2023-01-01", "to", "2023-12-31"))
                .when().post(API + "/rule-sets/" + staged + "/backtests").then().statusCode(200)
                .body("version", equalTo(staged)).body("activeVersion", equalTo(active))
                .extract().jsonPath();
        assertThat(report.getLong("gained")).isEqualTo(bloodLines);
        assertThat(report.getLong("lost")).isEqualTo(liverLines);
        assertThat(report.getLong("hitsVersion") - report.getLong("hitsActive")).isEqualTo(bloodLines - liverLines);
        assertThat(report.getLong("byRule.find { it.knowledgePointId == 'KP-BT-B' }.gained")).isEqualTo(bloodLines);
        assertThat(report.getLong("byRule.find { it.knowledgePointId == 'KP-BT-B' }.hitsActive")).isZero();
        assertThat(report.getLong("byRule.find { it.knowledgePointId == 'KP-BT-A' }.lost")).isEqualTo(liverLines);
        assertThat(report.getLong("byRule.find { it.knowledgePointId == 'KP-BT-A' }.hitsVersion")).isZero();
        assertThat(report.getDouble("byRule.find { it.knowledgePointId == 'KP-BT-B' }.amountGained")).isPositive();
        assertThat(Db.count("SELECT count(*) FROM finding WHERE knowledge_point_id IN ('KP-BT-A', 'KP-BT-B')"))
                .as("a back-test stores nothing").isZero();
        as("chuzhou-rule-manager").contentType(ContentType.JSON).body(Map.of("region", "340000", "from", "2023-01-01", "to", "2023-12-31"))
                .when().post(API + "/rule-sets/" + staged + "/backtests").then().statusCode(403).contentType(PROBLEM);
        as("anhui-rule-manager").contentType(ContentType.JSON).body(Map.of("region", "340000", "from", "2023-01-01", "to", "2023-12-31"))
                .when().post(API + "/rule-sets/999999/backtests").then().statusCode(400).contentType(PROBLEM);

        try {
            // enabling is for the province: a city's rule manager may not switch the service-wide rule set
            as("chuzhou-rule-manager").when().post(API + "/rule-sets/" + staged + "/activation").then().statusCode(403);
            as("anhui-rule-manager").when().post(API + "/rule-sets/" + staged + "/activation").then().statusCode(200)
                    .body("activeVersion", equalTo(staged));
            assertThat(ruleSetInUse()).isEqualTo(staged);
            assertThat(pointsHit(BLOOD_COUNT, "20.00")).as("the next check, no restart").contains("KP-BT-B");
            assertThat(pointsHit(LIVER, "45.00")).doesNotContain("KP-BT-A");

            // rolled back: the earlier version again
            as("anhui-rule-manager").when().post(API + "/rule-sets/" + active + "/activation").then().statusCode(200);
            assertThat(pointsHit(BLOOD_COUNT, "20.00")).doesNotContain("KP-BT-B");
            assertThat(pointsHit(LIVER, "45.00")).contains("KP-BT-A");
            assertThat(Db.count("SELECT count(*) FROM audit_log WHERE action = 'rule-set.activated' AND actor_username = 'anhui-rule-manager'"))
                    .isGreaterThanOrEqualTo(2);
        } finally {
            // leave the latest version in use for the other tests
            long latest = Db.count("SELECT max(version) FROM rule_set_version");
            as("anhui-rule-manager").when().post(API + "/rule-sets/" + latest + "/activation").then().statusCode(200);
        }
    }
}
