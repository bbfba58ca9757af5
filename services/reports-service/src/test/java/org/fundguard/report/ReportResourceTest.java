package org.fundguard.report;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fundguard.contracts.EventSchemas;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class ReportResourceTest {

    private static final String REPORTS = "/api/reports/v1/reports";

    static String intake(String user, String region, String conduct) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "region", region, "conduct", conduct,
                        "institution", Map.of("code", "H34110200001", "name", "滁州市第一人民医院")))
                .when().post(REPORTS)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void handlerRecordsAReportOfTheirRegion() {
        String id = intake("chuzhou-report-handler", "341102", "同一处方药品重复收费。");
        given().auth().oauth2(Tokens.user("chuzhou-report-handler")).when().get(REPORTS + "/" + id)
                .then().statusCode(200)
                .body("region", equalTo("341102"))
                .body("status", equalTo("RECEIVED"))
                .body("conduct", equalTo("同一处方药品重复收费。"));
    }

    @Test
    void scriptInTextIsStoredAndReturnedAsInertText() {
        String text = "<script>alert('x')</script> 挂床住院";
        String id = intake("chuzhou-report-handler", "341100", text);
        String body = given().auth().oauth2(Tokens.user("chuzhou-report-handler")).when().get(REPORTS + "/" + id)
                .then().statusCode(200).contentType(ContentType.JSON).body("conduct", equalTo(text)).extract().asString();
        assertThat(body).doesNotContain("text/html");
    }

    @Test
    void chuzhouCannotReadHuaibeiButTheProvinceCan() {
        String huaibei = intake("huaibei-report-handler", "340600", "诱导参保人虚假住院。");
        given().auth().oauth2(Tokens.user("chuzhou-report-handler")).when().get(REPORTS + "/" + huaibei)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("anhui-report-handler")).when().get(REPORTS + "/" + huaibei)
                .then().statusCode(200).body("region", equalTo("340600"));
        List<String> chuzhouList = given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .when().get(REPORTS + "?size=200").then().statusCode(200).extract().path("items.region");
        assertThat(chuzhouList).allMatch(r -> r.startsWith("3411"));
    }

    @Test
    void handlerCannotRecordForAnotherRegion() {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler")).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "region", "340600", "conduct", "x"))
                .when().post(REPORTS)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void rolesAreCheckedByTheServiceItself() {
        given().when().get(REPORTS).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("chuzhou-auditor")).when().get(REPORTS).then().statusCode(403);
        given().auth().oauth2(Tokens.user("chuzhou-analyst")).when().get(REPORTS).then().statusCode(403);
        given().auth().oauth2(Tokens.client("agency-police", "dev-police-secret")).when().get(REPORTS).then().statusCode(403);
    }

    @Test
    void invalidIntakeNamesTheFieldsAndStoresNothing() {
        long before = given().auth().oauth2(Tokens.user("anhui-report-handler")).when().get(REPORTS)
                .then().statusCode(200).extract().<Number>path("totalItems").longValue();
        given().auth().oauth2(Tokens.user("anhui-report-handler")).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "region", "34", "conduct", "",
                        "institution", Map.of("code", "X1", "name", "n")))
                .when().post(REPORTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("region"))
                .body("errors.field", hasItem("conduct"))
                .body("errors.field", hasItem("institution.code"));
        given().auth().oauth2(Tokens.user("anhui-report-handler")).contentType(ContentType.JSON)
                .body("{\"channel\":\"PIGEON\",\"region\":\"341100\",\"conduct\":\"x\"}")
                .when().post(REPORTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("channel"));
        long after = given().auth().oauth2(Tokens.user("anhui-report-handler")).when().get(REPORTS)
                .then().statusCode(200).extract().<Number>path("totalItems").longValue();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void receivedEventIsOnKafkaAndMatchesItsSchema() {
        String id = intake("chuzhou-report-handler", "341100", "事件测试");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reports-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("fundguard.reports"));
            ConsumerRecord<String, String> found = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    if (id.equals(r.key())) {
                        found = r;
                    }
                }
            }
            assertThat(found).as("report.received.v1 for " + id).isNotNull();
            assertThat(new String(found.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)).isEqualTo("report.received.v1");
            EventSchemas.assertValid("report.received.v1", found.value());
            assertThat(found.value()).doesNotContain("事件测试");
        }
    }
}
