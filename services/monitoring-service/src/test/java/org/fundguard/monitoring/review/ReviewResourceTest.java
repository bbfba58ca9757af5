package org.fundguard.monitoring.review;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.fundguard.contracts.EventSchemas;
import org.fundguard.kit.calendar.WorkingDayCalendar;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.monitoring.Db;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fundguard.monitoring.Messages.HIS;
import static org.fundguard.monitoring.Messages.HIS_SECRET;
import static org.fundguard.monitoring.Messages.PROBLEM;
import static org.fundguard.monitoring.Messages.as;
import static org.fundguard.monitoring.rest.ScreeningResourceTest.API;
import static org.fundguard.monitoring.rest.ScreeningResourceTest.WOMEN_ONLY;
import static org.fundguard.monitoring.rest.ScreeningResourceTest.finished;
import static org.fundguard.monitoring.rest.ScreeningResourceTest.visit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * From finding to decision: first and second review by different auditors, the institution's appeal with documents,
 * investigation, the draft decision within the legal ranges, the statement, the final decision as violation.decided.v1;
 * region scoping; deadlines with a moved clock; reviewers' outcomes per rule.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class ReviewResourceTest {

    /** KP-WI-0001 of the sample knowledge: work-injury insurance only (a definite violation under another insurance). */
    static final String WORK_INJURY_ONLY = "XM05BAZ005E005010100005";
    static final String PDF = Base64.getEncoder().encodeToString("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

    @Inject
    BusinessClock clock;
    @Inject
    WorkingDayCalendar calendar;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    /** Business time moves to noon of the day after the step's deadline of {@code workingDays} working days from today. */
    void pastDeadlineOf(int workingDays) {
        LocalDate after = calendar.addWorkingDays(clock.today(), workingDays).plusDays(1);
        clock.set(Clock.fixed(after.atTime(12, 0).atZone(BusinessClock.ZONE).toInstant(), BusinessClock.ZONE));
    }

    static io.restassured.specification.RequestSpecification his() {
        return given().auth().oauth2(org.fundguard.testsupport.Tokens.client(HIS, HIS_SECRET)).contentType(ContentType.JSON);
    }

    /** Loads and screens June's claims once: two suspects (a man given a women-only drug) and one definite violation. */
    static synchronized void screened() throws Exception {
        if (Db.count("SELECT count(*) FROM review_case r JOIN finding f ON f.id = r.finding_id WHERE f.mdtrt_id = 'RVW-A1'") > 0) {
            return;
        }
        String lines = visit("RVW-A1", "RVW-P1", "1", "341102", WOMEN_ONLY, "30.00", "2025-06-10", "310") + "\n"
                + visit("RVW-B1", "RVW-P2", "1", "341102", WOMEN_ONLY, "40.00", "2025-06-11", "310") + "\n"
                + visit("RVW-D1", "RVW-P3", "2", "341102", WORK_INJURY_ONLY, "50.00", "2025-06-12", "310") + "\n";
        as("chuzhou-auditor").contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/claims/imports").then().statusCode(200).body("visitsStored", equalTo(3));
        String job = as("chuzhou-auditor").contentType(ContentType.JSON)
                .body(Map.of("region", "341100", "from", "2025-06-01", "to", "2025-06-30"))
                .when().post(API + "/screenings").then().statusCode(202).extract().path("id");
        assertThat(finished("chuzhou-auditor", job)).containsEntry("status", "DONE");
    }

    static String caseOf(String mdtrtId) {
        return Db.query("SELECT r.id::text AS id FROM review_case r JOIN finding f ON f.id = r.finding_id WHERE f.mdtrt_id = ?", mdtrtId)
                .get(0).get("id").toString();
    }

    static io.restassured.response.ValidatableResponse step(String user, String id, String step, Object body) {
        return as(user).contentType(ContentType.JSON).body(body).when().post(API + "/reviews/" + id + "/" + step).then();
    }

    @Test
    void aSuspectGoesFromFirstReviewToAFinalDecisionPublishedAsViolationDecided() throws Exception {
        screened();
        String id = caseOf("RVW-A1");
        as("chuzhou-auditor").when().get(API + "/reviews/" + id).then().statusCode(200)
                .body("status", equalTo("FIRST_REVIEW")).body("resultType", equalTo("SUSPECT")).body("overdue", equalTo(false))
                .body("fixmedinsCode", equalTo("H34110200001")).body("stepDue", notNullValue());
        as("huaibei-auditor").when().get(API + "/reviews/" + id).then().statusCode(404).contentType(PROBLEM);
        as("huaibei-auditor").queryParam("size", 200).when().get(API + "/reviews").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as("anhui-auditor").when().get(API + "/reviews/" + id).then().statusCode(200);

        step("chuzhou-auditor", id, "assignment", Map.of("assignee", "chuzhou-auditor")).statusCode(200)
                .body("assignee", equalTo("chuzhou-auditor"));
        step("chuzhou-auditor", id, "first-review", Map.of("outcome", "CONFIRMED", "reason", "男性患者使用限女性药品，处方无特殊说明"))
                .statusCode(200).body("status", equalTo("SECOND_REVIEW")).body("firstReviewer", equalTo("chuzhou-auditor"));
        // the same auditor cannot do both reviews
        step("chuzhou-auditor", id, "second-review", Map.of("outcome", "CONFIRMED", "reason", "同意")).statusCode(403)
                .contentType(PROBLEM);
        step("chuzhou-auditor-2", id, "second-review", Map.of("outcome", "CONFIRMED", "reason", "复审确认"))
                .statusCode(200).body("status", equalTo("APPEAL_OPEN")).body("secondReviewer", equalTo("chuzhou-auditor-2"));
        // the appeal period is running: no investigation yet
        step("chuzhou-auditor", id, "investigation", Map.of("outcome", "CONFIRMED", "fundLoss", "30.00", "note", "核实"))
                .statusCode(409).contentType(PROBLEM);

        // the institution sees its case, appeals with a document; a disguised document is refused
        his().queryParam("size", 200).when().get(API + "/institution/reviews").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.status", equalTo("APPEAL_OPEN"));
        his().body(Map.of("statement", "该患者为变性人，病历附后", "documents",
                        List.of(Map.of("name", "病历.pdf", "mediaType", "application/pdf",
                                "contentBase64", Base64.getEncoder().encodeToString("<script>x</script>".getBytes(StandardCharsets.UTF_8))))))
                .when().post(API + "/institution/reviews/" + id + "/appeal").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("documents[0]"));
        his().body(Map.of("statement", "该患者为变性人，病历附后", "documents",
                        List.of(Map.of("name", "病历.pdf", "mediaType", "application/pdf", "contentBase64", PDF))))
                .when().post(API + "/institution/reviews/" + id + "/appeal").then().statusCode(200)
                .body("status", equalTo("INVESTIGATION")).body("appealedAt", notNullValue());
        assertThat(Db.count("SELECT count(*) FROM review_document WHERE case_id = ?::uuid AND media_type = 'application/pdf'", id))
                .isEqualTo(1);

        step("chuzhou-auditor", id, "investigation", Map.of("outcome", "CONFIRMED", "note", "核实无变性手术记录"))
                .statusCode(400).body("errors.field", hasItem("fundLoss"));
        // after an appeal, a confirmation says why the appeal does not hold (the institution is told; the note stays internal)
        step("chuzhou-auditor", id, "investigation", Map.of("outcome", "CONFIRMED", "fundLoss", "30.00", "note", "核实无变性手术记录"))
                .statusCode(400).body("errors.field", hasItem("appealAnswer"));
        step("chuzhou-auditor", id, "investigation", Map.of("outcome", "CONFIRMED", "fundLoss", "30.00", "note", "核实无变性手术记录",
                        "appealAnswer", "病历中无性别变更记录，申诉理由不成立"))
                .statusCode(200).body("status", equalTo("DECISION")).body("fundLoss", equalTo(30.0f));

        // a fine outside art. 38's 1–2× is refused, naming the field; a department suspension is 6–12 months
        Map<String, Object> decision = Map.of("decisionType", "ADMINISTRATIVE_PENALTY",
                "legalBasis", Map.of("article", "REGULATION_ART_38"), "conduct", "MISUSE", "violationTypes", List.of("超限定性别用药"),
                "fineMultiple", "3", "agreementActions", List.of(), "publicOfficialInvolved", false);
        Map<String, Object> persons = Map.of("nationalCode", "D341100000001", "personType", "DOCTOR", "responsibilityLevel", "PRINCIPAL");
        step("chuzhou-auditor", id, "decision", Map.of("decision", decision, "institutionName", "滁州市第一人民医院",
                "responsiblePersons", List.of(persons))).statusCode(400).body("errors.field", hasItem("decision.fineMultiple"));
        Map<String, Object> suspend = new java.util.HashMap<>(decision);
        suspend.put("fineMultiple", "1.5");
        suspend.put("agreementActions", List.of(Map.of("action", "SUSPEND_DEPARTMENT", "department", "妇科", "months", 3)));
        step("chuzhou-auditor", id, "decision", Map.of("decision", suspend, "institutionName", "滁州市第一人民医院",
                "responsiblePersons", List.of(persons))).statusCode(400).body("errors.field", hasItem("decision.agreementActions[0].months"));
        Map<String, Object> valid = new java.util.HashMap<>(decision);
        valid.put("fineMultiple", "1.5");
        step("chuzhou-auditor", id, "decision", Map.of("decision", valid, "institutionName", "滁州市第一人民医院",
                "responsiblePersons", List.of(persons))).statusCode(200).body("status", equalTo("STATEMENT"))
                .body("decision.decision.fineMultiple", equalTo("1.5"));

        // 陈述申辩 comes first: not final before the statement or its period's end
        step("chuzhou-auditor", id, "final-decision", Map.of()).statusCode(409).contentType(PROBLEM);
        his().body(Map.of("statement", "对处理无异议")).when().post(API + "/institution/reviews/" + id + "/statement").then()
                .statusCode(200).body("statementAt", notNullValue());
        String decisionId = step("chuzhou-auditor", id, "final-decision", Map.of()).statusCode(200)
                .body("status", equalTo("DECIDED")).body("decisionId", notNullValue()).extract().path("decisionId");

        List<Map<String, Object>> events = Db.query("SELECT payload::text AS payload FROM outbox_event "
                + "WHERE type = 'violation.decided.v1' AND subject = ?", decisionId);
        assertThat(events).hasSize(1);
        String payload = events.get(0).get("payload").toString();
        EventSchemas.assertValid("violation.decided.v1", payload);
        assertThat(payload).contains("\"source\": \"MONITORING\"").contains("\"fundLoss\": \"30.00\"")
                .contains("\"fineAmount\": \"45.00\"").contains("\"region\": \"341102\"").contains("D341100000001");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count("SELECT count(*) FROM outbox_event WHERE subject = ? AND sent_at IS NOT NULL", decisionId) == 1);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_type = 'review-case' AND entity_id = ?", id))
                .as("assigned, two reviews, appeal, investigation, draft, statement, decision").isEqualTo(8);

        // reviewers' outcomes per rule: the women-only rule has a confirmed finding
        as("anhui-analyst").queryParam("size", 200).when().get(API + "/rule-outcomes").then().statusCode(200)
                .body("items.find { it.knowledgePointId == 'KP-SEX-0001' }.confirmed", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        // statistics for analysts: by region, rule and month, with the recovered amount and the fine; none for Huaibei
        String today = clock.today().toString();
        var stats = as("anhui-analyst").queryParam("from", today).queryParam("to", today).when().get(API + "/statistics")
                .then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("decided")).isGreaterThanOrEqualTo(1);
        assertThat(stats.getDouble("rows.find { it.region == '341102' && it.ruleCode == 'GZ10000301004000' }.recovered"))
                .isGreaterThanOrEqualTo(30.0);
        assertThat(stats.getDouble("rows.find { it.region == '341102' && it.ruleCode == 'GZ10000301004000' }.fines"))
                .isGreaterThanOrEqualTo(45.0);
        assertThat(stats.getString("rows.find { it.region == '341102' }.month")).isEqualTo(today.substring(0, 7));
        as("huaibei-analyst").queryParam("from", today).queryParam("to", today).when().get(API + "/statistics").then()
                .statusCode(200).body("rows.region", not(hasItem("341102")));
        as("anhui-analyst").queryParam("from", today).when().get(API + "/statistics").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aDefiniteViolationGoesStraightToTheInstitutionAndDismissalsCloseTheCase() throws Exception {
        screened();
        String definite = caseOf("RVW-D1");
        as("chuzhou-auditor").when().get(API + "/reviews/" + definite).then().statusCode(200)
                .body("status", equalTo("APPEAL_OPEN")).body("resultType", equalTo("DEFINITE"));
        // the hospital's medical-insurance office staff see it too (a person, not the system account)
        as("h34110200001-staff").queryParam("size", 200).when().get(API + "/institution/reviews").then().statusCode(200)
                .body("items.id", hasItem(definite));
        // another institution's system cannot appeal it (the demo realm has one hospital system: a case of another institution)
        his().body(Map.of("statement", "x")).when().post(API + "/institution/reviews/00000000-0000-0000-0000-000000000000/appeal")
                .then().statusCode(404).contentType(PROBLEM);
        // staff cannot appeal for the institution
        as("chuzhou-auditor").contentType(ContentType.JSON).body(Map.of("statement", "x"))
                .when().post(API + "/institution/reviews/" + definite + "/appeal").then().statusCode(403);

        // the appeal period (10 working days) passes without an appeal: the auditor goes on; found unfounded it closes
        pastDeadlineOf(10);
        his().body(Map.of("statement", "迟到的申诉")).when().post(API + "/institution/reviews/" + definite + "/appeal").then()
                .statusCode(409).contentType(PROBLEM);
        step("chuzhou-auditor", definite, "investigation", Map.of("outcome", "DISMISSED", "note", "工伤认定书补交，符合限定"))
                .statusCode(200).body("status", equalTo("DISMISSED")).body("closedReason", org.hamcrest.Matchers.containsString("工伤"));
        step("chuzhou-auditor", definite, "assignment", Map.of("assignee", "chuzhou-auditor-2")).statusCode(409);
    }

    @Test
    void aDismissalMaySuppressTheRulesLaterHitsAtTheInstitutionAndSamplesMeasureReviewErrors() throws Exception {
        String first = visit("RVW-S1", "RVW-P5", "1", "340602", WOMEN_ONLY, "30.00", "2025-07-10", "310") + "\n";
        as("huaibei-auditor").contentType("application/x-ndjson").body(first.getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/claims/imports").then().statusCode(200).body("visitsStored", equalTo(1));
        String job = as("huaibei-auditor").contentType(ContentType.JSON)
                .body(Map.of("region", "340600", "from", "2025-07-01", "to", "2025-07-31"))
                .when().post(API + "/screenings").then().statusCode(202).extract().path("id");
        assertThat(finished("huaibei-auditor", job)).containsEntry("status", "DONE");
        String id = caseOf("RVW-S1");

        // reviewed on Wednesday 30 September 2026: the second review's 10 working days skip the National Day holiday
        // (1–7 October) and count the make-up working Saturday 10 October, so it is due on 20 October, not 10 October
        clock.set(Clock.fixed(Instant.parse("2026-09-30T02:00:00Z"), BusinessClock.ZONE));
        step("huaibei-auditor", id, "first-review", Map.of("outcome", "DISMISSED", "reason", "该院此药经省局备案用于特定适应症")).statusCode(200)
                .body("stepDue", equalTo("2026-10-20"));
        clock.reset();
        step("huaibei-auditor-2", id, "second-review", Map.of("outcome", "CONFIRMED", "reason", "x", "suppressSimilar", true))
                .statusCode(400).body("errors.field", hasItem("suppressSimilar"));
        step("huaibei-auditor-2", id, "second-review", Map.of("outcome", "DISMISSED", "reason", "备案属实，同类不再提示",
                "suppressSimilar", true)).statusCode(200).body("status", equalTo("DISMISSED"));
        assertThat(Db.count("SELECT count(*) FROM hit_suppression WHERE case_id = ?::uuid AND fixmedins_code = 'H34060200007'", id))
                .isEqualTo(1);

        // a later claim with the same drug at the same institution: no finding, no case
        String later = visit("RVW-S2", "RVW-P6", "1", "340602", WOMEN_ONLY, "30.00", "2025-07-20", "310") + "\n";
        as("huaibei-auditor").contentType("application/x-ndjson").body(later.getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/claims/imports").then().statusCode(200);
        String again = as("huaibei-auditor").contentType(ContentType.JSON)
                .body(Map.of("region", "340600", "from", "2025-07-01", "to", "2025-07-31"))
                .when().post(API + "/screenings").then().statusCode(202).extract().path("id");
        assertThat(finished("huaibei-auditor", again)).containsEntry("status", "DONE").containsEntry("newFindings", 0);
        assertThat(Db.count("SELECT count(*) FROM finding WHERE mdtrt_id = 'RVW-S2'")).isZero();

        // quality sampling: the province draws reviewed cases by amount; a reviewer may not re-check their own case
        String sample = as("anhui-auditor").contentType(ContentType.JSON)
                .body(Map.of("region", "340600", "method", "AMOUNT", "size", 10))
                .when().post(API + "/review-samples").then().statusCode(201).body("method", equalTo("AMOUNT"))
                .body("items.caseId", hasItem(id)).body("errorRate", org.hamcrest.Matchers.nullValue()).extract().path("id");
        as("huaibei-auditor").contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED", "reason", "x"))
                .when().post(API + "/review-samples/" + sample + "/items/" + id + "/recheck").then().statusCode(403);
        as("anhui-auditor").contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED", "reason", "备案不覆盖男性患者"))
                .when().post(API + "/review-samples/" + sample + "/items/" + id + "/recheck").then().statusCode(200)
                .body("rechecked", equalTo(1)).body("disagreements", equalTo(1)).body("errorRate", equalTo(1.0f));
        as("anhui-auditor").contentType(ContentType.JSON).body(Map.of("outcome", "CONFIRMED", "reason", "again"))
                .when().post(API + "/review-samples/" + sample + "/items/" + id + "/recheck").then().statusCode(409);
        as("chuzhou-auditor").when().get(API + "/review-samples/" + sample).then().statusCode(404);
        // a seeded random sample is drawn the same way twice; variance sampling works too
        List<String> a = as("anhui-auditor").contentType(ContentType.JSON).body(Map.of("region", "340000", "method", "RANDOM", "size", 3, "seed", 7))
                .when().post(API + "/review-samples").then().statusCode(201).extract().path("items.caseId");
        List<String> b = as("anhui-auditor").contentType(ContentType.JSON).body(Map.of("region", "340000", "method", "RANDOM", "size", 3, "seed", 7))
                .when().post(API + "/review-samples").then().statusCode(201).extract().path("items.caseId");
        assertThat(a).isEqualTo(b).isNotEmpty();
        as("anhui-auditor").contentType(ContentType.JSON).body(Map.of("region", "340000", "method", "VARIANCE", "size", 3))
                .when().post(API + "/review-samples").then().statusCode(201);
        as("anhui-auditor").contentType(ContentType.JSON).body(Map.of("region", "340000", "method", "GUESS", "size", 3))
                .when().post(API + "/review-samples").then().statusCode(400).body("errors.field", hasItem("method"));
    }

    @jakarta.inject.Inject
    Reminders reminders;

    @Test
    void aSuspectNotReviewedInTimeIsOnTheOverdueList() throws Exception {
        screened();
        String late = caseOf("RVW-B1");
        as("chuzhou-auditor").queryParam("overdue", true).queryParam("size", 200).when().get(API + "/reviews").then()
                .statusCode(200).body("items.id", not(hasItem(late)));
        // its first review is due 10 working days after it was opened (business time, holidays and 调休 counted)
        as("chuzhou-auditor").when().get(API + "/reviews/" + late).then().statusCode(200)
                .body("stepDue", equalTo(calendar.addWorkingDays(clock.today(), 10).toString()));
        pastDeadlineOf(10);
        as("chuzhou-auditor").queryParam("overdue", true).queryParam("size", 200).when().get(API + "/reviews").then()
                .statusCode(200).body("items.id", hasItem(late))
                .body("items.find { it.id == '" + late + "' }.overdue", equalTo(true));
        as("huaibei-auditor").queryParam("overdue", true).queryParam("size", 200).when().get(API + "/reviews").then()
                .statusCode(200).body("items.id", not(hasItem(late)));
        as("chuzhou-auditor").queryParam("status", "NOT_A_STATUS").when().get(API + "/reviews").then().statusCode(400)
                .contentType(PROBLEM);

        // and it is reminded once, however often the reminder job runs
        reminders.remind();
        reminders.remind();
        assertThat(Db.count("SELECT count(*) FROM review_reminder WHERE case_id = ?::uuid AND kind = 'OVERDUE'", late)).isEqualTo(1);
        as("chuzhou-auditor").queryParam("size", 200).when().get(API + "/reviews/reminders").then().statusCode(200)
                .body("items.find { it.caseId == '" + late + "' }.kind", equalTo("OVERDUE"));
        as("huaibei-auditor").queryParam("size", 200).when().get(API + "/reviews/reminders").then().statusCode(200)
                .body("items.caseId", not(hasItem(late)));
    }

    @Test
    void everyListAnswersAPageWithItsTotals() throws Exception {
        screened();
        long cases = Db.count("SELECT count(*) FROM review_case WHERE admdvs LIKE '3411%'");
        as("chuzhou-auditor").queryParam("size", 1).when().get(API + "/reviews").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(1)).body("items", org.hamcrest.Matchers.hasSize(1))
                .body("totalItems", equalTo((int) cases)).body("totalPages", equalTo((int) cases));
        long findings = Db.count("SELECT count(*) FROM finding WHERE admdvs LIKE '3411%'");
        as("chuzhou-auditor").queryParam("size", 2).when().get(API + "/findings").then().statusCode(200)
                .body("totalItems", equalTo((int) findings)).body("totalPages", equalTo((int) ((findings + 1) / 2)));
        long own = Db.count("SELECT count(*) FROM review_case WHERE fixmedins_code = 'H34110200001' AND status IN "
                + "('APPEAL_OPEN', 'STATEMENT', 'INVESTIGATION', 'DECISION', 'DECIDED')");
        his().queryParam("size", 1).when().get(API + "/institution/reviews").then().statusCode(200)
                .body("totalItems", equalTo((int) own)).body("totalPages", equalTo((int) own));
        as("chuzhou-auditor").when().get(API + "/reviews/reminders").then().statusCode(200)
                .body("page", equalTo(0)).body("totalItems", notNullValue()).body("totalPages", notNullValue());
        as("anhui-analyst").queryParam("size", 1).when().get(API + "/rule-outcomes").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1)).body("totalPages", equalTo(
                        (int) Db.count("SELECT count(DISTINCT (rule_code, knowledge_point_id)) FROM finding WHERE admdvs LIKE '34%'")));

        // a page far past the end is empty with the real totals; a page or size out of range is a 400 naming it
        for (String list : List.of("/reviews", "/findings", "/reviews/reminders")) {
            as("chuzhou-auditor").queryParam("page", 999_999).queryParam("size", 1).when().get(API + list).then().statusCode(200)
                    .body("items", org.hamcrest.Matchers.empty()).body("page", equalTo(999_999))
                    .body("totalItems", notNullValue()).body("totalPages", notNullValue());
        }
        as("chuzhou-auditor").queryParam("page", 999_999).queryParam("size", 1).when().get(API + "/reviews").then()
                .body("totalItems", equalTo((int) cases)).body("totalPages", equalTo((int) cases));
        as("anhui-analyst").queryParam("page", 999_999).when().get(API + "/rule-outcomes").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        his().queryParam("page", 999_999).when().get(API + "/institution/reviews").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty()).body("totalItems", equalTo((int) own));
        as("chuzhou-auditor").queryParam("page", 1_000_001).when().get(API + "/reviews").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("page"));
        as("chuzhou-auditor").queryParam("size", 201).when().get(API + "/findings").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("size"));
    }
}
