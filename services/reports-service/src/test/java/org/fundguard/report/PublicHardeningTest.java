package org.fundguard.report;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.report.Fixtures.PDF;
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
import static org.fundguard.report.PublicIntakeTest.json;
import static org.hamcrest.Matchers.hasItem;

/** Holes found by trying the public side from outside: caching of secrets, odd file names, odd multipart bodies. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class PublicHardeningTest {

    /** As a browser sends it: file names in UTF-8. */
    private static final RestAssuredConfig BROWSER = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"));

    private static RequestSpecification withReport(String conduct) {
        return given().config(BROWSER).multiPart(new MultiPartSpecBuilder(json(publicReport("341100", conduct)))
                .controlName("report").mimeType("application/json").charset("UTF-8").build());
    }

    private static void assertNoStore(Response r, String what) {
        assertThat(r.header("Cache-Control")).as("Cache-Control of " + what).isNotNull().contains("no-store");
    }

    @Test
    void everyResponseWithAReceiptASecretOrPersonalDataIsNotStored() {
        Response issued = given().contentType(ContentType.JSON).body(realName(publicReport("341100", "不缓存 " + UUID.randomUUID()), VALID_ID))
                .when().post(PUBLIC + "/reports");
        assertThat(issued.statusCode()).isEqualTo(201);
        assertNoStore(issued, "the receipt issued (JSON)");
        String receipt = issued.path("receiptCode");
        String secret = issued.path("secret");
        Response multipart = withReport("不缓存，附件 " + UUID.randomUUID()).multiPart("evidence", "a.pdf", PDF, "application/pdf")
                .when().post(PUBLIC + "/reports");
        assertThat(multipart.statusCode()).isEqualTo(201);
        assertNoStore(multipart, "the receipt issued (multipart)");

        String id = Db.idOfReceipt(receipt);
        Map<String, Response> calls = new LinkedHashMap<>();
        calls.put("receipt status", given().header(SECRET, secret).when().get(PUBLIC + "/receipts/" + receipt));
        calls.put("receipt status, wrong secret", given().header(SECRET, "X".repeat(26)).when().get(PUBLIC + "/receipts/" + receipt));
        calls.put("reporter message", given().header(SECRET, secret).contentType(ContentType.JSON).body(Map.of("body", "补充"))
                .when().post(PUBLIC + "/receipts/" + receipt + "/messages"));
        calls.put("more evidence", given().header(SECRET, secret).multiPart("evidence", "b.pdf", PDF, "application/pdf")
                .when().post(PUBLIC + "/receipts/" + receipt + "/evidence"));
        calls.put("staff report", as("chuzhou-report-handler").when().get(REPORTS + "/" + id));
        calls.put("staff list", as("chuzhou-report-handler").when().get(REPORTS + "?size=5"));
        calls.put("identity view", as("chuzhou-report-handler").when().get(REPORTS + "/" + id + "/reporter"));
        calls.put("staff messages", as("chuzhou-report-handler").when().get(REPORTS + "/" + id + "/messages"));
        calls.put("staff intake", as("chuzhou-report-handler").contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "region", "341100", "conduct", "电话举报",
                        "reporter", Map.of("name", "王小明", "idNumber", VALID_ID, "phone", "13800138000")))
                .when().post(REPORTS));
        accept("chuzhou-report-handler", id);
        verify("chuzhou-report-handler-2", id, "20000.00");
        decide("chuzhou-report-handler", id);
        calls.put("reward view", as("chuzhou-reward-approver").when().get(REPORTS + "/" + id + "/reward"));
        calls.put("reward approval", as("chuzhou-reward-approver").when().post(REPORTS + "/" + id + "/reward/approval"));
        calls.put("reward claim", given().header(SECRET, secret).contentType(ContentType.JSON)
                .body(Map.of("name", "王小明", "idNumber", VALID_ID, "phone", "13800138000"))
                .when().post(PUBLIC + "/receipts/" + receipt + "/reward-claim"));
        calls.put("in-person claim", as("chuzhou-report-handler").contentType(ContentType.JSON)
                .body(Map.of("name", "王小明", "idNumber", VALID_ID, "phone", "13800138000"))
                .when().post(REPORTS + "/" + id + "/reward/claim"));
        String[] other = submit(publicReport("341100", "撤回 " + UUID.randomUUID()));
        calls.put("withdrawal", given().header(SECRET, other[1]).when().post(PUBLIC + "/receipts/" + other[0] + "/withdrawal"));
        calls.forEach((what, r) -> {
            assertThat(r.statusCode()).as(what).isLessThan(500);
            assertNoStore(r, what);
        });
        assertThat(calls.get("receipt status").statusCode()).isEqualTo(200);
        assertThat(calls.get("identity view").statusCode()).isEqualTo(200);
        assertThat(calls.get("reward claim").statusCode()).isEqualTo(200);
    }

    @Test
    void aFileNameWithBidiOrControlCharactersIsKeptButNeverShownRaw() {
        String tricky = "invoice\u202Efdp.exe\u200F.pdf";
        var issued = withReport("文件名里的方向控制字符 " + UUID.randomUUID())
                .multiPart("evidence", tricky, PDF, "application/pdf")
                .when().post(PUBLIC + "/reports").then().statusCode(201).extract();
        String receipt = issued.path("receiptCode");
        String shown = given().header(SECRET, issued.<String>path("secret")).when().get(PUBLIC + "/receipts/" + receipt)
                .then().statusCode(200).extract().path("attachments[0].fileName");
        assertThat(shown).doesNotContain("\u202E").doesNotContain("\u200F")
                .isEqualTo("invoicefdp.exe.pdf");
        // stored as received (only path parts and NUL dropped), so nothing of what the reporter sent is lost
        String stored = Db.query("SELECT a.file_name FROM report_attachment a JOIN report r ON r.id = a.report_id "
                + "WHERE r.receipt_code = ?", receipt).get(0).get("file_name").toString();
        assertThat(stored).isEqualTo(tricky);
    }

    @Test
    void moreFilesThanTheLimitIsAProblemNeverAServerError() {
        long reports = Db.count("SELECT count(*) FROM report");
        var eleven = withReport("十一个附件 " + UUID.randomUUID());
        for (int i = 0; i < 11; i++) {
            eleven.multiPart("evidence", "p" + i + ".pdf", PDF, "application/pdf");
        }
        eleven.when().post(PUBLIC + "/reports").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("evidence"));
        var many = withReport("好多部分 " + UUID.randomUUID());
        for (int i = 0; i < 300; i++) {
            many.multiPart("evidence", "p" + i + ".pdf", PDF, "application/pdf");
        }
        many.when().post(PUBLIC + "/reports").then().statusCode(400).contentType(PROBLEM);
        var manyFields = withReport("好多字段 " + UUID.randomUUID());
        for (int i = 0; i < 300; i++) {
            manyFields.multiPart("x" + i, "v");
        }
        manyFields.when().post(PUBLIC + "/reports").then().statusCode(400).contentType(PROBLEM);
        assertThat(Db.count("SELECT count(*) FROM report")).isEqualTo(reports);
    }

    @Test
    void anEvidencePartWithoutAFileNameOrWithoutContentIsNamed() {
        long reports = Db.count("SELECT count(*) FROM report");
        withReport("附件没有文件名 " + UUID.randomUUID())
                .multiPart("evidence", "a.pdf", PDF, "application/pdf")
                .multiPart(new MultiPartSpecBuilder(PDF).controlName("evidence").mimeType("application/pdf").emptyFileName().build())
                .when().post(PUBLIC + "/reports").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("evidence[1]"));
        withReport("附件是一段文字 " + UUID.randomUUID())
                .multiPart("evidence", "just text")
                .when().post(PUBLIC + "/reports").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("evidence[0]"));
        withReport("附件是空的 " + UUID.randomUUID())
                .multiPart("evidence", "empty.pdf", new byte[0], "application/pdf")
                .when().post(PUBLIC + "/reports").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("evidence[0]"));
        assertThat(Db.count("SELECT count(*) FROM report")).isEqualTo(reports);
    }
}
