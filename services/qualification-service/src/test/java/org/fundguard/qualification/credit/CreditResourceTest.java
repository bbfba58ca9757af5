package org.fundguard.qualification.credit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fundguard.contracts.EventSchemas;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.TestDatabases;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The credit rating through its API with real tokens, fed by real violation.decided.v1 events on Kafka: deductions once
 * per event, the evaluation and its explanation, officers' deductions with evidence, repair within and after the
 * deadline, region scope, the credit query of a bank (and nothing else for it), the demo seeder, schema-valid events.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class CreditResourceTest {

    static final String API = "/api/qualification/v1/credit";
    static final String QUERY = "/api/qualification/v1/credit-query/";
    static final String DB = "test_qualification_service";
    static final String PROBLEM = "application/problem+json";
    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    BusinessClock clock;

    @Inject
    DemoCredit demo;

    static String officer() {
        return Tokens.user("chuzhou-qualification-officer");
    }

    static String example() throws Exception {
        try (InputStream in = CreditResourceTest.class.getClassLoader().getResourceAsStream("events/violation-decided.v1.example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void send(String topic, String key, String payload, String ceId) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> p = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, payload);
            r.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", ceId.getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", "violation.decided.v1".getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/fundguard/monitoring-service".getBytes(StandardCharsets.UTF_8))
                    .add("ce_subject", key.getBytes(StandardCharsets.UTF_8))
                    .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            p.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql, Object... args) {
        return TestDatabases.count(DB, sql, args);
    }

    /** The example decision for institution {@code code} (a fresh decision id), delivered twice with one ce_id. */
    static String decide(String code, String topic, boolean extraField) throws Exception {
        ObjectNode e = (ObjectNode) JSON.readTree(example());
        String decisionId = UUID.randomUUID().toString();
        e.put("decisionId", decisionId);
        ((ObjectNode) e.get("institution")).put("code", code);
        if (extraField) {
            e.put("appealDeadline", "2026-12-31");
            e.putObject("issuedBy").put("agency", "341100");
        }
        String ceId = UUID.randomUUID().toString();
        send(topic, code, e.toString(), ceId);
        send(topic, code, e.toString(), ceId);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM processed_event WHERE consumer = 'credit' AND event_id = ?", ceId) == 1);
        return decisionId;
    }

    @Test
    void theExampleDecisionDeliveredTwiceGivesOneSetOfDeductions() throws Exception {
        String decision = decide("H34110200101", "fundguard.monitoring", false);
        // MISUSE agreement handling → JD-01; SUSPEND_DEPARTMENT → XY-10; 分解住院 → XY-04; 重复收费 → XY-05
        assertThat(TestDatabases.query(DB, "SELECT indicator_code AS c FROM credit_deduction WHERE decision_id = ? ORDER BY 1", decision))
                .extracting(r -> r.get("c")).containsExactly("JD-01", "XY-04", "XY-05", "XY-10");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'credit.deducted' AND entity_id = 'H34110200101'"
                + " AND actor_subject = 'system:credit-consumer'")).isEqualTo(4);
    }

    @Test
    void aDecisionWithAnExtraFieldFromReportsIsTolerated() throws Exception {
        String decision = decide("H34110200102", "fundguard.reports", true);
        assertThat(count("SELECT count(*) FROM credit_deduction WHERE decision_id = ?", decision)).isEqualTo(4);
    }

    @Test
    void theEvaluationExplainsEachIndicatorAndPublishesASchemaValidEvent() throws Exception {
        decide("H34110200103", "fundguard.monitoring", false);
        int year = clock.today().getYear();
        given().auth().oauth2(officer()).when().post(API + "/institutions/H34110200103/evaluations/" + year).then()
                .statusCode(200).header("Cache-Control", containsString("no-store"))
                .body("score", equalTo(1000 - 10 - 20 - 10 - 10)).body("grade", equalTo("A"))
                .body("scoreGrade", equalTo("A")).body("inspectionsPerYear", equalTo(1))
                .body("lines.size()", equalTo(58))
                .body("lines.find { it.indicatorCode == 'XY-10' }.deducted", equalTo(20))
                .body("lines.find { it.indicatorCode == 'XY-10' }.category", equalTo("协议管理"));
        List<Map<String, Object>> events = TestDatabases.query(DB,
                "SELECT payload::text AS p FROM outbox_event WHERE type = 'credit.graded.v1' AND subject = 'H34110200103'");
        assertThat(events).hasSize(1);
        EventSchemas.assertValid("credit.graded.v1", (String) events.get(0).get("p"));
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'credit.evaluated' AND entity_id = 'H34110200103'"
                + " AND actor_username = 'chuzhou-qualification-officer'")).isEqualTo(1);
        given().auth().oauth2(Tokens.user("anhui-auditor")).when().get(API + "/institutions/H34110200103/evaluations/" + year)
                .then().statusCode(200).body("score", equalTo(950));
        given().auth().oauth2(Tokens.user("chuzhou-analyst")).queryParam("year", year).when().get(API + "/evaluations")
                .then().statusCode(200).body("items.fixmedinsCode", hasItem("H34110200103"));
    }

    @Test
    void aFraudDecisionForcesE() throws Exception {
        ObjectNode e = (ObjectNode) JSON.readTree(example());
        e.put("decisionId", UUID.randomUUID().toString());
        e.put("conduct", "FRAUD");
        ((ObjectNode) e.get("institution")).put("code", "H34110200104");
        String ceId = UUID.randomUUID().toString();
        send("fundguard.monitoring", "H34110200104", e.toString(), ceId);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = ?", ceId) == 1);
        given().auth().oauth2(officer()).when().post(API + "/institutions/H34110200104/evaluations/" + clock.today().getYear())
                .then().statusCode(200).body("grade", equalTo("E")).body("forcedReason", containsString("serious dishonesty"))
                .body("inspectionsPerYear", equalTo(6));
    }

    @Test
    void anOfficerDeductsWithEvidenceAndRepairsWithinTheDeadlineButNotAfter() throws Exception {
        decide("H34110200105", "fundguard.monitoring", false);
        int year = clock.today().getYear();
        given().auth().oauth2(officer()).when().post(API + "/institutions/H34110200105/evaluations/" + year).then().statusCode(200)
                .body("score", equalTo(950));
        String id = given().auth().oauth2(officer())
                .multiPart("deduction", "{\"indicatorCode\":\"JC-06\",\"reason\":\"追溯码未扫码上传 (检查记录 2026-11)\"}", "application/json")
                .multiPart("evidence", "check.pdf", PDF, "application/pdf")
                .when().post(API + "/institutions/H34110200105/deductions").then().statusCode(201)
                .body("points", equalTo(5)).body("origin", equalTo("OFFICER")).extract().path("id");
        assertThat(count("SELECT count(*) FROM credit_evidence WHERE deduction_id = ?::uuid", id)).isEqualTo(1);

        // repair restores the points; the evaluated year is evaluated again
        String xy05 = (String) TestDatabases.query(DB, "SELECT id::text AS id FROM credit_deduction WHERE fixmedins_code = 'H34110200105'"
                + " AND indicator_code = 'XY-05'").get(0).get("id");
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body("{\"note\":\"已退回违规费用并整改\"}")
                .when().post(API + "/deductions/" + xy05 + "/repair").then().statusCode(200).body("repairedOn", equalTo(clock.today().toString()));
        given().auth().oauth2(officer()).when().get(API + "/institutions/H34110200105/evaluations/" + year).then().statusCode(200)
                .body("score", equalTo(950 - 5 + 10));
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'credit.repaired' AND entity_id = 'H34110200105'")).isEqualTo(1);

        // not repairable
        String xy10 = (String) TestDatabases.query(DB, "SELECT id::text AS id FROM credit_deduction WHERE fixmedins_code = 'H34110200105'"
                + " AND indicator_code = 'XY-10'").get(0).get("id");
        given().auth().oauth2(officer()).contentType(ContentType.JSON).body("{\"note\":\"x\"}")
                .when().post(API + "/deductions/" + xy10 + "/repair").then().statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("not repairable"));

        // after the deadline (JD-01: 90 days after 2026-11-20, so 2027-02-18)
        String jd01 = (String) TestDatabases.query(DB, "SELECT id::text AS id FROM credit_deduction WHERE fixmedins_code = 'H34110200105'"
                + " AND indicator_code = 'JD-01'").get(0).get("id");
        clock.set(Clock.fixed(Instant.parse("2027-03-01T02:00:00Z"), BusinessClock.ZONE));
        try {
            given().auth().oauth2(officer()).contentType(ContentType.JSON).body("{\"note\":\"late\"}")
                    .when().post(API + "/deductions/" + jd01 + "/repair").then().statusCode(422).contentType(PROBLEM)
                    .body("detail", containsString("2027-02-18")).body("detail", containsString("too late"));
        } finally {
            clock.reset();
        }
        assertThat(count("SELECT count(*) FROM credit_deduction WHERE id = ?::uuid AND repaired_on IS NULL", jd01)).isEqualTo(1);
    }

    @Test
    void anOfficersDeductionNeedsEvidenceAndAKnownIndicator() throws Exception {
        decide("H34110200106", "fundguard.monitoring", false);
        given().auth().oauth2(officer())
                .multiPart("deduction", "{\"indicatorCode\":\"JC-06\",\"reason\":\"x\"}", "application/json")
                .when().post(API + "/institutions/H34110200106/deductions").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("evidence"));
        given().auth().oauth2(officer())
                .multiPart("deduction", "{\"indicatorCode\":\"QQ-99\",\"reason\":\"x\"}", "application/json")
                .multiPart("evidence", "check.pdf", PDF, "application/pdf")
                .when().post(API + "/institutions/H34110200106/deductions").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("indicatorCode"));
        given().auth().oauth2(officer())
                .multiPart("deduction", "{\"indicatorCode\":\"JC-06\",\"reason\":\"x\"}", "application/json")
                .multiPart("evidence", "check.pdf", "not a pdf".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .when().post(API + "/institutions/H34110200106/deductions").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("evidence[0]"));
        assertThat(count("SELECT count(*) FROM credit_deduction WHERE fixmedins_code = 'H34110200106' AND origin = 'OFFICER'")).isZero();
    }

    @Test
    void anOfficerOfAnotherRegionSeesAndChangesNothing() throws Exception {
        decide("H34110200107", "fundguard.monitoring", false);
        int year = clock.today().getYear();
        String huaibei = Tokens.user("huaibei-qualification-officer");
        given().auth().oauth2(huaibei).when().post(API + "/institutions/H34110200107/evaluations/" + year).then().statusCode(404);
        given().auth().oauth2(huaibei).queryParam("year", year).when().get(API + "/institutions/H34110200107/deductions").then().statusCode(404);
        String id = (String) TestDatabases.query(DB, "SELECT id::text AS id FROM credit_deduction WHERE fixmedins_code = 'H34110200107'"
                + " AND indicator_code = 'XY-05'").get(0).get("id");
        given().auth().oauth2(huaibei).contentType(ContentType.JSON).body("{\"note\":\"x\"}")
                .when().post(API + "/deductions/" + id + "/repair").then().statusCode(404);
        assertThat(count("SELECT count(*) FROM credit_evaluation WHERE fixmedins_code = 'H34110200107'")).isZero();
        assertThat(count("SELECT count(*) FROM credit_deduction WHERE id = ?::uuid AND repaired_on IS NULL", id)).isEqualTo(1);
    }

    @Test
    void aBankReadsTheGradeAndScoreOnlyAndEveryQueryIsAudited() throws Exception {
        decide("H34110200108", "fundguard.monitoring", false);
        int year = clock.today().getYear();
        given().auth().oauth2(officer()).when().post(API + "/institutions/H34110200108/evaluations/" + year).then().statusCode(200);
        String bank = Tokens.client("bank-demo", "dev-bank-secret");
        Map<String, Object> answer = given().auth().oauth2(bank).when().get(QUERY + "H34110200108").then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).extract().jsonPath().getMap("");
        assertThat(answer).containsOnlyKeys("fixmedinsCode", "grade", "score", "year")
                .containsEntry("grade", "A").containsEntry("score", 950).containsEntry("year", year);
        given().auth().oauth2(bank).when().get(QUERY + "H00000000000").then().statusCode(404);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'credit.queried' AND entity_id = 'H34110200108'"
                + " AND after_state->>'client' = 'bank-demo'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'credit.queried' AND entity_id = 'H00000000000'")).isEqualTo(1);

        String deduction = (String) TestDatabases.query(DB, "SELECT id::text AS id FROM credit_deduction WHERE fixmedins_code = 'H34110200108'"
                + " AND indicator_code = 'XY-05'").get(0).get("id");
        given().auth().oauth2(bank).queryParam("year", year).when().get(API + "/evaluations").then().statusCode(403);
        given().auth().oauth2(bank).when().get(API + "/institutions/H34110200108/evaluations/" + year).then().statusCode(403);
        given().auth().oauth2(bank).when().post(API + "/institutions/H34110200108/evaluations/" + year).then().statusCode(403);
        given().auth().oauth2(bank).queryParam("year", year).when().get(API + "/institutions/H34110200108/deductions").then().statusCode(403);
        given().auth().oauth2(bank).multiPart("deduction", "{\"indicatorCode\":\"JC-06\",\"reason\":\"x\"}", "application/json")
                .multiPart("evidence", "check.pdf", PDF, "application/pdf")
                .when().post(API + "/institutions/H34110200108/deductions").then().statusCode(403);
        given().auth().oauth2(bank).contentType(ContentType.JSON).body("{\"note\":\"x\"}")
                .when().post(API + "/deductions/" + deduction + "/repair").then().statusCode(403);
        given().when().get(QUERY + "H34110200108").then().statusCode(401);
    }

    void seed() {
        try {
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> demo.seed());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDemoSeedGradesThreeYearsFlagsThreePoorYearsAndIsIdempotent() {
        seed();
        long evaluations = count("SELECT count(*) FROM credit_evaluation");
        long deductions = count("SELECT count(*) FROM credit_deduction");
        seed();
        assertThat(count("SELECT count(*) FROM credit_evaluation")).isEqualTo(evaluations);
        assertThat(count("SELECT count(*) FROM credit_deduction")).isEqualTo(deductions);
        int last = clock.today().getYear() - 1;
        for (String code : List.of("H34110200001", "H34110300002", "H34060200003", "P34060200001")) {
            assertThat(count("SELECT count(*) FROM credit_evaluation WHERE fixmedins_code = ? AND year BETWEEN ? AND ?", code, last - 2, last))
                    .as(code).isEqualTo(3);
        }
        assertThat(TestDatabases.query(DB, "SELECT grade AS g FROM credit_evaluation WHERE fixmedins_code = 'P34060200001' ORDER BY year"))
                .extracting(r -> r.get("g")).containsExactly("D", "D", "E");
        assertThat(count("SELECT count(*) FROM credit_institution WHERE agreement_end_year = ?", last)).isEqualTo(1);
        List<Map<String, Object>> flagged = TestDatabases.query(DB,
                "SELECT payload::text AS p FROM outbox_event WHERE type = 'credit.agreement-end-flagged.v1'");
        assertThat(flagged).hasSize(1);
        EventSchemas.assertValid("credit.agreement-end-flagged.v1", (String) flagged.get(0).get("p"));
        given().auth().oauth2(Tokens.user("huaibei-qualification-officer")).when().get(API + "/institutions/P34060200001/evaluations/" + last)
                .then().statusCode(200).body("agreementEndFlaggedYear", equalTo(last)).body("grade", equalTo("E"));
    }
}
