package org.fundguard.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fundguard.contracts.EventSchemas;
import org.fundguard.testsupport.TestStack;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A suspect from screening to decision through the gateway with real tokens: claims loaded and screened by a Chuzhou
 * auditor, the job listed and its finding looked up by visit, the case with its visit, patient and fee line, first
 * review (the case then free for another auditor), second review by another auditor (the same one refused), the
 * institution's view and appeal through its system account with a document both sides download, investigation with the
 * answer to the appeal, the draft decision with its fine as the institution sees it, the statement, a heavier final
 * decision refused, the final decision — and violation.decided.v1 on Kafka, valid against its schema; statistics by the
 * claims' settlement period. Huaibei's auditor sees none of it.
 */
class ReviewJourneyTest {

    private static final String API = "/api/monitoring/v1";
    private static Suite suite;

    @BeforeAll
    static void start() {
        suite = Suite.shared();
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.user("anhui-rule-manager"))
                .get(suite.monitoringUrl() + API + "/rule-set").then().extract().<Integer>path("knowledgePoints") > 0);
    }

    private static RequestSpecification as(String user) {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.user(user));
    }

    private static RequestSpecification his() {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(Tokens.client("his-h34110200001", "dev-his-secret"))
                .contentType(ContentType.JSON);
    }

    private static String step(String user, String id, String step, Object body, int status) {
        return as(user).contentType(ContentType.JSON).body(body).when().post(API + "/reviews/" + id + "/" + step).then()
                .statusCode(status).extract().asString();
    }

    @Test
    void aSuspectFromScreeningToDecisionWithTheEventOnKafka() throws Exception {
        String mdtrt = "E2E-RV-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("fixmedins_code", "H34110200001");
        visit.put("fixmedins_name", "滁州市第一人民医院");
        visit.put("mdtrtarea_admvs", "341102");
        visit.put("hosp_lv", "03");
        visit.put("baseinfo", Map.of("psn_no", "E2E-P-" + mdtrt, "gend", "1", "brdy", "1970-01-01"));
        visit.put("mdtrtinfo", Map.of("mdtrt_id", mdtrt, "psn_no", "E2E-P-" + mdtrt, "med_type", "11", "insutype", "310",
                "begntime", "2025-08-08 09:00:00"));
        visit.put("diseinfo", List.of());
        // a man given a drug the sample knowledge restricts to women (KP-SEX-0001): a suspect
        visit.put("feedetail", List.of(Map.of("feedetl_sn", "1", "fee_ocur_time", "2025-08-08 09:10:00",
                "med_list_codg", "XG03CAZ001A001010100001", "det_item_fee_sumamt", "88.00", "cnt", "1", "pric", "88.00",
                "bilg_dr_codg", "D341100000001", "list_type", "101")));
        visit.put("setlinfo", List.of(Map.of("setl_id", "S-" + mdtrt, "mdtrt_id", mdtrt, "psn_no", "E2E-P-" + mdtrt,
                "setl_time", "2025-08-08 11:00:00", "medfee_sumamt", "88.00")));
        as("chuzhou-auditor").contentType("application/x-ndjson")
                .body((new ObjectMapper().writeValueAsString(visit) + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/claims/imports").then().statusCode(200).body("visitsStored", equalTo(1));
        String job = as("chuzhou-auditor").contentType(ContentType.JSON)
                .body(Map.of("region", "341100", "from", "2025-08-08", "to", "2025-08-08"))
                .when().post(API + "/screenings").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(as("chuzhou-auditor").get(API + "/screenings/" + job)
                .then().statusCode(200).extract().path("status")));

        // the job is listed; its finding is looked up by the visit, the institution and the job
        as("chuzhou-auditor").queryParam("size", 200).when().get(API + "/screenings").then().statusCode(200)
                .body("items.id", hasItem(job));
        String finding = as("chuzhou-auditor").queryParam("jobId", job).queryParam("mdtrtId", mdtrt)
                .queryParam("fixmedinsCode", "H34110200001").when().get(API + "/findings").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].mdtrtId", equalTo(mdtrt)).extract().path("items[0].id");
        String id = as("chuzhou-auditor").queryParam("status", "FIRST_REVIEW").queryParam("size", 200).when().get(API + "/reviews")
                .then().statusCode(200).extract().path("items.find { it.findingId == '" + finding + "' }.id");
        assertThat(id).isNotNull();
        as("huaibei-auditor").when().get(API + "/reviews/" + id).then().statusCode(404);
        as("huaibei-auditor").queryParam("size", 200).when().get(API + "/reviews").then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        // the auditor's case: the visit, the patient, the fee line involved, the rule, its reason and amount
        as("chuzhou-auditor").when().get(API + "/reviews/" + id).then().statusCode(200)
                .body("amount", equalTo(88.0f)).body("finding.mdtrtId", equalTo(mdtrt)).body("finding.reason", notNullValue())
                .body("visit.patient.psnNo", equalTo("E2E-P-" + mdtrt)).body("visit.settledAt", equalTo("2025-08-08T11:00:00"))
                .body("visit.feeLines[0].hilistCode", equalTo("XG03CAZ001A001010100001"));

        // one vocabulary: the error lists it
        as("chuzhou-auditor").contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRM", "reason", "x"))
                .when().post(API + "/reviews/" + id + "/first-review").then().statusCode(400)
                .body("errors[0].message", equalTo("must be one of CONFIRMED, DISMISSED"));
        step("chuzhou-auditor", id, "assignment", Map.of("assignee", "chuzhou-auditor"), 200);
        step("chuzhou-auditor", id, "first-review", Map.of("outcome", "CONFIRMED", "reason", "男性使用限女性药品"), 200);
        // after the first review the case is free for a second reviewer, never the first
        as("chuzhou-auditor").when().get(API + "/reviews/" + id).then().body("assignee", nullValue());
        step("chuzhou-auditor-2", id, "assignment", Map.of("assignee", "chuzhou-auditor"), 403);
        step("chuzhou-auditor", id, "second-review", Map.of("outcome", "CONFIRMED", "reason", "同一人复审"), 403);
        step("chuzhou-auditor-2", id, "second-review", Map.of("outcome", "CONFIRMED", "reason", "复审确认"), 200);

        // the institution sees what it is asked to answer, appeals with a document both sides can download
        his().when().get(API + "/institution/reviews/" + id).then().statusCode(200).body("mdtrtId", equalTo(mdtrt))
                .body("reason", notNullValue()).body("amount", equalTo(88.0f)).body("status", equalTo("APPEAL_OPEN"));
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String doc = his().body(Map.of("statement", "申诉：处方有误，附说明", "documents", List.of(Map.of("name", "说明.pdf",
                        "mediaType", "application/pdf", "contentBase64", Base64.getEncoder().encodeToString(pdf)))))
                .when().post(API + "/institution/reviews/" + id + "/appeal").then().statusCode(200)
                .body("status", equalTo("INVESTIGATION")).extract().path("appealDocuments[0].id");
        assertThat(as("chuzhou-auditor").when().get(API + "/reviews/" + id + "/documents/" + doc).then().statusCode(200)
                .contentType("application/pdf").header("Cache-Control", equalTo("no-store"))
                .header("Content-Disposition", startsWith("attachment; filename=")).extract().asByteArray()).isEqualTo(pdf);
        assertThat(his().when().get(API + "/institution/reviews/" + id + "/documents/" + doc).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(pdf);
        as("huaibei-auditor").when().get(API + "/reviews/" + id + "/documents/" + doc).then().statusCode(404);

        step("chuzhou-auditor", id, "investigation", Map.of("outcome", "CONFIRMED", "fundLoss", "88.00", "note", "内部：已核对处方",
                "appealAnswer", "申诉理由不成立：处方无更正记录"), 200);
        his().when().get(API + "/institution/reviews/" + id).then().statusCode(200)
                .body("appealAnswer", equalTo("申诉理由不成立：处方无更正记录"));
        step("chuzhou-auditor", id, "decision", Map.of("institutionName", "滁州市第一人民医院",
                "decision", Map.of("decisionType", "ADMINISTRATIVE_PENALTY", "legalBasis", Map.of("article", "REGULATION_ART_38"),
                        "conduct", "MISUSE", "violationTypes", List.of("超限定性别用药"), "fineMultiple", "1",
                        "publicOfficialInvolved", false),
                "responsiblePersons", List.of(Map.of("nationalCode", "D341100000001", "personType", "DOCTOR",
                        "responsibilityLevel", "PRINCIPAL"))), 200);
        // the institution sees the draft with its fine
        his().when().get(API + "/institution/reviews/" + id).then().statusCode(200).body("fineAmount", equalTo(88.0f))
                .body("decision.decision.fineMultiple", equalTo("1"));
        // the statement from a person at the hospital's medical-insurance office, signed in as a user
        as("h34110200001-staff").contentType(ContentType.JSON).body(Map.of("statement", "无异议"))
                .when().post(API + "/institution/reviews/" + id + "/statement").then().statusCode(200);
        // a final decision heavier than the draft heard is refused, naming the field
        as("chuzhou-auditor").contentType(ContentType.JSON).body(Map.of("revised", Map.of("institutionName", "滁州市第一人民医院",
                        "decision", Map.of("decisionType", "ADMINISTRATIVE_PENALTY", "legalBasis", Map.of("article", "REGULATION_ART_38"),
                                "conduct", "MISUSE", "violationTypes", List.of("超限定性别用药"), "fineMultiple", "2",
                                "publicOfficialInvolved", false))))
                .when().post(API + "/reviews/" + id + "/final-decision").then().statusCode(400)
                .body("errors.field", hasItem("revised.decision.fineMultiple"));
        String decisionId = as("chuzhou-auditor").contentType(ContentType.JSON).body(Map.of())
                .when().post(API + "/reviews/" + id + "/final-decision").then().statusCode(200)
                .body("status", equalTo("DECIDED")).extract().path("decisionId");

        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().url(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("fundguard.monitoring"));
            String found = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    if (decisionId.equals(r.key())) {
                        assertThat(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                                .isEqualTo("violation.decided.v1");
                        found = r.value();
                    }
                }
            }
            assertThat(found).as("violation.decided.v1 on fundguard.monitoring").isNotNull();
            EventSchemas.assertValid("violation.decided.v1", found);
            var event = new ObjectMapper().readTree(found);
            assertThat(event.path("source").asText()).isEqualTo("MONITORING");
            assertThat(event.path("sourceRef").asText()).isEqualTo(finding);
            assertThat(event.path("fineAmount").asText()).isEqualTo("88.00");
            assertThat(found).as("no patient in the event").doesNotContain("E2E-P-");
        }

        // statistics by the claims' settlement period: the decided case in August 2025, whenever it was found
        var stats = as("chuzhou-analyst").queryParam("claimPeriodFrom", "2025-08-08").queryParam("claimPeriodTo", "2025-08-08")
                .when().get(API + "/statistics").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("decided")).isGreaterThanOrEqualTo(1);
        assertThat(stats.getList("rows.month", String.class)).containsOnly("2025-08");
    }

    @Test
    void theDemoDataComesScreenedWithCasesToReview() {
        // the journeys here are Chuzhou's; Huaibei's findings and cases come from the demo claims screened at start
        await().atMost(Duration.ofSeconds(90)).until(() -> as("huaibei-auditor").queryParam("size", 1).when().get(API + "/reviews")
                .then().statusCode(200).extract().<Integer>path("totalItems") > 0);
        assertThat(as("huaibei-auditor").queryParam("size", 1).when().get(API + "/findings").then().statusCode(200)
                .extract().<Integer>path("totalItems")).isPositive();
    }
}
