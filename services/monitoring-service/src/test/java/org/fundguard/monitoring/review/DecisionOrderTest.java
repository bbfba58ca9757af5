package org.fundguard.monitoring.review;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.Messages.PROBLEM;
import static org.fundguard.monitoring.Messages.as;
import static org.fundguard.monitoring.review.ReviewResourceTest.PDF;
import static org.fundguard.monitoring.review.ReviewResourceTest.WORK_INJURY_ONLY;
import static org.fundguard.monitoring.review.ReviewResourceTest.caseOf;
import static org.fundguard.monitoring.review.ReviewResourceTest.his;
import static org.fundguard.monitoring.review.ReviewResourceTest.step;
import static org.fundguard.monitoring.rest.ScreeningResourceTest.API;
import static org.fundguard.monitoring.rest.ScreeningResourceTest.WOMEN_ONLY;
import static org.fundguard.monitoring.rest.ScreeningResourceTest.finished;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The legal order of a decision (行政处罚法 art. 44–45: no final decision heavier than the draft the institution was
 * heard on; the draft's fields checked against each other; a draft corrected with a new statement period), and what a
 * person works with: the case with its visit, patient and fee lines, the institution's view, appeal documents to
 * download, findings by visit, institution, rule and job, the list of jobs, statistics by claim period, one vocabulary
 * of outcomes and errors that list the allowed values.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class DecisionOrderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PERSON = "43000020100030375675";

    @Inject
    BusinessClock clock;
    @Inject
    WorkingDayCalendar calendar;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    /** A settled visit of the Chuzhou hospital in August 2025 with one fee line of {@code code} (line {@code 7}). */
    static String settledVisit(String mdtrtId, String gend, String code, String amount, String day) throws Exception {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("fixmedins_code", "H34110200001");
        v.put("fixmedins_name", "测试医院");
        v.put("mdtrtarea_admvs", "341102");
        v.put("hosp_lv", "03");
        v.put("baseinfo", Map.of("psn_no", PERSON, "gend", gend, "brdy", "1970-03-07"));
        v.put("mdtrtinfo", Map.of("mdtrt_id", mdtrtId, "psn_no", PERSON, "med_type", "11", "insutype", "310",
                "begntime", day + " 09:00:00"));
        v.put("diseinfo", List.of());
        v.put("feedetail", List.of(Map.of("feedetl_sn", "7", "fee_ocur_time", day + " 09:10:00", "med_list_codg", code,
                "det_item_fee_sumamt", amount, "cnt", "1", "pric", amount, "bilg_dr_codg", "D341100000001", "list_type", "101",
                "hilist_name", "测试药品")));
        v.put("setlinfo", List.of(Map.of("setl_id", "S-" + mdtrtId, "mdtrt_id", mdtrtId, "psn_no", PERSON,
                "setl_time", day + " 11:00:00", "medfee_sumamt", amount)));
        return JSON.writeValueAsString(v);
    }

    /** August's claims, loaded and screened once: definite violations DEC-1..DEC-5 (straight to the institution), suspect DEC-S. */
    static synchronized void screened() throws Exception {
        if (Db.count("SELECT count(*) FROM review_case r JOIN finding f ON f.id = r.finding_id WHERE f.mdtrt_id = 'DEC-1'") > 0) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            lines.append(settledVisit("DEC-" + i, "2", WORK_INJURY_ONLY, "100.00", "2025-08-1" + i)).append('\n');
        }
        lines.append(settledVisit("DEC-S", "1", WOMEN_ONLY, "30.00", "2025-08-20")).append('\n');
        as("chuzhou-auditor").contentType("application/x-ndjson").body(lines.toString().getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/claims/imports").then().statusCode(200).body("visitsStored", equalTo(6));
        String job = as("chuzhou-auditor").contentType(ContentType.JSON)
                .body(Map.of("region", "341100", "from", "2025-08-01", "to", "2025-08-31"))
                .when().post(API + "/screenings").then().statusCode(202).extract().path("id");
        assertThat(finished("chuzhou-auditor", job)).containsEntry("status", "DONE");
    }

    static Map<String, Object> decision(String type, String article, String conduct, String fine, List<Map<String, Object>> actions) {
        Map<String, Object> d = new HashMap<>();
        d.put("decisionType", type);
        d.put("legalBasis", Map.of("article", article));
        d.put("conduct", conduct);
        d.put("violationTypes", List.of("超限定支付范围"));
        if (fine != null) {
            d.put("fineMultiple", fine);
        }
        d.put("agreementActions", actions);
        d.put("publicOfficialInvolved", false);
        return d;
    }

    static Map<String, Object> draft(Map<String, Object> decision) {
        return Map.of("decision", decision, "institutionName", "滁州市第一人民医院", "responsiblePersons",
                List.of(Map.of("nationalCode", "D341100000001", "personType", "DOCTOR", "responsibilityLevel", "IMPORTANT")));
    }

    static final List<Map<String, Object>> SIX_MONTHS = List.of(Map.of("action", "SUSPEND_DEPARTMENT", "department", "骨科", "months", 6));

    /** A definite case appealed without documents and confirmed with 100.00 of fund loss: at the decision step. */
    static String atDecision(String mdtrtId) {
        String id = caseOf(mdtrtId);
        // an appeal without documents is allowed by the contract, and recorded
        his().body(Map.of("statement", "该患者工伤认定在办理中")).when().post(API + "/institution/reviews/" + id + "/appeal").then()
                .statusCode(200).body("status", equalTo("INVESTIGATION")).body("appealDocuments", hasSize(0));
        step("chuzhou-auditor", id, "investigation", Map.of("outcome", "CONFIRMED", "fundLoss", "100.00", "note", "内部：已电话核实",
                "appealAnswer", "未提供工伤认定书，申诉不成立")).statusCode(200).body("status", equalTo("DECISION"));
        return id;
    }

    /** ... with a draft of art. 38, 1.5× and a department suspended 6 months, answered by the institution. */
    static String heard(String mdtrtId) {
        String id = atDecision(mdtrtId);
        step("chuzhou-auditor", id, "decision", draft(decision("ADMINISTRATIVE_PENALTY", "REGULATION_ART_38", "MISUSE", "1.5", SIX_MONTHS)))
                .statusCode(200).body("status", equalTo("STATEMENT")).body("draftRevision", equalTo(1));
        his().body(Map.of("statement", "请求从轻处理")).when().post(API + "/institution/reviews/" + id + "/statement").then()
                .statusCode(200).body("statementAt", notNullValue());
        return id;
    }

    @Test
    void aFinalDecisionHeavierThanTheDraftHeardIsRefusedNamingWhatIsHeavier() throws Exception {
        screened();
        String id = heard("DEC-1");
        // a higher fine multiple
        step("chuzhou-auditor", id, "final-decision", Map.of("revised",
                draft(decision("ADMINISTRATIVE_PENALTY", "REGULATION_ART_38", "MISUSE", "2", SIX_MONTHS))))
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("art. 44–45"))
                .body("errors.field", containsInAnyOrder("revised.decision.fineMultiple"));
        // another article with a higher range (and fraud for misuse), at a lower multiple still in that range
        step("chuzhou-auditor", id, "final-decision", Map.of("revised",
                draft(decision("ADMINISTRATIVE_PENALTY", "REGULATION_ART_40", "FRAUD", "2", SIX_MONTHS))))
                .statusCode(400).body("errors.field", hasItems("revised.decision.legalBasis.article", "revised.decision.conduct",
                        "revised.decision.fineMultiple"));
        // a heavier agreement action: longer, or terminating the agreement
        step("chuzhou-auditor", id, "final-decision", Map.of("revised", draft(decision("ADMINISTRATIVE_PENALTY", "REGULATION_ART_38",
                "MISUSE", "1.5", List.of(Map.of("action", "SUSPEND_DEPARTMENT", "department", "骨科", "months", 9))))))
                .statusCode(400).body("errors.field", containsInAnyOrder("revised.decision.agreementActions[0]"));
        step("chuzhou-auditor", id, "final-decision", Map.of("revised", draft(decision("ADMINISTRATIVE_PENALTY", "REGULATION_ART_38",
                "MISUSE", "1.5", List.of(Map.of("action", "TERMINATE_AGREEMENT"))))))
                .statusCode(400).body("errors.field", containsInAnyOrder("revised.decision.agreementActions[0]"));
        // nothing was decided by the refusals
        as("chuzhou-auditor").when().get(API + "/reviews/" + id).then().statusCode(200).body("status", equalTo("STATEMENT"));

        // a lighter final decision after hearing the statement is allowed, and is what is published
        String decisionId = step("chuzhou-auditor", id, "final-decision", Map.of("revised",
                draft(decision("ADMINISTRATIVE_PENALTY", "REGULATION_ART_38", "MISUSE", "1", List.of()))))
                .statusCode(200).body("status", equalTo("DECIDED")).extract().path("decisionId");
        String payload = Db.query("SELECT payload::text AS p FROM outbox_event WHERE subject = ?", decisionId).get(0).get("p").toString();
        EventSchemas.assertValid("violation.decided.v1", payload);
        assertThat(payload).contains("\"fineMultiple\": \"1\"").contains("\"fineAmount\": \"100.00\"");
    }

    @Test
    void anInconsistentDraftIsRefusedNamingEachField() throws Exception {
        screened();
        String id = atDecision("DEC-2");
        // agreement handling on an article of the regulation, with an administrative fine
        step("chuzhou-auditor", id, "decision", draft(decision("AGREEMENT_HANDLING", "REGULATION_ART_38", "MISUSE", "1.5", List.of())))
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("decision.legalBasis.article", "decision.fineMultiple"));
        // art. 38 is misuse, not fraud; and a penalty does not rest on an agreement clause
        step("chuzhou-auditor", id, "decision", draft(decision("ADMINISTRATIVE_PENALTY", "REGULATION_ART_38", "FRAUD", "1.5", List.of())))
                .statusCode(400).body("errors.field", containsInAnyOrder("decision.conduct"));
        step("chuzhou-auditor", id, "decision", draft(decision("ADMINISTRATIVE_PENALTY", "AGREEMENT_CLAUSE", "MISUSE", null, List.of())))
                .statusCode(400).body("errors.field", containsInAnyOrder("decision.legalBasis.article"));
        // the fine's range is the article's: 3× is outside art. 38 and is named with the body's own path
        step("chuzhou-auditor", id, "decision", draft(decision("ADMINISTRATIVE_PENALTY", "REGULATION_ART_38", "MISUSE", "3", List.of())))
                .statusCode(400).body("errors.field", containsInAnyOrder("decision.fineMultiple"))
                .body("errors.message", hasItem(containsString("1 to 2 times")));
        // an enum value that is none lists the allowed values
        Map<String, Object> unknown = decision("ADMINISTRATIVE_PENALTY", "REGULATION_ART_99", "MISUSE", "1", List.of());
        step("chuzhou-auditor", id, "decision", draft(unknown)).statusCode(400)
                .body("errors[0].field", equalTo("decision.legalBasis.article"))
                .body("errors[0].message", equalTo("must be one of REGULATION_ART_38, REGULATION_ART_40, REGULATION_ART_41, AGREEMENT_CLAUSE"));
        // consistent agreement handling passes
        step("chuzhou-auditor", id, "decision", draft(decision("AGREEMENT_HANDLING", "AGREEMENT_CLAUSE", "MISUSE", null,
                List.of(Map.of("action", "WARNING"))))).statusCode(200).body("status", equalTo("STATEMENT"));
    }

    @Test
    void aDraftCorrectedBeforeTheFinalStepIsHeardAgain() throws Exception {
        screened();
        String id = heard("DEC-3");
        String firstDue = as("chuzhou-auditor").when().get(API + "/reviews/" + id).then().extract().path("stepDue");
        // two working days later, a heavier draft: it replaces the first and opens a new statement period
        clock.set(java.time.Clock.fixed(calendar.addWorkingDays(clock.today(), 2).atTime(10, 0).atZone(BusinessClock.ZONE).toInstant(),
                BusinessClock.ZONE));
        step("chuzhou-auditor", id, "decision", draft(decision("ADMINISTRATIVE_PENALTY", "REGULATION_ART_38", "MISUSE", "2", SIX_MONTHS)))
                .statusCode(200).body("status", equalTo("STATEMENT")).body("draftRevision", equalTo(2))
                .body("statementAt", nullValue()).body("decision.decision.fineMultiple", equalTo("2"))
                .body("stepDue", not(equalTo(firstDue)))
                .body("stepDue", equalTo(calendar.addWorkingDays(clock.today(), 5).toString()));
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'review.decision-corrected'", id)).isEqualTo(1);
        // the institution sees the corrected draft with its fine, and must be heard again before it is final
        his().when().get(API + "/institution/reviews/" + id).then().statusCode(200)
                .body("draftRevision", equalTo(2)).body("fineAmount", equalTo(200.0f))
                .body("decision.decision.fineMultiple", equalTo("2")).body("statementAt", nullValue());
        step("chuzhou-auditor", id, "final-decision", Map.of()).statusCode(409).contentType(PROBLEM);
        his().body(Map.of("statement", "无异议")).when().post(API + "/institution/reviews/" + id + "/statement").then().statusCode(200);
        String decisionId = step("chuzhou-auditor", id, "final-decision", Map.of()).statusCode(200)
                .body("status", equalTo("DECIDED")).extract().path("decisionId");
        String payload = Db.query("SELECT payload::text AS p FROM outbox_event WHERE subject = ?", decisionId).get(0).get("p").toString();
        assertThat(payload).contains("\"fineMultiple\": \"2\"").contains("\"fineAmount\": \"200.00\"");
        // once final, no more corrections
        step("chuzhou-auditor", id, "decision", draft(decision("ADMINISTRATIVE_PENALTY", "REGULATION_ART_38", "MISUSE", "1", List.of())))
                .statusCode(409);
    }

    @Test
    void theCaseShowsItsVisitPatientFeeLinesAndTheInstitutionWhatItAnswers() throws Exception {
        screened();
        String id = caseOf("DEC-4");
        // the auditor: the visit, the patient in full, the fee line involved, the rule's reason and amount
        as("chuzhou-auditor").when().get(API + "/reviews/" + id).then().statusCode(200)
                .body("amount", equalTo(100.0f)).body("finding.mdtrtId", equalTo("DEC-4")).body("finding.reason", notNullValue())
                .body("finding.feedetlSns", equalTo(List.of("7"))).body("visit.mdtrtId", equalTo("DEC-4"))
                .body("visit.patient.psnNo", equalTo(PERSON)).body("visit.patient.masked", equalTo(false))
                .body("visit.patient.brdy", equalTo("1970-03-07")).body("visit.settledAt", equalTo("2025-08-14T11:00:00"))
                .body("visit.feeLines", hasSize(1)).body("visit.feeLines[0].feedetlSn", equalTo("7"))
                .body("visit.feeLines[0].hilistCode", equalTo(WORK_INJURY_ONLY)).body("visit.feeLines[0].amount", equalTo(100.0f));
        // an admin may read cases but sees the patient masked
        as("chuzhou-admin").when().get(API + "/reviews/" + id).then().statusCode(200)
                .body("visit.patient.psnNo", equalTo("****************5675")).body("visit.patient.masked", equalTo(true))
                .body("visit.patient.brdy", equalTo("1970"));
        as("huaibei-auditor").when().get(API + "/reviews/" + id).then().statusCode(404);

        // the institution: the visit, the reason, the amount; its appeal with a document, which both sides can download
        his().when().get(API + "/institution/reviews/" + id).then().statusCode(200)
                .body("mdtrtId", equalTo("DEC-4")).body("reason", notNullValue()).body("amount", equalTo(100.0f))
                .body("visitBegntime", equalTo("2025-08-14T09:00:00")).body("appealAnswer", nullValue());
        String doc = his().body(Map.of("statement", "附工伤认定书", "documents", List.of(Map.of("name", "工伤认定\u202e书\".pdf",
                        "mediaType", "application/pdf", "contentBase64", PDF))))
                .when().post(API + "/institution/reviews/" + id + "/appeal").then().statusCode(200)
                .body("appealDocuments", hasSize(1)).extract().path("appealDocuments[0].id");
        for (var who : List.of(as("chuzhou-auditor").when().get(API + "/reviews/" + id + "/documents/" + doc),
                his().when().get(API + "/institution/reviews/" + id + "/documents/" + doc))) {
            byte[] body = who.then().statusCode(200).contentType("application/pdf")
                    .header("Cache-Control", equalTo("no-store")).header("X-Content-Type-Options", equalTo("nosniff"))
                    // plain ASCII without quotes in filename, the shown name percent-encoded in filename*; no bidi override
                    .header("Content-Disposition", matchesPattern("attachment; filename=\"[ !#-$&-:<-\\[\\]-~]+\"; "
                            + "filename\\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+"))
                    .header("Content-Disposition", containsString("filename*=UTF-8''%E5%B7%A5%E4%BC%A4"))
                    .header("Content-Disposition", not(containsString("%E2%80%AE")))
                    .extract().asByteArray();
            assertThat(body).isEqualTo(java.util.Base64.getDecoder().decode(PDF));
        }
        as("huaibei-auditor").when().get(API + "/reviews/" + id + "/documents/" + doc).then().statusCode(404).contentType(PROBLEM);
        as("chuzhou-analyst").when().get(API + "/reviews/" + id + "/documents/" + doc).then().statusCode(403);
        as("chuzhou-auditor").when().get(API + "/reviews/" + id + "/documents/00000000-0000-0000-0000-000000000000").then()
                .statusCode(404).contentType(PROBLEM);

        // confirmed on investigation: the institution is told why its appeal failed, never the internal note
        step("chuzhou-auditor", id, "investigation", Map.of("outcome", "CONFIRMED", "fundLoss", "100.00", "note", "内部：认定书系伪造",
                "appealAnswer", "工伤认定书与人社部门记录不符")).statusCode(200);
        String seen = his().when().get(API + "/institution/reviews/" + id).then().statusCode(200)
                .body("appealAnswer", equalTo("工伤认定书与人社部门记录不符")).body("status", equalTo("DECISION"))
                .extract().asString();
        assertThat(seen).doesNotContain("内部").doesNotContain("chuzhou-auditor");
    }

    @Test
    void findingsAreLookedUpByVisitInstitutionRuleAndJobAndJobsAreListed() throws Exception {
        screened();
        Map<String, Object> f = Db.query("SELECT rule_code, job_id::text AS job FROM finding WHERE mdtrt_id = 'DEC-5'").get(0);
        long ofVisit = Db.count("SELECT count(*) FROM finding WHERE mdtrt_id = 'DEC-5'");
        as("chuzhou-auditor").queryParam("mdtrtId", "DEC-5").queryParam("size", 200).when().get(API + "/findings").then().statusCode(200)
                .body("totalItems", equalTo((int) ofVisit)).body("items.mdtrtId", everyItem(equalTo("DEC-5")));
        as("chuzhou-auditor").queryParam("fixmedinsCode", "H34110200001").queryParam("ruleCode", f.get("rule_code"))
                .queryParam("jobId", f.get("job")).queryParam("size", 200).when().get(API + "/findings").then().statusCode(200)
                .body("items.mdtrtId", hasItems("DEC-1", "DEC-5")).body("items.mdtrtId", not(hasItem("DEC-S")))
                .body("items.ruleCode", everyItem(equalTo(f.get("rule_code"))));
        as("huaibei-auditor").queryParam("mdtrtId", "DEC-5").when().get(API + "/findings").then().statusCode(200)
                .body("totalItems", equalTo(0));
        as("chuzhou-auditor").queryParam("mdtrtId", "x".repeat(65)).when().get(API + "/findings").then().statusCode(400)
                .body("errors.field", hasItem("mdtrtId"));

        // the jobs of the region, newest first; Huaibei sees none of Chuzhou's
        as("chuzhou-auditor").queryParam("size", 200).when().get(API + "/screenings").then().statusCode(200)
                .body("items.id", hasItem(f.get("job"))).body("totalItems", notNullValue());
        as("huaibei-auditor").queryParam("size", 200).when().get(API + "/screenings").then().statusCode(200)
                .body("items.id", not(hasItem(f.get("job"))));
        as("chuzhou-analyst").when().get(API + "/screenings").then().statusCode(200);
        as("chuzhou-rule-manager").when().get(API + "/screenings").then().statusCode(403);
    }

    @Test
    void statisticsAreAskedByTheClaimsSettlementPeriod() throws Exception {
        screened();
        String rule = Db.query("SELECT rule_code FROM finding WHERE mdtrt_id = 'DEC-1'").get(0).get("rule_code").toString();
        var august = as("chuzhou-analyst").queryParam("claimPeriodFrom", "2025-08-01").queryParam("claimPeriodTo", "2025-08-31")
                .when().get(API + "/statistics").then().statusCode(200).body("claimPeriodFrom", equalTo("2025-08-01"))
                .body("from", nullValue()).extract().jsonPath();
        // the five definite findings were settled in August: counted in August, whenever they were found
        assertThat(august.getLong("rows.find { it.region == '341102' && it.ruleCode == '" + rule + "' && it.month == '2025-08' }.findings"))
                .isGreaterThanOrEqualTo(5);
        as("chuzhou-analyst").queryParam("claimPeriodFrom", "2025-07-01").queryParam("claimPeriodTo", "2025-07-31")
                .when().get(API + "/statistics").then().statusCode(200).body("rows.month", not(hasItem("2025-08")));
        // by when found, the same findings are in this month
        String today = clock.today().toString();
        as("chuzhou-analyst").queryParam("from", today).queryParam("to", today).when().get(API + "/statistics").then().statusCode(200)
                .body("rows.month", hasItem(today.substring(0, 7)));
        // a half pair, or none at all, is named
        as("chuzhou-analyst").queryParam("claimPeriodFrom", "2025-08-01").when().get(API + "/statistics").then().statusCode(400)
                .body("errors.field", hasItem("claimPeriodTo"));
        as("chuzhou-analyst").when().get(API + "/statistics").then().statusCode(400).body("errors.field", hasItem("from"));
        as("chuzhou-analyst").queryParam("claimPeriodFrom", "2025-08-31").queryParam("claimPeriodTo", "2025-08-01")
                .when().get(API + "/statistics").then().statusCode(400).body("errors.field", hasItem("claimPeriodTo"));
    }

    @Test
    void oneVocabularyOfOutcomesAndTheCaseIsFreeForASecondReviewer() throws Exception {
        screened();
        String id = caseOf("DEC-S");
        step("chuzhou-auditor", id, "assignment", Map.of("assignee", "chuzhou-auditor")).statusCode(200);
        // the old word is not accepted; the error lists the allowed values
        step("chuzhou-auditor", id, "first-review", Map.of("outcome", "CONFIRM", "reason", "x")).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("outcome")).body("errors[0].message", equalTo("must be one of CONFIRMED, DISMISSED"));
        as("chuzhou-auditor").queryParam("status", "OPEN").when().get(API + "/reviews").then().statusCode(400)
                .body("errors[0].field", equalTo("status")).body("errors[0].message", containsString("FIRST_REVIEW, SECOND_REVIEW"));
        step("chuzhou-auditor", id, "first-review", Map.of("outcome", "CONFIRMED", "reason", "男性使用限女性药品")).statusCode(200)
                .body("firstOutcome", equalTo("CONFIRMED")).body("assignee", nullValue());
        // the first reviewer may not be given the second review
        step("chuzhou-auditor-2", id, "assignment", Map.of("assignee", "chuzhou-auditor")).statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("Separation of duties"));
        step("chuzhou-auditor-2", id, "assignment", Map.of("assignee", "chuzhou-auditor-2")).statusCode(200);
        step("chuzhou-auditor-2", id, "second-review", Map.of("outcome", "DISMISSED", "reason", "处方有说明")).statusCode(200)
                .body("secondOutcome", equalTo("DISMISSED")).body("status", equalTo("DISMISSED"));
        List<String> words = new ArrayList<>();
        for (Map<String, Object> r : Db.query("SELECT first_outcome, second_outcome FROM review_case WHERE id = ?::uuid", id)) {
            words.add(r.get("first_outcome").toString());
            words.add(r.get("second_outcome").toString());
        }
        assertThat(words).containsExactly("CONFIRMED", "DISMISSED");
    }
}
