package org.fundguard.e2e;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The reporter's whole journey through the gateway, as packaged processes with real Keycloak tokens: an anonymous
 * report with an attachment, its receipt, acceptance, verification with the case value, approval by another person,
 * the reporter seeing the amount and claiming it with the receipt and secret only, payment — and the events on Kafka.
 */
class ReportJourneyTest {

    private static final String SECRET = "X-Receipt-Secret";
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static Suite suite;

    @BeforeAll
    static void start() {
        suite = Suite.shared();
    }

    private static RequestSpecification gateway() {
        return given().baseUri(suite.gatewayUrl());
    }

    private static RequestSpecification staff(String user) {
        return gateway().auth().oauth2(Tokens.user(user));
    }

    @Test
    void anAnonymousReportEndsInAPaidRewardClaimedWithTheReceiptAlone() throws Exception {
        String conduct = "住院患者实际未住院（挂床住院）" + UUID.randomUUID();
        String report = "{\"region\":\"341100\",\"institution\":{\"code\":\"H34110200001\",\"name\":\"滁州市第一人民医院\"},"
                + "\"conduct\":\"" + conduct + "\",\"occurredOn\":\"2026-10-12\",\"wantsReward\":true}";
        // as a browser sends it: the JSON part and file names in UTF-8
        var browser = io.restassured.RestAssured.config()
                .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                        .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
                .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"));
        var issued = gateway().config(browser).multiPart(new io.restassured.builder.MultiPartSpecBuilder(report).controlName("report").mimeType("application/json").charset("UTF-8").build())
                .multiPart("evidence", "bill.pdf", PDF, "application/pdf")
                .when().post("/public/reports/v1/reports")
                .then().statusCode(201).header("X-Request-Id", org.hamcrest.Matchers.notNullValue()).extract();
        String receipt = issued.path("receiptCode");
        String secret = issued.path("secret");

        // the handler finds it in their region's list (no reporter identity there)
        var list = staff("chuzhou-report-handler").when().get("/api/reports/v1/reports?status=RECEIVED&size=200")
                .then().statusCode(200).extract().jsonPath();
        String id = list.getString("items.find { it.conduct == '" + conduct + "' }.id");
        assertThat(id).as("the new report among %s", list.getList("items.conduct")).isNotNull();
        staff("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/reports/v1/reports/" + id + "/acceptance").then().statusCode(200);
        staff("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of(
                        "outcome", "VERIFIED", "caseValue", "500000.01",
                        "institution", Map.of("code", "H34110200001", "name", "滁州市第一人民医院"),
                        "responsiblePersons", List.of(Map.of("nationalCode", "D341100000123", "personType", "DOCTOR",
                                "responsibilityLevel", "PRINCIPAL")),
                        "rewardChecks", Map.of("clearTargetAndEvidence", true, "factsNewToBureau", true,
                                "otherLegalConditions", true)))
                .when().post("/api/reports/v1/reports/" + id + "/investigation").then().statusCode(200);
        staff("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("decisionType", "ADMINISTRATIVE_PENALTY",
                        "legalBasis", Map.of("article", "REGULATION_ART_40"), "conduct", "FRAUD",
                        "violationTypes", List.of("挂床住院", "伪造医疗文书"), "fineMultiple", "2",
                        "publicOfficialInvolved", false))
                .when().post("/api/reports/v1/reports/" + id + "/handling-decision").then().statusCode(200);

        // seed 004: 3% of 100,000 + 2% of 400,000 + 1% of 0.01 = 11,000.0001 → 11,000.00
        staff("chuzhou-reward-approver").when().get("/api/reports/v1/reports/" + id + "/reward").then().statusCode(200)
                .body("quote.amount", equalTo(11000.00f)).body("eligible", equalTo(true));
        // the gateway lets report handlers through to /api/reports; the service refuses them the approval
        staff("chuzhou-report-handler").when().post("/api/reports/v1/reports/" + id + "/reward/approval").then().statusCode(403);
        staff("chuzhou-reward-approver").when().post("/api/reports/v1/reports/" + id + "/reward/approval")
                .then().statusCode(200).body("status", equalTo("APPROVED"));

        // the reporter, with the receipt and the secret only
        gateway().header(SECRET, secret).when().get("/public/reports/v1/receipts/" + receipt).then().statusCode(200)
                .body("status", equalTo("DECIDED"))
                .body("attachments", hasSize(1))
                .body("reward.amount", equalTo(11000.00f))
                .body("reward.status", equalTo("APPROVED"));
        gateway().header(SECRET, "NOT" + secret.substring(3)).when().get("/public/reports/v1/receipts/" + receipt)
                .then().statusCode(404);
        gateway().header(SECRET, secret).contentType(ContentType.JSON)
                .body(Map.of("name", "王小明", "idNumber", "11010519491231002X", "phone", "13800138000"))
                .when().post("/public/reports/v1/receipts/" + receipt + "/reward-claim")
                .then().statusCode(200).body("reward.status", equalTo("CLAIMED"));
        staff("chuzhou-reward-approver").contentType(ContentType.JSON).body(Map.of("paymentRef", "PAY-E2E-1"))
                .when().post("/api/reports/v1/reports/" + id + "/reward/payment").then().statusCode(200)
                .body("status", equalTo("PAID"));
        gateway().header(SECRET, secret).when().get("/public/reports/v1/receipts/" + receipt).then().statusCode(200)
                .body("reward.status", equalTo("PAID"))
                .body("messages.author", hasItem("BUREAU"));

        // a receipt code is half of the reporter's credential: masked in both access logs, the secret never there
        for (String process : List.of("gateway", "reports")) {
            assertThat(suite.log(process)).as(process + " log").doesNotContain(receipt).doesNotContain(secret)
                    .contains("/receipts/***");
        }

        // the events, on the real broker, each valid against its contract schema
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().url(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("fundguard.reports"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<String> wanted = List.of("report.received.v1", "report.accepted.v1", "report.verified.v1",
                    "violation.decided.v1", "reward.approved.v1", "reward.paid.v1");
            while (System.nanoTime() < deadline && !types.containsAll(wanted)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    if (id.equals(r.key()) || r.value().contains(id)) {
                        String type = new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
                        EventSchemas.assertValid(type, r.value());
                        assertThat(r.value()).doesNotContain("11010519491231002X").doesNotContain("王小明");
                        types.add(type);
                    }
                }
            }
            assertThat(types).containsAll(wanted);
        }
    }
}
