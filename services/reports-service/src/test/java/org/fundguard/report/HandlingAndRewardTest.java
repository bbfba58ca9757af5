package org.fundguard.report;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fundguard.contracts.EventSchemas;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
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
import static org.fundguard.report.Fixtures.verify;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Staff handling through to the reward, with the rules on who may do what. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class HandlingAndRewardTest {

    @Test
    void aVerifiedReportEarnsTheRewardOfItsRegionsPolicyAndTheReporterClaimsIt() throws Exception {
        String[] receipt = submit(publicReport("341100", "挂床住院，奖励流程 " + UUID.randomUUID()));
        String id = Db.idOfReceipt(receipt[0]);
        accept("chuzhou-report-handler", id);
        // the second officer verifies; as a reward approver too, they still may not approve this reward
        verify("chuzhou-report-handler-2", id, "150000.00");
        decide("chuzhou-report-handler", id);

        as("chuzhou-reward-approver").when().get(REPORTS + "/" + id + "/reward").then().statusCode(200)
                .body("eligible", equalTo(true))
                .body("quote.policyId", equalTo("seed-004"))
                // 3% of 100,000 + 2% of 50,000
                .body("quote.amount", equalTo(4000.00f))
                .body("quote.steps.size()", org.hamcrest.Matchers.greaterThan(2))
                .body("status", nullValue());
        as("chuzhou-report-handler-2").when().post(REPORTS + "/" + id + "/reward/approval")
                .then().statusCode(403).contentType(PROBLEM)
                .body("detail", equalTo("Separation of duties: the officer who verified a report may not approve its reward."));
        as("chuzhou-report-handler").when().post(REPORTS + "/" + id + "/reward/approval")
                .then().statusCode(403);
        as("huaibei-reward-approver").when().post(REPORTS + "/" + id + "/reward/approval")
                .then().statusCode(404);
        as("chuzhou-reward-approver").when().post(REPORTS + "/" + id + "/reward/approval")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("claimDeadline", notNullValue());
        as("anhui-reward-approver").when().post(REPORTS + "/" + id + "/reward/approval")
                .then().statusCode(409);

        // the reporter, with the receipt and the secret only, sees the amount and claims it
        given().header(SECRET, receipt[1]).when().get(PUBLIC + "/receipts/" + receipt[0]).then().statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("reward.status", equalTo("APPROVED"))
                .body("reward.amount", equalTo(4000.00f))
                .body("messages.author", hasItem("BUREAU"));
        as("chuzhou-reward-approver").contentType(ContentType.JSON).body(Map.of("paymentRef", "PAY-1"))
                .when().post(REPORTS + "/" + id + "/reward/payment").then().statusCode(409);
        given().header(SECRET, receipt[1]).contentType(ContentType.JSON)
                .body(Map.of("name", "李四", "idNumber", "110105194912310021", "phone", "13900139000"))
                .when().post(PUBLIC + "/receipts/" + receipt[0] + "/reward-claim")
                .then().statusCode(400).body("errors.field", hasItem("idNumber"));
        given().header(SECRET, receipt[1]).contentType(ContentType.JSON)
                .body(Map.of("name", "李四", "idNumber", VALID_ID, "phone", "13900139000"))
                .when().post(PUBLIC + "/receipts/" + receipt[0] + "/reward-claim")
                .then().statusCode(200).body("reward.status", equalTo("CLAIMED"));
        // the anonymous reporter revealed an identity only now: stored encrypted, readable by the region's handlers
        assertThat(Db.query("SELECT reporter_id_enc FROM report WHERE id = ?::uuid", id).get(0).get("reporter_id_enc").toString())
                .startsWith("v1:").doesNotContain(VALID_ID);
        as("chuzhou-reward-approver").contentType(ContentType.JSON).body(Map.of("paymentRef", "PAY-2026-0001"))
                .when().post(REPORTS + "/" + id + "/reward/payment")
                .then().statusCode(200).body("status", equalTo("PAID")).body("paymentRef", equalTo("PAY-2026-0001"));

        // every step is on Kafka, each valid against its schema, none with the reporter's identity
        List<Events.Event> events = Events.await(e -> id.equals(e.key()) || (e.payload() != null && e.payload().contains(id)),
                Set.of("report.received.v1", "report.accepted.v1", "report.verified.v1", "violation.decided.v1",
                        "reward.approved.v1", "reward.paid.v1"));
        // one report's events keep their order (same key); the decision has its own key, so only its presence counts
        assertThat(events.stream().filter(e -> id.equals(e.key())).map(Events.Event::type).toList())
                .containsSubsequence("report.received.v1", "report.accepted.v1", "report.verified.v1", "reward.approved.v1",
                        "reward.paid.v1");
        assertThat(events).extracting(Events.Event::type).contains("violation.decided.v1");
        for (Events.Event e : events) {
            EventSchemas.assertValid(e.type(), e.payload());
            assertThat(e.payload()).doesNotContain(VALID_ID).doesNotContain("李四");
        }
        Events.Event decided = events.stream().filter(e -> e.type().equals("violation.decided.v1")).findFirst().orElseThrow();
        var payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(decided.payload());
        assertThat(payload.get("sourceRef").asText()).isEqualTo(id);
        assertThat(payload.get("fundLoss").asText()).isEqualTo("150000.00");
        // 1.5 × the loss
        assertThat(payload.get("fineAmount").asText()).isEqualTo("225000.00");
        assertThat(payload.at("/responsiblePersons/0/nationalCode").asText()).isEqualTo("D341100000123");
        assertThat(decided.key()).isNotEqualTo(id).isEqualTo(decided.subject());

        // every state change is audited, with who did it
        List<Map<String, Object>> audit = Db.query("SELECT action, actor_username FROM audit_log WHERE entity_id = ? ORDER BY at", id);
        assertThat(audit).extracting(r -> r.get("action")).contains("report.received", "report.accepted", "report.verified",
                "report.handling-decided", "reward.approved", "reward.claimed", "reward.paid");
        assertThat(audit.toString()).doesNotContain(VALID_ID);
    }

    @Test
    void theRewardChecklistRefusesALaterReportOfTheSameMatter() {
        String[] first = submit(publicReport("341100", "重复举报-原始 " + UUID.randomUUID()));
        String[] later = submit(publicReport("341100", "重复举报-之后 " + UUID.randomUUID()));
        String firstId = Db.idOfReceipt(first[0]);
        String laterId = Db.idOfReceipt(later[0]);
        // only a later report can be linked to an earlier one
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("reportId", laterId))
                .when().post(REPORTS + "/" + firstId + "/duplicate-of").then().statusCode(422);
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("reportId", firstId))
                .when().post(REPORTS + "/" + laterId + "/duplicate-of").then().statusCode(200)
                .body("duplicateOf", equalTo(firstId));
        accept("chuzhou-report-handler", laterId);
        verify("chuzhou-report-handler", laterId, "8000.00");
        decide("chuzhou-report-handler", laterId);
        as("chuzhou-reward-approver").when().get(REPORTS + "/" + laterId + "/reward").then().statusCode(200)
                .body("eligible", equalTo(false))
                .body("conditions.find { it.code == 'FIRST_REPORTER' }.met", equalTo(false));
        as("chuzhou-reward-approver").when().post(REPORTS + "/" + laterId + "/reward/approval")
                .then().statusCode(422).contentType(PROBLEM).body("detail", containsString("FIRST_REPORTER"));
    }

    @Test
    void acceptanceDeclineNeedsAReasonAndTellsTheReporter() {
        String[] receipt = submit(realName(publicReport("341100", "不予受理 " + UUID.randomUUID()), VALID_ID));
        String id = Db.idOfReceipt(receipt[0]);
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("decision", "DECLINE"))
                .when().post(REPORTS + "/" + id + "/acceptance").then().statusCode(422).contentType(PROBLEM);
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("decision", "DECLINE", "reason", "BECAUSE"))
                .when().post(REPORTS + "/" + id + "/acceptance").then().statusCode(400).body("errors.field", hasItem("reason"));
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("decision", "DECLINE", "reason", "OUTSIDE_SCOPE"))
                .when().post(REPORTS + "/" + id + "/acceptance").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("declineReason", equalTo("OUTSIDE_SCOPE"))
                .body("notifiedAt", notNullValue());
        given().header(SECRET, receipt[1]).when().get(PUBLIC + "/receipts/" + receipt[0]).then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("messages.author", hasItem("BUREAU"));
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post(REPORTS + "/" + id + "/acceptance").then().statusCode(409);
        // a declined report takes no more evidence and cannot be withdrawn
        given().header(SECRET, receipt[1]).when().post(PUBLIC + "/receipts/" + receipt[0] + "/withdrawal").then().statusCode(409);
    }

    @Test
    void overdueReportsAreListedAndFiltersNarrowTheList() {
        String[] late = submit(publicReport("341100", "逾期 " + UUID.randomUUID()));
        String lateId = Db.idOfReceipt(late[0]);
        String[] fresh = submit(publicReport("341100", "未逾期 " + UUID.randomUUID()));
        String freshId = Db.idOfReceipt(fresh[0]);
        Db.query("UPDATE report SET received_at = now() - interval '40 days', acceptance_due = current_date - 3 WHERE id = ?::uuid", lateId);
        List<String> overdue = as("chuzhou-report-handler").when().get(REPORTS + "?overdue=true&size=200")
                .then().statusCode(200).extract().path("items.id");
        assertThat(overdue).contains(lateId).doesNotContain(freshId);
        as("chuzhou-report-handler").when().get(REPORTS + "/" + lateId).then().body("overdue", equalTo(true));
        accept("chuzhou-report-handler", freshId);
        // the assignee is a report handler of the region in Keycloak (HandlerAssignmentTest: who else may or may not be)
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("handler", "chuzhou-report-handler-2"))
                .when().post(REPORTS + "/" + freshId + "/assignment").then().statusCode(200);
        List<String> assigned = as("chuzhou-report-handler").when().get(REPORTS + "?assignedTo=chuzhou-report-handler-2&status=ACCEPTED")
                .then().statusCode(200).extract().path("items.id");
        assertThat(assigned).contains(freshId).doesNotContain(lateId);
        as("chuzhou-report-handler").when().get(REPORTS + "?status=SHELVED").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        as("chuzhou-report-handler").when().get(REPORTS + "?region=34").then().statusCode(400).body("errors.field", hasItem("region"));
    }

    @Test
    void identityIsForTheRegionsHandlersOnlyAndEveryViewIsAudited() {
        String[] receipt = submit(realName(publicReport("341100", "实名 " + UUID.randomUUID()), VALID_ID));
        String id = Db.idOfReceipt(receipt[0]);
        long viewsBefore = Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'report.reporter-identity.viewed'", id);
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id + "/reporter").then().statusCode(200)
                .body("idNumber", equalTo(VALID_ID)).body("name", equalTo("王小明"));
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'report.reporter-identity.viewed'", id))
                .isEqualTo(viewsBefore + 1);
        as("huaibei-report-handler").when().get(REPORTS + "/" + id + "/reporter").then().statusCode(404);
        as("chuzhou-analyst").when().get(REPORTS + "/" + id + "/reporter").then().statusCode(403);
        as("chuzhou-reward-approver").when().get(REPORTS + "/" + id + "/reporter").then().statusCode(403);
        // the staff view of the report itself never carries it
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id).then().statusCode(200)
                .body(not(containsString(VALID_ID))).body("anonymous", equalTo(false));
    }

    @Test
    void analystsSeeFiguresOfTheirRegionButNoIdentity() {
        String[] receipt = submit(realName(publicReport("341100", "统计 " + UUID.randomUUID()), VALID_ID));
        String body = as("chuzhou-analyst").when().get("/api/reports/v1/statistics").then().statusCode(200)
                .body("reports.region", hasItem("341100"))
                .body("acceptance.decided", notNullValue())
                .body("recovered", notNullValue())
                .extract().asString();
        assertThat(body).doesNotContain(VALID_ID).doesNotContain("王小明").doesNotContain(receipt[0]);
        List<String> regions = as("chuzhou-analyst").when().get("/api/reports/v1/statistics").then().extract().path("reports.region");
        assertThat(regions).allMatch(r -> r.startsWith("3411"));
        as("chuzhou-report-handler").when().get("/api/reports/v1/statistics").then().statusCode(403);
        as("chuzhou-analyst").when().get("/api/reports/v1/statistics?from=2026-12-01&to=2026-01-01").then().statusCode(400)
                .body("errors.field", hasItem("to"));
    }

    @Test
    void aRealNamePhoneReporterIsToldByStaffWithinTheNoticePeriod() {
        Map<String, Object> phone = new java.util.HashMap<>(Map.of("channel", "PHONE", "region", "341100",
                "conduct", "电话实名举报 " + UUID.randomUUID(), "wantsReward", true,
                "reporter", Map.of("name", "赵六", "idNumber", "110105194912310021", "phone", "13800138000")));
        // the identity is checked as on the public form
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(phone).when().post(REPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("reporter.idNumber"));
        phone.put("reporter", Map.of("name", "赵六", "idNumber", VALID_ID, "phone", "13800138000"));
        String id = as("chuzhou-report-handler").contentType(ContentType.JSON).body(phone).when().post(REPORTS)
                .then().statusCode(201).body("anonymous", equalTo(false)).body("followedByReceipt", equalTo(false))
                .extract().path("id");
        assertThat(Db.query("SELECT * FROM report WHERE id = ?::uuid", id).get(0).toString()).doesNotContain(VALID_ID).doesNotContain("赵六");
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id + "/reporter").then().statusCode(200).body("name", equalTo("赵六"));

        accept("chuzhou-report-handler", id);
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id).then().statusCode(200)
                .body("noticeDue", notNullValue()).body("notifiedAt", nullValue());
        Db.query("UPDATE report SET notice_due = current_date - 1 WHERE id = ?::uuid", id);
        List<String> due = as("chuzhou-report-handler").when().get(REPORTS + "?noticeOverdue=true&size=200")
                .then().statusCode(200).extract().path("items.id");
        assertThat(due).contains(id);
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("channel", "PHONE"))
                .when().post(REPORTS + "/" + id + "/notification").then().statusCode(200)
                .body("notifiedAt", notNullValue()).body("noticeChannel", equalTo("PHONE"));
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("channel", "PHONE"))
                .when().post(REPORTS + "/" + id + "/notification").then().statusCode(409);
        assertThat(as("chuzhou-report-handler").when().get(REPORTS + "?noticeOverdue=true&size=200")
                .then().statusCode(200).extract().<List<String>>path("items.id")).doesNotContain(id);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'report.reporter-notified'", id)).isEqualTo(1);

        // an anonymous caller has nobody to tell
        String anonymous = as("chuzhou-report-handler").contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "region", "341100", "conduct", "匿名电话 " + UUID.randomUUID()))
                .when().post(REPORTS).then().statusCode(201).extract().path("id");
        accept("chuzhou-report-handler", anonymous);
        as("chuzhou-report-handler").when().get(REPORTS + "/" + anonymous).then().body("noticeDue", nullValue());
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("channel", "LETTER"))
                .when().post(REPORTS + "/" + anonymous + "/notification").then().statusCode(409);
    }

    @Test
    void aJointReportGetsOneRewardSharedByAgreement() throws Exception {
        String matter = "联名举报：虚记诊疗项目 " + UUID.randomUUID();
        String[] first = submit(publicReport("341100", matter));
        String[] second = submit(publicReport("341100", matter + "（同一举报人群体）"));
        String firstId = Db.idOfReceipt(first[0]);
        String secondId = Db.idOfReceipt(second[0]);
        // the earlier report leads the group; linking the other way round is refused
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("reportId", secondId))
                .when().post(REPORTS + "/" + firstId + "/joint-with").then().statusCode(422).contentType(PROBLEM);
        as("huaibei-report-handler").contentType(ContentType.JSON).body(Map.of("reportId", firstId))
                .when().post(REPORTS + "/" + secondId + "/joint-with").then().statusCode(404);
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("reportId", firstId))
                .when().post(REPORTS + "/" + secondId + "/joint-with").then().statusCode(200).body("jointWith", equalTo(firstId));

        accept("chuzhou-report-handler", firstId);
        verify("chuzhou-report-handler-2", firstId, "150000.00");
        decide("chuzhou-report-handler", firstId);

        // the co-reporter's own report earns nothing by itself: the group's one reward is approved on the first report
        as("chuzhou-reward-approver").when().get(REPORTS + "/" + secondId + "/reward").then().statusCode(200)
                .body("eligible", equalTo(false))
                .body("conditions.find { it.code == 'ONE_REWARD_PER_JOINT_REPORT' }.met", equalTo(false));
        as("chuzhou-reward-approver").when().post(REPORTS + "/" + firstId + "/reward/approval")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("shares"));
        as("chuzhou-reward-approver").contentType(ContentType.JSON)
                .body(Map.of("shares", List.of(Map.of("reportId", firstId, "amount", "2500.00"), Map.of("reportId", secondId, "amount", "1499.99"))))
                .when().post(REPORTS + "/" + firstId + "/reward/approval")
                .then().statusCode(400).body("errors.field", hasItem("shares")).body("errors.message", hasItem(containsString("3999.99")));
        as("chuzhou-reward-approver").contentType(ContentType.JSON)
                .body(Map.of("shares", List.of(Map.of("reportId", firstId, "amount", "4000.00"))))
                .when().post(REPORTS + "/" + firstId + "/reward/approval")
                .then().statusCode(400).body("errors.message", hasItem(containsString(secondId)));
        assertThat(Db.count("SELECT count(*) FROM reward WHERE report_id IN (?::uuid, ?::uuid)", firstId, secondId)).isZero();

        as("chuzhou-reward-approver").contentType(ContentType.JSON)
                .body(Map.of("shares", List.of(Map.of("reportId", firstId, "amount", "2500.00"), Map.of("reportId", secondId, "amount", "1500.00"))))
                .when().post(REPORTS + "/" + firstId + "/reward/approval")
                .then().statusCode(200).body("quote.amount", equalTo(4000.00f)).body("amount", equalTo(2500.00f))
                .body("shares.reportId", org.hamcrest.Matchers.containsInAnyOrder(firstId, secondId))
                .body("shares.amount", org.hamcrest.Matchers.containsInAnyOrder(2500.00f, 1500.00f));
        // one reward for the group: approving again, on either report, is refused
        as("chuzhou-reward-approver").when().post(REPORTS + "/" + secondId + "/reward/approval").then().statusCode(409);

        // each co-reporter sees and claims their own share with their own receipt
        given().header(SECRET, second[1]).when().get(PUBLIC + "/receipts/" + second[0]).then().statusCode(200)
                .body("reward.status", equalTo("APPROVED")).body("reward.amount", equalTo(1500.00f));
        given().header(SECRET, second[1]).contentType(ContentType.JSON)
                .body(Map.of("name", "钱七", "idNumber", VALID_ID, "phone", "13900139001"))
                .when().post(PUBLIC + "/receipts/" + second[0] + "/reward-claim")
                .then().statusCode(200).body("reward.status", equalTo("CLAIMED"));
        given().header(SECRET, first[1]).when().get(PUBLIC + "/receipts/" + first[0]).then().statusCode(200)
                .body("reward.status", equalTo("APPROVED")).body("reward.amount", equalTo(2500.00f));

        List<Events.Event> approved = Events.await(e -> "reward.approved.v1".equals(e.type())
                && (firstId.equals(e.key()) || secondId.equals(e.key())), found -> found.size() >= 2);
        assertThat(approved).hasSize(2);
        for (Events.Event e : approved) {
            EventSchemas.assertValid(e.type(), e.payload());
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(e.payload()).get("jointReportId").asText()).isEqualTo(firstId);
        }
    }

    @Test
    void aReporterWithoutReceiptClaimsInPersonBeforeAHandler() {
        String id = as("chuzhou-report-handler").contentType(ContentType.JSON)
                .body(Map.of("channel", "LETTER", "region", "341100", "conduct", "实名来信举报 " + UUID.randomUUID(), "wantsReward", true,
                        "institution", Map.of("code", "H34110200001", "name", "滁州某医院"),
                        "reporter", Map.of("name", "孙八", "idNumber", VALID_ID, "phone", "13800138001")))
                .when().post(REPORTS).then().statusCode(201).extract().path("id");
        accept("chuzhou-report-handler", id);
        verify("chuzhou-report-handler-2", id, "50000.00");
        decide("chuzhou-report-handler", id);
        as("chuzhou-reward-approver").when().post(REPORTS + "/" + id + "/reward/approval").then().statusCode(200);

        Map<String, String> wrong = Map.of("name", "孙八", "idNumber", "110105194912310021", "phone", "13800138001");
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(wrong)
                .when().post(REPORTS + "/" + id + "/reward/claim")
                .then().statusCode(422).contentType(PROBLEM).body("detail", not(containsString("idNumber")));
        as("chuzhou-analyst").contentType(ContentType.JSON).body(Map.of("name", "孙八", "idNumber", VALID_ID, "phone", "13800138001"))
                .when().post(REPORTS + "/" + id + "/reward/claim").then().statusCode(403);
        as("huaibei-report-handler").contentType(ContentType.JSON).body(Map.of("name", "孙八", "idNumber", VALID_ID, "phone", "13800138001"))
                .when().post(REPORTS + "/" + id + "/reward/claim").then().statusCode(404);
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("name", "孙八", "idNumber", VALID_ID, "phone", "13800138001"))
                .when().post(REPORTS + "/" + id + "/reward/claim")
                .then().statusCode(200).body("status", equalTo("CLAIMED")).body("amount", equalTo(1500.00f));
        assertThat(Db.query("SELECT actor_username FROM audit_log WHERE entity_id = ? AND action = 'reward.claimed'", id))
                .extracting(r -> r.get("actor_username")).containsExactly("chuzhou-report-handler");

        // a reporter with a receipt claims with it, not through staff
        String[] receipt = submit(publicReport("341100", "有回执的举报 " + UUID.randomUUID()));
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("name", "孙八", "idNumber", VALID_ID, "phone", "13800138001"))
                .when().post(REPORTS + "/" + Db.idOfReceipt(receipt[0]) + "/reward/claim").then().statusCode(409);
    }

    @Test
    void anUnclaimedRewardIsWaivedByTheJobWithItsEventAndAudit() {
        String[] receipt = submit(publicReport("341100", "逾期未领奖励 " + UUID.randomUUID()));
        String id = Db.idOfReceipt(receipt[0]);
        accept("chuzhou-report-handler", id);
        verify("chuzhou-report-handler-2", id, "20000.00");
        decide("chuzhou-report-handler", id);
        as("chuzhou-reward-approver").when().post(REPORTS + "/" + id + "/reward/approval").then().statusCode(200);
        assertThat(Db.query("SELECT status FROM reward WHERE report_id = ?::uuid", id).get(0).get("status")).isEqualTo("APPROVED");

        // the claim window closed yesterday; the job (every 2 s in tests) records the waiver
        Db.query("UPDATE reward SET claim_deadline = current_date - 1 WHERE report_id = ?::uuid", id);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Db.query("SELECT status FROM reward WHERE report_id = ?::uuid", id).get(0).get("status")).isEqualTo("WAIVED"));
        List<Events.Event> waived = Events.await(e -> id.equals(e.key()), Set.of("reward.waived.v1"));
        assertThat(waived).extracting(Events.Event::type).containsOnlyOnce("reward.waived.v1");
        waived.stream().filter(e -> e.type().equals("reward.waived.v1")).forEach(e -> EventSchemas.assertValid(e.type(), e.payload()));
        assertThat(Db.query("SELECT actor_username FROM audit_log WHERE entity_id = ? AND action = 'reward.waived'", id))
                .extracting(r -> r.get("actor_username")).containsExactly("system:reward-waiver");
        given().header(SECRET, receipt[1]).contentType(ContentType.JSON)
                .body(Map.of("name", "李四", "idNumber", VALID_ID, "phone", "13900139000"))
                .when().post(PUBLIC + "/receipts/" + receipt[0] + "/reward-claim")
                .then().statusCode(409).body("detail", containsString("waived"));
    }
}
