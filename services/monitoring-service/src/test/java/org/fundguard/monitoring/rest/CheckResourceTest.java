package org.fundguard.monitoring.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fundguard.monitoring.Db;
import org.fundguard.monitoring.Messages;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.Messages.CHECKS;
import static org.fundguard.monitoring.Messages.PROBLEM;
import static org.fundguard.monitoring.Messages.as;
import static org.fundguard.monitoring.Messages.his;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** 3101/3102/3103 for hospital systems, over the built-in sample knowledge base (national + Anhui price cap). */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class CheckResourceTest {

    @Test
    void a3101RequestShapedAsTheNationalSkeletonGetsItsViolations() {
        Map<String, Object> message = Messages.check()
                .order("1", "XG03CAZ001A001010100001", "1", "35.5")      // 限女性使用, the patient is a man
                .order("2", "001216000010100", "1", "16.00")             // 导尿: Anhui caps it at 15.00 (nationally 12.50)
                .order("3", "XA10BAZ006F006010100006", "2", "10")        // no restriction hit
                .build();
        his().body(message).when().post(CHECKS + "/3101")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("infcode", equalTo(0))
                .body("inf_refmsgid", org.hamcrest.Matchers.matchesPattern("341100[0-9]{24}"))
                .body("output.result", hasSize(2))
                .body("output.result.rule_id", org.hamcrest.Matchers.containsInAnyOrder("GZ10000301004000", "GZ10000102001000"))
                .body("output.result.find { it.rule_id == 'GZ10000301004000' }.rule_name", equalTo("药品区分性别使用"))
                .body("output.result.find { it.rule_id == 'GZ10000301004000' }.sev_deg", equalTo("2"))
                .body("output.result.find { it.rule_id == 'GZ10000301004000' }.vola_amt", equalTo(35.5f))
                .body("output.result.find { it.rule_id == 'GZ10000301004000' }.vola_evid", equalTo("国家医保药品目录（2024年）备注"))
                .body("output.result.find { it.rule_id == 'GZ10000301004000' }.judge_result_detail_dtos[0].rx_id", equalTo("1"))
                .body("output.result.find { it.rule_id == 'GZ10000301004000' }.judge_result_detail_dtos[0].vola_item_type", equalTo("1"))
                .body("output.result.find { it.rule_id == 'GZ10000102001000' }.sev_deg", equalTo("1"))
                .body("output.result.find { it.rule_id == 'GZ10000102001000' }.vola_cont", containsString("15"))
                .body("output.result.find { it.rule_id == 'GZ10000102001000' }.kp_version", equalTo(2))
                .body("output.result.patn_id", hasItem("P1058158"))
                .body("output.result.mdtrt_id", hasItem("M2001668"))
                .body("output.result[0].task_id", equalTo(((Map<?, ?>) ((Map<?, ?>) message.get("input")).get("data")).get("task_id")));
    }

    @Test
    void a3102AtSettlementAnswersTheSameShape() {
        his().body(Messages.check().infno("3102").trigScen("7").order("1", "XG03CAZ001A001010100001", "1", "2").build())
                .when().post(CHECKS + "/3102")
                .then().statusCode(200).body("output.result.rule_id", equalTo(List.of("GZ10000301004000")));
    }

    @Test
    void aCleanClaimGetsAnEmptyResult() {
        his().body(Messages.check().patient("gend", "2").order("1", "XG03CAZ001A001010100001", "1", "2").build())
                .when().post(CHECKS + "/3101")
                .then().statusCode(200).body("infcode", equalTo(0)).body("output.result", hasSize(0));
    }

    @Test
    void withoutATokenIs401() {
        given().contentType(ContentType.JSON).body(Messages.check().build()).when().post(CHECKS + "/3101")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void staffRolesCannotCheck() {
        as("chuzhou-rule-manager").contentType(ContentType.JSON).body(Messages.check().build()).when().post(CHECKS + "/3101")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aHospitalSystemCannotCheckAnotherInstitutionsClaims() {
        his().body(Messages.check().institution("H34110200017").order("1", "XG03CAZ001A001010100001", "1", "2").build())
                .when().post(CHECKS + "/3101")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void badInputNamesTheFieldByItsPathInTheMessage() {
        his().body(Messages.check().patient("brdy", "1960-13-45").order("1", "XG03CAZ001A001010100001", "1", "2")
                        .last("hilist_code", "").build())
                .when().post(CHECKS + "/3101")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("input.data.patient_dtos[0].brdy"))
                .body("errors.field", hasItem("input.data.patient_dtos[0].fsi_encounter_dtos[0].fsi_order_dtos[0].hilist_code"));
        his().body(Messages.check().trigScen("7").build()).when().post(CHECKS + "/3101")
                .then().statusCode(400).body("errors.field", hasItem("input.data.trig_scen"));
        his().body(Messages.check().infno("3102").build()).when().post(CHECKS + "/3101")
                .then().statusCode(400).body("errors.field", hasItem("infno"));
        his().body(Messages.check().order("1", "X", "1", "2").last("cnt", "many").build()).when().post(CHECKS + "/3101")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("input.data.patient_dtos[0].fsi_encounter_dtos[0].fsi_order_dtos[0].cnt"));
    }

    static final String ORDER = "input.data.patient_dtos[0].fsi_encounter_dtos[0].fsi_order_dtos[";

    @Test
    void aNegativeOrderLineIsRefusedInsteadOfHidingAnotherLineOfTheSameCodeFromTheChecks() {
        // 导尿 at 16.00 is above Anhui's cap of 15.00 …
        his().body(Messages.check().order("1", "001216000010100", "1", "16.00").build()).when().post(CHECKS + "/3101")
                .then().statusCode(200).body("output.result.rule_id", hasItem("GZ10000102001000"));
        // … and a negative line of the same code was netted against it, so the check answered no violation at all
        his().body(Messages.check().order("1", "001216000010100", "1", "16.00").order("2", "001216000010100", "-1", "16.00").build())
                .when().post(CHECKS + "/3101")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(ORDER + "1].cnt"))
                .body("errors.field", hasItem(ORDER + "1].sumamt"))
                .body("errors.field", not(hasItem(ORDER + "0].cnt")));
        his().body(Messages.check().order("1", "001216000010100", "1", "16.00").last("pric", new java.math.BigDecimal("-16.00")).build())
                .when().post(CHECKS + "/3101")
                .then().statusCode(400).body("errors.field", hasItem(ORDER + "0].pric"));
        his().body(Messages.check().infno("3102").trigScen("6").order("1", "001216000010100", "1", "16.00")
                        .last("sumamt", new java.math.BigDecimal("-16.00")).build())
                .when().post(CHECKS + "/3102")
                .then().statusCode(400).body("errors.field", hasItem(ORDER + "0].sumamt"));
    }

    @Test
    void absurdQuantitiesAndAmountsAreRefusedNamingTheField() {
        his().body(Messages.check().order("1", "001216000010100", "1", "16.00").last("cnt", new java.math.BigDecimal("1e308")).build())
                .when().post(CHECKS + "/3101")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(ORDER + "0].cnt"));
        his().body(Messages.check().order("1", "001216000010100", "1", "16.00").last("pric", "NaN").build())
                .when().post(CHECKS + "/3101")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(ORDER + "0].pric"));
        // sumamt is N16,2: 15 digits before the point are more than its 14
        his().body(Messages.check().order("1", "001216000010100", "1", "16.00").last("sumamt", new java.math.BigDecimal("123456789012345.00")).build())
                .when().post(CHECKS + "/3101")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(ORDER + "0].sumamt"));
        // pric is N16,6: a seventh decimal is more than it holds
        his().body(Messages.check().order("1", "001216000010100", "1", "16.00").last("pric", new java.math.BigDecimal("16.0000001")).build())
                .when().post(CHECKS + "/3101")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(ORDER + "0].pric"));
        // the largest values the fields hold are accepted
        his().body(Messages.check().order("1", "XA10BAZ006F006010100006", "1", "1").last("cnt", new java.math.BigDecimal("1.0001"))
                        .last("pric", new java.math.BigDecimal("0.000001")).last("sumamt", new java.math.BigDecimal("99999999999999.99")).build())
                .when().post(CHECKS + "/3101").then().statusCode(200);
    }

    @Test
    void anEncounterOfAnotherInstitutionIsRefused() {
        his().body(Messages.check().encounter("medins_id", "H34110200002").order("1", "XA10BAZ006F006010100006", "1", "8.00").build())
                .when().post(CHECKS + "/3101")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("input.data.patient_dtos[0].fsi_encounter_dtos[0].medins_id"));
        Map<String, Object> withForeignHistory = Messages.check().earlierEncounter("M2001600", "2025-02-20 08:00:00", "9",
                "XA10BAZ006F006010100006", "1", "8.00").order("1", "XA10BAZ006F006010100006", "1", "8.00").build();
        @SuppressWarnings("unchecked")
        var encounters = (List<Map<String, Object>>) ((Map<String, Object>) ((List<?>) ((Map<?, ?>) ((Map<?, ?>) withForeignHistory
                .get("input")).get("data")).get("patient_dtos")).get(0)).get("fsi_encounter_dtos");
        encounters.get(0).put("medins_id", "H34110200002");
        his().body(withForeignHistory).when().post(CHECKS + "/3101")
                .then().statusCode(400).body("errors.field", hasItem("input.data.patient_dtos[0].fsi_encounter_dtos[0].medins_id"));
    }

    @Test
    void aFrequencyLimitCountsTheUsesInTheHistoryEncountersOfTheMessage() {
        // KP-FREQ-0001: 001201000010000 at most once a day; once in this encounter alone is within it
        String onceADay = "001201000010000";
        his().body(Messages.check().order("1", onceADay, "1", "10.00").build()).when().post(CHECKS + "/3101")
                .then().statusCode(200).body("output.result.rule_id", not(hasItem("GZ10000102014000")));
        // an earlier encounter of the same day already used it once: this one exceeds the limit, naming the earlier visit
        his().body(Messages.check().earlierEncounter("M2001660", "2025-03-01 07:30:00", "9", onceADay, "1", "10.00")
                        .order("1", onceADay, "1", "10.00").build())
                .when().post(CHECKS + "/3101")
                .then().statusCode(200)
                .body("output.result.rule_id", hasItem("GZ10000102014000"))
                .body("output.result.find { it.rule_id == 'GZ10000102014000' }.mdtrt_id", equalTo("M2001668"))
                .body("output.result.find { it.rule_id == 'GZ10000102014000' }.judge_result_detail_dtos.rx_id", hasItem("1"))
                .body("output.result.find { it.rule_id == 'GZ10000102014000' }.vola_amt", equalTo(10.0f));
        // the day before does not count against today's limit
        his().body(Messages.check().earlierEncounter("M2001650", "2025-02-28 16:00:00", "9", onceADay, "1", "10.00")
                        .order("1", onceADay, "1", "10.00").build())
                .when().post(CHECKS + "/3101")
                .then().statusCode(200).body("output.result.rule_id", not(hasItem("GZ10000102014000")));
    }

    @Test
    void aSameDayPairingRuleHitsOnlyOnADayWithBothChargesWithThatDaysAmount() {
        String level1 = "001201000090001";
        String level2 = "001201000090002";
        KnowledgeResourceTest.importCsv("chuzhou-rule-manager", "rule_class,kp_id,version,eff_from,scope,codes,name,paired_codes,applies_per\n"
                + "GZ10000102012000,KP-T-DAY-1,1,2025-01-01,341100," + level1 + ",同一日只能收取一个护理级别," + level2 + ",DAY\n")
                .statusCode(200).body("accepted", equalTo(1));
        // the two levels on different days of one encounter: no hit
        his().body(Messages.check().order("1", level1, "1", "28.00").last("drord_begn_date", "2025-03-01 10:00:00")
                        .order("2", level2, "1", "18.00").last("drord_begn_date", "2025-03-02 10:00:00").build())
                .when().post(CHECKS + "/3101").then().statusCode(200)
                .body("output.result.kp_id", not(hasItem("KP-T-DAY-1")));
        // on the same day (the second of March): one hit, that day's lines and the amount of that day's second level
        his().body(Messages.check().order("1", level1, "1", "28.00").last("drord_begn_date", "2025-03-02 08:00:00")
                        .order("2", level2, "1", "18.00").last("drord_begn_date", "2025-03-01 10:00:00")
                        .order("3", level2, "1", "18.00").last("drord_begn_date", "2025-03-02 20:00:00").build())
                .when().post(CHECKS + "/3101").then().statusCode(200)
                .body("output.result.findAll { it.kp_id == 'KP-T-DAY-1' }.size()", equalTo(1))
                .body("output.result.find { it.kp_id == 'KP-T-DAY-1' }.vola_amt", equalTo(18.0f))
                .body("output.result.find { it.kp_id == 'KP-T-DAY-1' }.judge_result_detail_dtos.rx_id",
                        org.hamcrest.Matchers.containsInAnyOrder("3", "1"));
    }

    @Test
    void theDoctorsDispositionIsRecordedAndAudited() {
        String jrId = his().body(Messages.check().order("1", "XG03CAZ001A001010100001", "1", "2").build())
                .when().post(CHECKS + "/3101").then().statusCode(200).extract().path("output.result[0].jr_id");
        Map<String, Object> feedback = Map.of("infno", "3103", "fixmedins_code", Messages.INSTITUTION,
                "input", Map.of("data", Map.of("warn_type", "1", "warns",
                        List.of(Map.of("warn_rslt_id", jrId, "dspo_way", "1", "dspo_way_rea", "患者自述为代家属取药")))));
        his().body(feedback).when().post(CHECKS + "/3103")
                .then().statusCode(200).body("infcode", equalTo(0)).body("output.recorded", equalTo(1));
        assertThat(Db.query("SELECT dspo_way, dspo_way_rea FROM check_feedback WHERE jr_id = ?", jrId))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("dspo_way")).isEqualTo("1");
                    assertThat(r.get("dspo_way_rea")).isEqualTo("患者自述为代家属取药");
                });
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE action = 'check.feedback' AND entity_id = ?"
                + " AND actor_username = 'service-account-his-h34110200001'", jrId)).isEqualTo(1);
    }

    @Test
    void feedbackWithoutAReasonToContinueOrOnAnUnknownWarningIsRefusedWhole() {
        Map<String, Object> noReason = Map.of("infno", "3103", "fixmedins_code", Messages.INSTITUTION,
                "input", Map.of("data", Map.of("warn_type", "1", "warns", List.of(Map.of("warn_rslt_id", "JR1", "dspo_way", "1")))));
        his().body(noReason).when().post(CHECKS + "/3103")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("input.data.warns[0].dspo_way_rea"));
        Map<String, Object> unknown = Map.of("infno", "3103", "fixmedins_code", Messages.INSTITUTION,
                "input", Map.of("data", Map.of("warn_type", "2", "warns", List.of(Map.of("warn_rslt_id", "JR-nope", "dspo_way", "2")))));
        his().body(unknown).when().post(CHECKS + "/3103")
                .then().statusCode(400).body("errors.field", hasItem("input.data.warns[0].warn_rslt_id"));
        assertThat(Db.count("SELECT count(*) FROM check_feedback WHERE jr_id IN ('JR1', 'JR-nope')")).isZero();
    }
}
