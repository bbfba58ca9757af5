package org.fundguard.e2e;

import io.restassured.http.ContentType;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The demo hospital system checks a prescription before it is given (3101 事前) through the gateway, with its own
 * client-credentials token, against the packaged monitoring-service and its demo knowledge base; the doctor's
 * disposition goes back as 3103.
 */
class PreSettlementCheckTest {

    private static Suite suite;

    @BeforeAll
    static void start() {
        suite = Suite.shared();
        // the demo knowledge base is imported at start
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.user("anhui-rule-manager"))
                .get(suite.monitoringUrl() + "/api/monitoring/v1/rule-set").then().extract().<Integer>path("knowledgePoints") > 0);
    }

    static Map<String, Object> message(String institution) {
        Map<String, Object> order = Map.ofEntries(Map.entry("rx_id", "1"), Map.entry("rxno", "RX1"), Map.entry("long_drord_flag", "0"),
                Map.entry("hilist_type", "101"), Map.entry("chrg_type", "09"), Map.entry("drord_bhvr", "0"),
                // a drug the national knowledge base restricts to women (KP-SEX-0001), prescribed to a man
                Map.entry("hilist_code", "XG03CAZ001A001010100001"), Map.entry("hilist_name", "某激素类药"),
                Map.entry("hosplist_code", "H-001"), Map.entry("cnt", 1), Map.entry("pric", 35.5), Map.entry("sumamt", 35.5),
                Map.entry("drord_dr_codg", "D341100000001"), Map.entry("curr_drord_flag", "1"));
        Map<String, Object> encounter = Map.ofEntries(Map.entry("mdtrt_id", "M2001668"), Map.entry("medins_id", institution),
                Map.entry("medins_name", "滁州市第一人民医院"), Map.entry("medins_admdvs", "341102"), Map.entry("medins_lv", "02"),
                Map.entry("adm_date", "2025-03-01 09:00:00"), Map.entry("dscg_date", "2025-03-01 10:00:00"),
                Map.entry("dscg_main_dise_codg", "I10.x00"), Map.entry("dr_codg", "D341100000001"),
                Map.entry("med_mdtrt_type", "1"), Map.entry("med_type", "11"), Map.entry("insutype", "310"),
                Map.entry("fsi_diagnose_dtos", List.of(Map.of("dise_id", "1", "maindise_flag", "1", "dise_codg", "I10.x00",
                        "dise_name", "原发性高血压"))),
                Map.entry("fsi_order_dtos", List.of(order)), Map.entry("fsi_operation_dtos", List.of()));
        Map<String, Object> patient = Map.of("patn_id", "P1058158", "patn_name", "张某", "gend", "1", "brdy", "1960-01-01",
                "poolarea", "341100", "curr_mdtrt_id", "M2001668", "fsi_encounter_dtos", List.of(encounter));
        return Map.ofEntries(Map.entry("infno", "3101"), Map.entry("msgid", institution + "202503010930000001"),
                Map.entry("mdtrtarea_admvs", "341100"), Map.entry("insuplc_admdvs", "341100"), Map.entry("recer_sys_code", "YBXT"),
                Map.entry("infver", "V1.0"), Map.entry("opter_type", "1"), Map.entry("opter", "D341100000001"),
                Map.entry("inf_time", "2025-03-01 09:30:00"), Map.entry("fixmedins_code", institution),
                Map.entry("input", Map.of("data", Map.of("syscode", "HIS", "task_id", "T-e2e-1", "trig_scen", "1",
                        "rule_ids", List.of(), "patient_dtos", List.of(patient)))));
    }

    @Test
    void theDemoHospitalChecksAPrescriptionThroughTheGatewayAndGetsViolations() {
        String token = Tokens.client("his-h34110200001", "dev-his-secret");
        String jrId = given().auth().oauth2(token).contentType(ContentType.JSON).body(message("H34110200001"))
                .when().post(suite.gatewayUrl() + "/api/monitoring/v1/checks/3101")
                .then().statusCode(200)
                .body("infcode", equalTo(0))
                .body("output.result.rule_id", hasItem("GZ10000301004000"))
                .body("output.result.find { it.rule_id == 'GZ10000301004000' }.judge_result_detail_dtos[0].rx_id", equalTo("1"))
                .extract().path("output.result[0].jr_id");
        assertThat(jrId).startsWith("JR");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("infno", "3103", "fixmedins_code", "H34110200001", "input", Map.of("data", Map.of("warn_type", "1",
                        "warns", List.of(Map.of("warn_rslt_id", jrId, "dspo_way", "2"))))))
                .when().post(suite.gatewayUrl() + "/api/monitoring/v1/checks/3103")
                .then().statusCode(200).body("output.recorded", equalTo(1));
    }

    @Test
    void anotherInstitutionsClaimIsRefusedThroughTheGateway() {
        given().auth().oauth2(Tokens.client("his-h34110200001", "dev-his-secret")).contentType(ContentType.JSON)
                .body(message("H34110200017"))
                .when().post(suite.gatewayUrl() + "/api/monitoring/v1/checks/3101")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
