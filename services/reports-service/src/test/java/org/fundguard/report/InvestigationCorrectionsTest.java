package org.fundguard.report;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.report.Fixtures.PROBLEM;
import static org.fundguard.report.Fixtures.PUBLIC;
import static org.fundguard.report.Fixtures.REPORTS;
import static org.fundguard.report.Fixtures.SECRET;
import static org.fundguard.report.Fixtures.VALID_ID;
import static org.fundguard.report.Fixtures.accept;
import static org.fundguard.report.Fixtures.as;
import static org.fundguard.report.Fixtures.decide;
import static org.fundguard.report.Fixtures.publicReport;
import static org.fundguard.report.Fixtures.realName;
import static org.fundguard.report.Fixtures.submit;
import static org.fundguard.report.Fixtures.verification;
import static org.fundguard.report.Fixtures.verify;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** What a first API user stumbled over during handling: corrections while investigating, and clear refusals. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class InvestigationCorrectionsTest {

    private static String phoneReport(String conduct) {
        return as("chuzhou-report-handler").contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "region", "341100", "conduct", conduct, "wantsReward", true,
                        "institution", Map.of("code", "H34110200001", "name", "滁州市第一人民医院")))
                .when().post(REPORTS).then().statusCode(201).extract().path("id");
    }

    @Test
    void theInsiderFlagIsCorrectedDuringInvestigationAndAudited() {
        String id = phoneReport("内部人员举报，受理后才知道 " + UUID.randomUUID());
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id).then().statusCode(200).body("insider", equalTo(false));
        // not before the report is being investigated
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("insider", true))
                .when().post(REPORTS + "/" + id + "/insider").then().statusCode(409).contentType(PROBLEM);
        accept("chuzhou-report-handler", id);
        as("huaibei-report-handler").contentType(ContentType.JSON).body(Map.of("insider", true))
                .when().post(REPORTS + "/" + id + "/insider").then().statusCode(404);
        as("chuzhou-analyst").contentType(ContentType.JSON).body(Map.of("insider", true))
                .when().post(REPORTS + "/" + id + "/insider").then().statusCode(403);
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of())
                .when().post(REPORTS + "/" + id + "/insider").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("insider"));
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("insider", true))
                .when().post(REPORTS + "/" + id + "/insider").then().statusCode(200).body("insider", equalTo(true));
        List<Map<String, Object>> audit = Db.query("SELECT actor_username, before_state::text AS b, after_state::text AS a "
                + "FROM audit_log WHERE entity_id = ? AND action = 'report.insider-set'", id);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actor_username")).isEqualTo("chuzhou-report-handler");
        assertThat(audit.get(0).get("b").toString()).contains("\"insider\": false");
        assertThat(audit.get(0).get("a").toString()).contains("\"insider\": true");

        // the uplift follows: seed 004, 3% of 10,000 = 300, +20% for an insider = 360
        verify("chuzhou-report-handler-2", id, "10000.00");
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id + "/reward").then().statusCode(200)
                .body("quote.amount", equalTo(360.00f));
        // once verified, the flag is part of the outcome and no longer corrected here
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("insider", false))
                .when().post(REPORTS + "/" + id + "/insider").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void verifyingTakesTheReportsInstitutionUnlessAnotherIsGivenWhichIsAudited() {
        String same = phoneReport("核实时不再重复填写机构 " + UUID.randomUUID());
        accept("chuzhou-report-handler", same);
        Map<String, Object> noInstitution = new HashMap<>(verification("20000.00"));
        noInstitution.remove("institution");
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(noInstitution)
                .when().post(REPORTS + "/" + same + "/investigation").then().statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("institutionCode", equalTo("H34110200001"))
                .body("institutionName", equalTo("滁州市第一人民医院"));

        String other = phoneReport("核实发现是另一家机构 " + UUID.randomUUID());
        accept("chuzhou-report-handler", other);
        Map<String, Object> otherInstitution = new HashMap<>(verification("20000.00"));
        otherInstitution.put("institution", Map.of("code", "H34110200099", "name", "滁州某民营医院"));
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(otherInstitution)
                .when().post(REPORTS + "/" + other + "/investigation").then().statusCode(200)
                .body("institutionCode", equalTo("H34110200099"))
                .body("institutionName", equalTo("滁州某民营医院"));
        Map<String, Object> audit = Db.query("SELECT before_state::text AS b, after_state::text AS a FROM audit_log "
                + "WHERE entity_id = ? AND action = 'report.verified'", other).get(0);
        assertThat(audit.get("b").toString()).contains("H34110200001");
        assertThat(audit.get("a").toString()).contains("H34110200099").contains("滁州某民营医院");

        // a report naming only persons still needs the institution at verification
        String[] persons = submit(new HashMap<>(Map.of("region", "341100", "conduct", "只举报了个人 " + UUID.randomUUID(),
                "persons", "张某", "wantsReward", true)));
        String personsId = Db.idOfReceipt(persons[0]);
        accept("chuzhou-report-handler", personsId);
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(noInstitution)
                .when().post(REPORTS + "/" + personsId + "/investigation").then().statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("institution"));
    }

    @Test
    void aVerificationWithoutTheRewardChecklistIsRefusedNamingIt() {
        String id = phoneReport("核实时漏填奖励核查项 " + UUID.randomUUID());
        accept("chuzhou-report-handler", id);
        Map<String, Object> noChecks = new HashMap<>(verification("30000.00"));
        noChecks.remove("rewardChecks");
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(noChecks)
                .when().post(REPORTS + "/" + id + "/investigation").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("rewardChecks"));
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id).then().body("status", equalTo("ACCEPTED"));
        // an unfounded outcome has no reward to check
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("outcome", "UNFOUNDED"))
                .when().post(REPORTS + "/" + id + "/investigation").then().statusCode(200).body("status", equalTo("UNFOUNDED"));
    }

    @Test
    void aReportIsAssignedOnlyToAReportHandlerOfItsRegion() {
        String id = phoneReport("指派给谁 " + UUID.randomUUID());
        accept("chuzhou-report-handler", id);
        // all of them have signed in to the service (the directory it keeps of report handlers)
        for (String user : List.of("chuzhou-report-handler-2", "huaibei-report-handler", "anhui-report-handler")) {
            as(user).when().get(REPORTS).then().statusCode(200);
        }
        as("chuzhou-auditor").when().get(REPORTS).then().statusCode(403);
        for (String nobody : List.of("huaibei-report-handler", "chuzhou-auditor", "no-such-user-" + UUID.randomUUID())) {
            as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("handler", nobody))
                    .when().post(REPORTS + "/" + id + "/assignment").then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("handler"));
        }
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id).then().body("assignedTo", equalTo(null));
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("handler", "chuzhou-report-handler-2"))
                .when().post(REPORTS + "/" + id + "/assignment").then().statusCode(200)
                .body("assignedTo", equalTo("chuzhou-report-handler-2"));
        // the province's handlers handle the reports of its cities too (以上查下)
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("handler", "anhui-report-handler"))
                .when().post(REPORTS + "/" + id + "/assignment").then().statusCode(200)
                .body("assignedTo", equalTo("anhui-report-handler"));
    }

    @Test
    void aMoneyValueWithThreeDecimalsIsRefusedInPlainWords() {
        String id = phoneReport("案值多了一位小数 " + UUID.randomUUID());
        accept("chuzhou-report-handler", id);
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(verification("100.123"))
                .when().post(REPORTS + "/" + id + "/investigation").then().statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == 'caseValue' }.message", containsString("at most two decimal places"));
        as("chuzhou-reward-approver").contentType(ContentType.JSON)
                .body(Map.of("shares", List.of(Map.of("reportId", UUID.randomUUID().toString(), "amount", "10.001"))))
                .when().post(REPORTS + "/" + UUID.randomUUID() + "/reward/approval").then().statusCode(400).contentType(PROBLEM)
                .body("errors.find { it.field == 'shares[0].amount' }.message", containsString("at most two decimal places"));
    }

    @Test
    void aRewardClaimMustMatchTheReportersNameAsWellAsTheIdNumber() {
        String[] receipt = submit(realName(publicReport("341100", "实名举报，领奖核对姓名 " + UUID.randomUUID()), VALID_ID));
        String id = Db.idOfReceipt(receipt[0]);
        accept("chuzhou-report-handler", id);
        verify("chuzhou-report-handler-2", id, "20000.00");
        decide("chuzhou-report-handler", id);
        as("chuzhou-reward-approver").when().post(REPORTS + "/" + id + "/reward/approval").then().statusCode(200);

        var wrongName = given().header(SECRET, receipt[1]).contentType(ContentType.JSON)
                .body(Map.of("name", "李四", "idNumber", VALID_ID, "phone", "13800138000"))
                .when().post(PUBLIC + "/receipts/" + receipt[0] + "/reward-claim")
                .then().statusCode(422).contentType(PROBLEM).extract();
        var wrongId = given().header(SECRET, receipt[1]).contentType(ContentType.JSON)
                .body(Map.of("name", "王小明", "idNumber", "11010519491231003X", "phone", "13800138000"))
                .when().post(PUBLIC + "/receipts/" + receipt[0] + "/reward-claim")
                .then().statusCode(422).contentType(PROBLEM).extract();
        // the same answer for either mismatch: nothing says which part was wrong, nor echoes anything personal
        assertThat(wrongName.jsonPath().getString("detail")).isEqualTo(wrongId.jsonPath().getString("detail"));
        for (String body : List.of(wrongName.asString(), wrongId.asString())) {
            assertThat(body).doesNotContain("李四").doesNotContain("王小明").doesNotContain(VALID_ID)
                    .doesNotContain("name").doesNotContain("idNumber").doesNotContain("errors");
        }
        given().header(SECRET, receipt[1]).when().get(PUBLIC + "/receipts/" + receipt[0]).then()
                .body("reward.status", equalTo("APPROVED"));
        // spacing around the name is not a mismatch
        given().header(SECRET, receipt[1]).contentType(ContentType.JSON)
                .body(Map.of("name", " 王小明 ", "idNumber", VALID_ID.toLowerCase(), "phone", "13800138000"))
                .when().post(PUBLIC + "/receipts/" + receipt[0] + "/reward-claim")
                .then().statusCode(200).body("reward.status", equalTo("CLAIMED"));
    }
}
