package org.fundguard.monitoring.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import org.fundguard.monitoring.Db;
import org.fundguard.monitoring.generator.GeneratorConfig;
import org.fundguard.monitoring.generator.GeneratorMain;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fundguard.monitoring.Messages.PROBLEM;
import static org.fundguard.monitoring.Messages.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

/** Batch screening for auditors: claims loaded in both dialects, jobs by region, period and rule-set version, findings. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
public class ScreeningResourceTest {

    public static final String API = "/api/monitoring/v1";
    /** KP-SEX-0001 of the sample knowledge: for women only. */
    public static final String WOMEN_ONLY = "XG03CAZ001A001010100001";
    static final ObjectMapper JSON = new ObjectMapper();

    public static String visit(String mdtrtId, String psnNo, String gend, String admdvs, String code, String pric) throws Exception {
        return visit(mdtrtId, psnNo, gend, admdvs, code, pric, "2025-05-10", "310");
    }

    public static String visit(String mdtrtId, String psnNo, String gend, String admdvs, String code, String pric, String day,
                        String insutype) throws Exception {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("fixmedins_code", admdvs.startsWith("3411") ? "H34110200001" : "H34060200007");
        v.put("fixmedins_name", "测试医院");
        v.put("mdtrtarea_admvs", admdvs);
        v.put("hosp_lv", "03");
        v.put("baseinfo", Map.of("psn_no", psnNo, "gend", gend, "brdy", "1970-01-01"));
        v.put("mdtrtinfo", Map.of("mdtrt_id", mdtrtId, "psn_no", psnNo, "med_type", "11", "insutype", insutype,
                "begntime", day + " 09:00:00"));
        v.put("diseinfo", List.of());
        v.put("feedetail", List.of(Map.of("feedetl_sn", "1", "fee_ocur_time", day + " 09:10:00", "med_list_codg", code,
                "det_item_fee_sumamt", pric, "cnt", "1", "pric", pric, "bilg_dr_codg", "D341100000001", "list_type", "101")));
        return JSON.writeValueAsString(v);
    }

    static io.restassured.response.ValidatableResponse loadJsonLines(String user, String body) {
        return as(user).contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post(API + "/claims/imports").then();
    }

    static io.restassured.response.ValidatableResponse loadJsonLines(String user, String source, String body) {
        return as(user).contentType("application/x-ndjson").queryParam("source", source)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post(API + "/claims/imports").then();
    }

    public static Map<String, Object> finished(String user, String jobId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"RUNNING".equals(as(user).when().get(API + "/screenings/" + jobId).then().statusCode(200).extract().path("status")));
        return as(user).when().get(API + "/screenings/" + jobId).then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void auditorLoadsScreensWithAChosenRuleSetAndFindsEachViolationOnce() throws Exception {
        String lines = visit("SCR-M1", "SCR-P1", "1", "341102", WOMEN_ONLY, "30.00") + "\n"      // a man, women-only drug
                + visit("SCR-F1", "SCR-P2", "2", "341102", "00120000SCRN01", "20.00") + "\n"  // clean until a cap is set
                + visit("SCR-H1", "SCR-P3", "1", "340602", WOMEN_ONLY, "30.00") + "\n"        // Huaibei: not Chuzhou's to load
                + "{\"fixmedins_code\": \n";                                                  // not JSON
        loadJsonLines("chuzhou-auditor", lines).statusCode(200).contentType(ContentType.JSON)
                .body("visitsStored", equalTo(2)).body("linesStored", equalTo(2)).body("outsideRegion", equalTo(1))
                .body("rowsRejected", equalTo(1)).body("errors[0].line", equalTo(4));
        assertThat(Db.count("SELECT count(*) FROM claim_visit WHERE mdtrt_id LIKE 'SCR-%'")).isEqualTo(2);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE action = 'claims.loaded' AND actor_username = 'chuzhou-auditor'"))
                .isGreaterThanOrEqualTo(1);

        // screened with rule-set version 1 (the sample knowledge as first imported): the women-only drug
        String first = as("chuzhou-auditor").contentType(ContentType.JSON)
                .body(Map.of("region", "341100", "from", "2025-05-01", "to", "2025-05-31", "ruleSetVersion", 1))
                .when().post(API + "/screenings").then().statusCode(202).body("status", equalTo("RUNNING"))
                .body("ruleSetVersion", equalTo("1")).extract().path("id");
        Map<String, Object> job = finished("chuzhou-auditor", first);
        assertThat(job).containsEntry("status", "DONE").containsEntry("claims", 2).containsEntry("newFindings", 1);
        as("chuzhou-auditor").queryParam("jobId", first).when().get(API + "/findings").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].mdtrtId", equalTo("SCR-M1"))
                .body("items[0].ruleCode", equalTo("GZ10000301004000")).body("items[0].knowledgePointId", equalTo("KP-SEX-0001"))
                .body("items[0].admdvs", equalTo("341102"));

        // Chuzhou sets a price cap for the second visit's item; the rule set in use now has it, version 1 does not
        KnowledgeResourceTest.importCsv("chuzhou-rule-manager", KnowledgeResourceTest.HEADER
                + "GZ10000102001000,KP-T-SCR-1,1,2025-01-01,341100,00120000SCRN01,滁州限价,15.00\n").statusCode(200)
                .body("accepted", equalTo(1));
        String second = as("chuzhou-auditor").contentType(ContentType.JSON)
                .body(Map.of("region", "341100", "from", "2025-05-01", "to", "2025-05-31"))
                .when().post(API + "/screenings").then().statusCode(202).extract().path("id");
        Map<String, Object> again = finished("chuzhou-auditor", second);
        assertThat(again).containsEntry("status", "DONE").containsEntry("hits", 2)
                .as("the women-only finding is not stored twice").containsEntry("newFindings", 1);
        as("chuzhou-auditor").queryParam("jobId", second).when().get(API + "/findings").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].mdtrtId", equalTo("SCR-F1"))
                .body("items[0].knowledgePointId", equalTo("KP-T-SCR-1")).body("items[0].amount", equalTo(5.0f));
        assertThat(Db.count("SELECT count(*) FROM finding WHERE mdtrt_id LIKE 'SCR-%'")).isEqualTo(2);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action IN ('screening.started', 'screening.done')",
                second)).isEqualTo(2);

        // the province's analyst reads them; Huaibei's auditor neither sees the job nor its findings
        as("anhui-analyst").when().get(API + "/screenings/" + first).then().statusCode(200);
        as("huaibei-auditor").when().get(API + "/screenings/" + first).then().statusCode(404).contentType(PROBLEM);
        as("huaibei-auditor").queryParam("jobId", first).when().get(API + "/findings").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void aHuaibeiLoadOfAChuzhouMdtrtIdChangesNothingOfChuzhousVisitAndReportsTheClash() throws Exception {
        loadJsonLines("chuzhou-auditor", "chuzhou-may.jsonl", visit("CLASH-1", "CLASH-P1", "1", "341102", WOMEN_ONLY, "30.00", "2025-07-15", "310") + "\n")
                .statusCode(200).body("visitsStored", equalTo(1)).body("otherRegionClashes", equalTo(0));
        Map<String, Object> before = Db.query("SELECT admdvs, psn_no, body::text AS body, load_id::text AS load_id, loaded_at::text AS at "
                + "FROM claim_visit WHERE mdtrt_id = 'CLASH-1'").get(0);

        // Huaibei's auditor loads a Huaibei visit that carries Chuzhou's mdtrt_id, and one of its own
        loadJsonLines("huaibei-auditor", "huaibei-may.jsonl",
                visit("CLASH-1", "CLASH-P9", "2", "340602", "00120000SCRN01", "20.00", "2025-07-15", "310") + "\n"
                        + visit("CLASH-H2", "CLASH-P8", "2", "340602", "00120000SCRN01", "20.00", "2025-07-15", "310") + "\n")
                .statusCode(200).body("visitsStored", equalTo(1)).body("linesStored", equalTo(1))
                .body("outsideRegion", equalTo(0)).body("otherRegionClashes", equalTo(1))
                .body("errors.size()", equalTo(1))
                .body("errors[0].file", equalTo("huaibei-may.jsonl")).body("errors[0].line", equalTo(1))
                .body("errors[0].field", equalTo("mdtrt_id"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("CLASH-1"));

        // nothing of Chuzhou's visit changed: region, patient, body (fee lines), load and time
        assertThat(Db.query("SELECT admdvs, psn_no, body::text AS body, load_id::text AS load_id, loaded_at::text AS at "
                + "FROM claim_visit WHERE mdtrt_id = 'CLASH-1'").get(0)).isEqualTo(before);
        assertThat(Db.count("SELECT count(*) FROM claim_visit WHERE mdtrt_id = 'CLASH-H2' AND admdvs = '340602'")).isEqualTo(1);
        // it is still in Chuzhou's screening and not in Huaibei's
        String job = as("chuzhou-auditor").contentType(ContentType.JSON)
                .body(Map.of("region", "341100", "from", "2025-07-15", "to", "2025-07-15"))
                .when().post(API + "/screenings").then().statusCode(202).extract().path("id");
        assertThat(finished("chuzhou-auditor", job)).containsEntry("status", "DONE");
        assertThat(Db.count("SELECT count(*) FROM finding WHERE mdtrt_id = 'CLASH-1' AND admdvs = '341102'")).isEqualTo(1);
        // the load is audited with the clash
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE action = 'claims.loaded' AND actor_username = 'huaibei-auditor' "
                + "AND after_state->>'otherRegionClashes' = '1' AND after_state->>'source' = 'huaibei-may.jsonl' "
                + "AND after_state->'clashingMdtrtIds' @> '[\"CLASH-1\"]'")).isEqualTo(1);

        // Chuzhou itself may replace its visit (a corrected file), and the province, which sees its cities, may too
        loadJsonLines("chuzhou-auditor", visit("CLASH-1", "CLASH-P1", "1", "341103", WOMEN_ONLY, "31.00", "2025-07-15", "310") + "\n")
                .statusCode(200).body("visitsStored", equalTo(1)).body("otherRegionClashes", equalTo(0));
        assertThat(Db.count("SELECT count(*) FROM claim_visit WHERE mdtrt_id = 'CLASH-1' AND admdvs = '341103'")).isEqualTo(1);
        loadJsonLines("anhui-auditor", visit("CLASH-1", "CLASH-P1", "1", "341102", WOMEN_ONLY, "30.00", "2025-07-15", "310") + "\n")
                .statusCode(200).body("visitsStored", equalTo(1)).body("otherRegionClashes", equalTo(0));
        assertThat(Db.count("SELECT count(*) FROM claim_visit WHERE mdtrt_id = 'CLASH-1' AND admdvs = '341102'")).isEqualTo(1);
    }

    @Test
    void aJobOutsideTheCallersRegionOrWithBadFieldsIsRefused() {
        as("huaibei-auditor").contentType(ContentType.JSON).body(Map.of("region", "341100", "from", "2025-05-01", "to", "2025-05-31"))
                .when().post(API + "/screenings").then().statusCode(403).contentType(PROBLEM);
        as("chuzhou-auditor").contentType(ContentType.JSON).body(Map.of("region", "3411", "from", "2025-05-01", "to", "2025-05-31"))
                .when().post(API + "/screenings").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("region"));
        as("chuzhou-auditor").contentType(ContentType.JSON).body(Map.of("region", "341100", "from", "2025-05-31", "to", "2025-05-01"))
                .when().post(API + "/screenings").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("to"));
        as("chuzhou-auditor").contentType(ContentType.JSON)
                .body(Map.of("region", "341100", "from", "2025-05-01", "to", "2025-05-31", "ruleSetVersion", 100000))
                .when().post(API + "/screenings").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("ruleSetVersion"));
        as("chuzhou-report-handler").contentType("application/x-ndjson").body(new byte[0])
                .when().post(API + "/claims/imports").then().statusCode(403).contentType(PROBLEM);
        assertThat(Db.count("SELECT count(*) FROM screening_job WHERE started_by = 'huaibei-auditor' AND region = '341100'")).isZero();
    }

    @Test
    void theWarehouseDialectLoadsAsThreeCsvParts(@TempDir Path dir) throws Exception {
        GeneratorMain.generate(GeneratorConfig.of(7, 40).withViolationRate(0.2), dir, "csv");
        long before = Db.count("SELECT count(*) FROM claim_visit");
        RestAssuredConfig utf8 = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"));
        as("anhui-auditor").config(utf8).contentType("multipart/form-data")
                .multiPart("mdtrt_d", dir.resolve("mdtrt_d.csv").toFile(), "text/csv")
                .multiPart("setl_d", dir.resolve("setl_d.csv").toFile(), "text/csv")
                .multiPart("fee_list_d", dir.resolve("fee_list_d.csv").toFile(), "text/csv")
                .when().post(API + "/claims/imports").then().statusCode(200)
                .body("visitsStored", greaterThan(0)).body("outsideRegion", equalTo(0)).body("rowsRejected", equalTo(0))
                .body("fileErrors.size()", equalTo(0));
        assertThat(Db.count("SELECT count(*) FROM claim_visit")).isGreaterThan(before);

        as("anhui-auditor").contentType("multipart/form-data")
                .multiPart("mdtrt_d", dir.resolve("mdtrt_d.csv").toFile(), "text/csv")
                .when().post(API + "/claims/imports").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("setl_d"));
    }

    @Test
    void warehouseErrorsNameThePartAndAMissingColumnIsA400(@TempDir Path dir) throws Exception {
        GeneratorMain.generate(GeneratorConfig.of(11, 5), dir, "csv");
        RestAssuredConfig utf8 = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"));
        // a fee line without its mdtrt_id: a row error of fee_list_d, not of a temporary upload file
        Path fees = dir.resolve("fee_list_d.csv");
        String header = java.nio.file.Files.readAllLines(fees).get(0);
        java.nio.file.Files.writeString(fees, ",".repeat(header.split(",", -1).length - 1) + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        as("anhui-auditor").config(utf8).contentType("multipart/form-data").queryParam("source", "anhui-2025-05")
                .multiPart("mdtrt_d", dir.resolve("mdtrt_d.csv").toFile(), "text/csv")
                .multiPart("setl_d", dir.resolve("setl_d.csv").toFile(), "text/csv")
                .multiPart("fee_list_d", fees.toFile(), "text/csv")
                .when().post(API + "/claims/imports").then().statusCode(200)
                .body("rowsRejected", greaterThan(0)).body("errors.file", hasItem("fee_list_d"))
                .body("errors.file", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.oneOf("mdtrt_d", "setl_d", "fee_list_d")));

        // fee_ocur_time renamed in the header: the load is refused as a whole, naming the part and the column
        String csv = java.nio.file.Files.readString(fees);
        java.nio.file.Files.writeString(fees, csv.replaceFirst("fee_ocur_time", "fee_time"));
        long before = Db.count("SELECT count(*) FROM claim_visit");
        long audited = Db.count("SELECT count(*) FROM audit_log WHERE action = 'claims.loaded'");
        as("anhui-auditor").config(utf8).contentType("multipart/form-data")
                .multiPart("mdtrt_d", dir.resolve("mdtrt_d.csv").toFile(), "text/csv")
                .multiPart("setl_d", dir.resolve("setl_d.csv").toFile(), "text/csv")
                .multiPart("fee_list_d", fees.toFile(), "text/csv")
                .when().post(API + "/claims/imports").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("fee_list_d"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("fee_ocur_time"));
        assertThat(Db.count("SELECT count(*) FROM claim_visit")).isEqualTo(before);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE action = 'claims.loaded'")).isEqualTo(audited);
    }
}
