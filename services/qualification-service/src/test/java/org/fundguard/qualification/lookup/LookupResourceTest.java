package org.fundguard.qualification.lookup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The settlement look-up through its API, fed by CloudEvents-binary records on the real Kafka (as the outbox relay
 * publishes them), with real Keycloak tokens — and with NO database: the datasource points at a port where nothing
 * listens (Flyway and schema validation off), so every answer here proves a look-up never touches the database.
 */
@QuarkusTest
@TestProfile(LookupResourceTest.NoDatabase.class)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class LookupResourceTest {

    /** The datasource is unreachable: nothing listens on port 9 (discard) of localhost here. */
    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:9/nothing",
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:9/nothing",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.hibernate-orm.schema-management.strategy", "none",
                    "fundguard.outbox.relay-enabled", "false");
        }
    }

    private static final String TOPIC = "fundguard.qualification";
    private static final String BASE = "/api/qualification/v1/lookup/";
    /** Codes of this run only: the test Kafka is shared and keeps earlier runs' events. */
    private static final String RUN = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    private static final String SUSPENDED = "D3411" + RUN;
    private static final String TERMINATED = "D3406" + RUN;
    private static final String RESTORED = "HY341" + RUN;
    private static final String UNKNOWN = "D9999" + RUN;
    private static final UUID DECISION = UUID.randomUUID();

    private static KafkaProducer<String, String> producer;
    private static String his;

    @Inject
    QualificationEventFeed feed;

    @BeforeAll
    static void publish() throws Exception {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        send("qualification.suspended.v1", UUID.randomUUID().toString(), SUSPENDED, "{\"practitionerCode\":\"" + SUSPENDED
                + "\",\"personType\":\"DOCTOR\",\"region\":\"341100\",\"institutionCode\":\"H34110200001\",\"yearPoints\":10,"
                + "\"from\":\"2027-03-01\",\"until\":\"2027-06-30\",\"decisionId\":\"" + DECISION
                + "\",\"at\":\"2027-02-20T02:15:00Z\",\"addedLater\":{\"any\":\"thing\"}}");
        send("qualification.terminated.v1", UUID.randomUUID().toString(), TERMINATED, "{\"practitionerCode\":\"" + TERMINATED
                + "\",\"personType\":\"DOCTOR\",\"region\":\"340600\",\"institutionCode\":\"H34060200003\",\"yearPoints\":14,"
                + "\"from\":\"2027-05-10\",\"reRegistrationBarredUntil\":\"2028-05-09\",\"decisionId\":\"" + DECISION
                + "\",\"at\":\"2027-05-09T02:15:00Z\"}");
        String restoredSuspension = UUID.randomUUID().toString();
        String suspension = "{\"practitionerCode\":\"" + RESTORED + "\",\"personType\":\"PHARMACIST\",\"region\":\"341100\","
                + "\"institutionCode\":\"H34110200001\",\"yearPoints\":9,\"from\":\"2027-01-01\",\"until\":\"2027-03-31\","
                + "\"decisionId\":\"" + DECISION + "\",\"at\":\"2026-12-30T02:15:00Z\"}";
        send("qualification.suspended.v1", restoredSuspension, RESTORED, suspension);
        send("qualification.restored.v1", UUID.randomUUID().toString(), RESTORED, "{\"practitionerCode\":\"" + RESTORED
                + "\",\"personType\":\"PHARMACIST\",\"region\":\"341100\",\"from\":\"2027-02-01\",\"reason\":\"APPEAL_UPHELD\","
                + "\"at\":\"2027-02-01T01:00:00Z\"}");
        // delivered again after the restoration (the relay publishes a failed pass again): changes nothing
        send("qualification.suspended.v1", restoredSuspension, RESTORED, suspension);
        send("points.proposed.v1", UUID.randomUUID().toString(), SUSPENDED, "{\"not\":\"a look-up event\"}");
        producer.flush();
        his = Tokens.client("his-h34110200001", "dev-his-secret");
    }

    @AfterAll
    static void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static void send(String type, String id, String key, String json) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(TOPIC, key, json);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", id);
        header(r, "ce_type", type);
        header(r, "ce_source", "/fundguard/qualification-service");
        header(r, "ce_subject", key);
        header(r, "ce_time", "2027-02-20T02:15:00Z");
        header(r, "content-type", "application/json");
        producer.send(r).get();
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitSeen(String code, String date) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> given().auth().oauth2(his)
                .queryParam("date", date).get(BASE + code).then().extract().statusCode() == 200
                && !given().auth().oauth2(his).queryParam("date", date).get(BASE + code).then().extract()
                        .<Boolean>path("mayBill"));
    }

    @Test
    void asOfTheDateAskedASuspensionBarsFromItsFirstToItsLastDay() {
        awaitSeen(SUSPENDED, "2027-03-01");
        for (Object[] c : new Object[][]{{"2027-02-28", true}, {"2027-03-01", false}, {"2027-06-30", false},
                {"2027-07-01", true}}) {
            given().auth().oauth2(his).queryParam("date", c[0]).when().get(BASE + SUSPENDED)
                    .then().statusCode(200).header("Cache-Control", "no-store").body("mayBill", equalTo(c[1]));
        }
        given().auth().oauth2(his).queryParam("date", "2027-04-15").when().get(BASE + SUSPENDED)
                .then().statusCode(200)
                .body("code", equalTo(SUSPENDED))
                .body("basis", equalTo("SUSPENDED"))
                .body("decisionId", equalTo(DECISION.toString()))
                .body("barredFrom", equalTo("2027-03-01"))
                .body("barredUntil", equalTo("2027-06-30"))
                .body("emergencyException", equalTo("AVAILABLE"))
                .body("sanctionKnown", equalTo(true));
    }

    @Test
    void anEmergencyVisitStaysPayableUnderASuspendedCode() {
        awaitSeen(SUSPENDED, "2027-03-01");
        given().auth().oauth2(his).queryParam("date", "2027-04-15").queryParam("med_type", "13").when().get(BASE + SUSPENDED)
                .then().statusCode(200).body("mayBill", equalTo(true)).body("basis", equalTo("SUSPENDED"))
                .body("emergencyException", equalTo("APPLIES"));
        given().auth().oauth2(his).queryParam("date", "2027-04-15").queryParam("med_type", "11").when().get(BASE + SUSPENDED)
                .then().statusCode(200).body("mayBill", equalTo(false)).body("emergencyException", equalTo("NOT_APPLICABLE"));
    }

    @Test
    void aTerminationHasNoEndAndARestorationEndsASuspension() {
        awaitSeen(TERMINATED, "2027-05-10");
        given().auth().oauth2(his).queryParam("date", "2029-01-01").when().get(BASE + TERMINATED)
                .then().statusCode(200).body("mayBill", equalTo(false)).body("basis", equalTo("TERMINATED"))
                .body("barredUntil", nullValue()).body("reRegistrationBarredUntil", equalTo("2028-05-09"));
        awaitSeen(RESTORED, "2027-01-31");
        given().auth().oauth2(his).queryParam("date", "2027-02-01").when().get(BASE + RESTORED)
                .then().statusCode(200).body("mayBill", equalTo(true)).body("basis", equalTo("NONE"))
                .body("sanctionKnown", equalTo(true));
    }

    @Test
    void anUnknownCodeMayBillAndSaysNoSanctionIsKnown() {
        given().auth().oauth2(his).queryParam("date", "2027-03-01").when().get(BASE + UNKNOWN)
                .then().statusCode(200).body("mayBill", equalTo(true)).body("basis", equalTo("NONE"))
                .body("sanctionKnown", equalTo(false)).body("note", equalTo("no sanction known for this code"));
    }

    @Test
    void theDateDefaultsToTodaysBusinessDate() {
        given().auth().oauth2(his).when().get(BASE + UNKNOWN)
                .then().statusCode(200).body("date", equalTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()));
    }

    @Test
    void aBadCodeDateOrMedTypeIsA400NamingTheField() {
        given().auth().oauth2(his).when().get(BASE + "D-341102")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("code"));
        given().auth().oauth2(his).queryParam("date", "2027-02-30").when().get(BASE + SUSPENDED)
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
        given().auth().oauth2(his).queryParam("date", "20270301").when().get(BASE + SUSPENDED)
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
        given().auth().oauth2(his).queryParam("med_type", "1a").when().get(BASE + SUSPENDED)
                .then().statusCode(400).body("errors[0].field", equalTo("med_type"));
    }

    @Test
    void aHundredCodesInOneRequestAreAnsweredInOrder() {
        awaitSeen(SUSPENDED, "2027-03-01");
        List<String> codes = new ArrayList<>();
        codes.add(SUSPENDED);
        for (int i = 1; i < 100; i++) {
            codes.add(String.format("D3411%08d", i));
        }
        given().auth().oauth2(his).contentType(ContentType.JSON)
                .body(Map.of("codes", codes, "date", "2027-03-01", "med_type", "11"))
                .when().post(BASE)
                .then().statusCode(200)
                .body("date", equalTo("2027-03-01"))
                .body("answers", hasSize(100))
                .body("answers[0].code", equalTo(SUSPENDED))
                .body("answers[0].mayBill", equalTo(false))
                .body("answers[0].basis", equalTo("SUSPENDED"))
                .body("answers[99].code", equalTo("D341100000099"))
                .body("answers[99].mayBill", equalTo(true));
    }

    @Test
    void aHundredAndOneCodesAreA400NamingTheField() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            codes.add(String.format("D3411%08d", i));
        }
        given().auth().oauth2(his).contentType(ContentType.JSON).body(Map.of("codes", codes))
                .when().post(BASE)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("codes"));
        given().auth().oauth2(his).contentType(ContentType.JSON).body(Map.of("codes", List.of(SUSPENDED, "bad code!")))
                .when().post(BASE)
                .then().statusCode(400).body("errors[0].field", equalTo("codes[1]"));
        given().auth().oauth2(his).contentType(ContentType.JSON).body(Map.of("codes", List.of()))
                .when().post(BASE)
                .then().statusCode(400).body("errors[0].field", equalTo("codes"));
    }

    @Test
    void hospitalSystemsAndStaffMayAskABankMayNot() {
        given().auth().oauth2(Tokens.user("chuzhou-qualification-officer")).when().get(BASE + UNKNOWN)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.client("bank-demo", "dev-bank-secret")).when().get(BASE + UNKNOWN)
                .then().statusCode(403);
        given().when().get(BASE + UNKNOWN).then().statusCode(401);
    }

    @Test
    void theFeedIsReadyAndReportsItself() {
        await().atMost(Duration.ofSeconds(60)).until(feed::ready);
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'qualification-lookup' }.status", equalTo("UP"));
    }

    @Test
    void aSecondStartReplaysEveryEarlierEventAndIsNotReadyBefore() {
        awaitSeen(SUSPENDED, "2027-03-01");
        awaitSeen(RESTORED, "2027-01-31");
        SanctionRegister fresh = new SanctionRegister();
        QualificationEventFeed second = new QualificationEventFeed(fresh, new TestConfig(), KafkaResource.bootstrapServers());
        assertThat(second.ready()).isFalse();
        second.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(second::ready);
            // ready means caught up: every event published before the start is in, without waiting any longer
            assertThat(fresh.timeline(SUSPENDED).on(LocalDate.of(2027, 3, 1))).isNotNull();
            assertThat(fresh.timeline(TERMINATED).on(LocalDate.of(2027, 5, 10))).isNotNull();
            assertThat(fresh.timeline(RESTORED).on(LocalDate.of(2027, 1, 31))).isNotNull();
            assertThat(fresh.timeline(RESTORED).on(LocalDate.of(2027, 2, 1))).isNull();
            assertThat(second.eventsApplied()).isGreaterThanOrEqualTo(4);
        } finally {
            second.stop();
        }
    }

    /** The defaults, for a feed built by hand. */
    private static final class TestConfig implements LookupConfig {
        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public int maxCodes() {
            return 100;
        }

        @Override
        public boolean feedEnabled() {
            return true;
        }

        @Override
        public Duration pollTimeout() {
            return Duration.ofMillis(200);
        }

        @Override
        public Duration partitionCheckInterval() {
            return Duration.ofSeconds(10);
        }
    }
}
