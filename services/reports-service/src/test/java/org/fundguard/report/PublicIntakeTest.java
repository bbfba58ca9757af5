package org.fundguard.report;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.report.Fixtures.EXE;
import static org.fundguard.report.Fixtures.PDF;
import static org.fundguard.report.Fixtures.PNG;
import static org.fundguard.report.Fixtures.PROBLEM;
import static org.fundguard.report.Fixtures.PUBLIC;
import static org.fundguard.report.Fixtures.REPORTS;
import static org.fundguard.report.Fixtures.SECRET;
import static org.fundguard.report.Fixtures.VALID_ID;
import static org.fundguard.report.Fixtures.as;
import static org.fundguard.report.Fixtures.publicReport;
import static org.fundguard.report.Fixtures.realName;
import static org.fundguard.report.Fixtures.submit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/** The public side: reporting without an account, the receipt and its secret, evidence checked by content. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class PublicIntakeTest {

    @Test
    void anAnonymousReportGetsAReceiptAndItsSecretFollowsTheReport() {
        String conduct = "挂床住院 " + UUID.randomUUID();
        var issued = given().contentType(ContentType.JSON).body(publicReport("341100", conduct))
                .when().post(PUBLIC + "/reports")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/public/reports/v1/receipts/[0-9A-Z-]{19}"))
                .body("receiptCode", matchesPattern("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"))
                .body("secret", matchesPattern("[0-9A-HJKMNP-TV-Z]{26}"))
                .body("acceptanceDue", notNullValue())
                .extract();
        String receipt = issued.path("receiptCode");
        String secret = issued.path("secret");
        given().header(SECRET, secret).when().get(PUBLIC + "/receipts/" + receipt)
                .then().statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("receiptCode", equalTo(receipt))
                .body("messages", hasSize(0));
        // typed from paper: lower case and O for 0 still find it
        given().header(SECRET, secret.toLowerCase()).when().get(PUBLIC + "/receipts/" + receipt.toLowerCase().replace('0', 'o'))
                .then().statusCode(200);
        // the secret is not stored, only its hash; the report is anonymous and holds no identity
        Map<String, Object> row = Db.query("SELECT secret_hash, anonymous, reporter_id_enc FROM report WHERE receipt_code = ?", receipt).get(0);
        assertThat(row.get("secret_hash").toString()).hasSize(64).doesNotContain(secret);
        assertThat(row.get("anonymous")).isEqualTo(true);
        assertThat(row.get("reporter_id_enc")).isNull();
        // staff see it in their region, marked anonymous and followed by receipt
        String id = Db.idOfReceipt(receipt);
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id).then().statusCode(200)
                .body("conduct", equalTo(conduct)).body("anonymous", equalTo(true)).body("followedByReceipt", equalTo(true))
                .body("channel", equalTo("INTERNET"));
    }

    @Test
    void aWrongSecretGetsTheSameAnswerAsAnUnknownReceipt() {
        String[] issued = submit(publicReport("341100", "重复收费"));
        var wrongSecret = given().header(SECRET, "WRONGSECRETWRONGSECRETWRON").when().get(PUBLIC + "/receipts/" + issued[0])
                .then().statusCode(404).contentType(PROBLEM).extract().jsonPath();
        var unknown = given().header(SECRET, issued[1]).when().get(PUBLIC + "/receipts/0000-0000-0000-0000")
                .then().statusCode(404).contentType(PROBLEM).extract().jsonPath();
        var malformed = given().header(SECRET, issued[1]).when().get(PUBLIC + "/receipts/not-a-receipt")
                .then().statusCode(404).contentType(PROBLEM).extract().jsonPath();
        assertThat(wrongSecret.getString("detail")).isEqualTo(unknown.getString("detail")).isEqualTo(malformed.getString("detail"));
        assertThat(wrongSecret.getString("title")).isEqualTo(unknown.getString("title"));
        // another receipt's secret does not open this one
        String[] other = submit(publicReport("341100", "另一个举报"));
        given().header(SECRET, other[1]).when().get(PUBLIC + "/receipts/" + issued[0]).then().statusCode(404);
        // no secret at all: a clear 400 naming the header, which says nothing about the receipt
        given().when().get(PUBLIC + "/receipts/" + issued[0]).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(SECRET));
    }

    @Test
    void evidenceIsTypedByItsContentAndKeptWithTheReport() {
        String conduct = "虚假住院，附病历 " + UUID.randomUUID();
        // as a browser sends it: file names in UTF-8
        var browser = io.restassured.RestAssured.config()
                .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                        .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
                .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"));
        var issued = given().config(browser).multiPart(new io.restassured.builder.MultiPartSpecBuilder(json(publicReport("341100", conduct))).controlName("report").mimeType("application/json").charset("UTF-8").build())
                .multiPart("evidence", "病历.pdf", PDF, "application/pdf")
                .multiPart("evidence", "照片.png", PNG, "image/png")
                .when().post(PUBLIC + "/reports")
                .then().statusCode(201).extract();
        String receipt = issued.path("receiptCode");
        String secret = issued.path("secret");
        given().header(SECRET, secret).when().get(PUBLIC + "/receipts/" + receipt)
                .then().statusCode(200)
                .body("attachments", hasSize(2))
                .body("attachments.mediaType", hasItem("application/pdf"))
                .body("attachments.mediaType", hasItem("image/png"))
                .body("attachments.fileName", hasItem("病历.pdf"));
        // the JSON part arrives intact, Chinese text included
        as("chuzhou-report-handler").when().get(REPORTS + "/" + Db.idOfReceipt(receipt)).then().statusCode(200)
                .body("conduct", equalTo(conduct));
        // more evidence later, through the receipt
        given().header(SECRET, secret).multiPart("evidence", "scan2.pdf", PDF, "application/pdf")
                .when().post(PUBLIC + "/receipts/" + receipt + "/evidence")
                .then().statusCode(200).body("attachments", hasSize(3));
        assertThat(Db.count("SELECT count(*) FROM report_attachment a JOIN report r ON r.id = a.report_id WHERE r.receipt_code = ?",
                receipt)).isEqualTo(3);
    }

    @Test
    void aDisguisedOrOversizedFileRefusesTheWholeReportAndStoresNothing() {
        long reports = Db.count("SELECT count(*) FROM report");
        long files = Db.count("SELECT count(*) FROM report_attachment");
        // a program renamed to look like a photo
        given().multiPart(new io.restassured.builder.MultiPartSpecBuilder(json(publicReport("341100", "伪装附件"))).controlName("report").mimeType("application/json").charset("UTF-8").build())
                .multiPart("evidence", "病历.pdf", PDF, "application/pdf")
                .multiPart("evidence", "photo.jpg", EXE, "image/jpeg")
                .when().post(PUBLIC + "/reports")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("evidence[1]"));
        // a PDF declared as a JPEG: content and declaration disagree
        given().multiPart(new io.restassured.builder.MultiPartSpecBuilder(json(publicReport("341100", "类型不符"))).controlName("report").mimeType("application/json").charset("UTF-8").build())
                .multiPart("evidence", "x.jpg", PDF, "image/jpeg")
                .when().post(PUBLIC + "/reports")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("evidence[0]"));
        // one file above the per-file limit (10 MB)
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        given().multiPart(new io.restassured.builder.MultiPartSpecBuilder(json(publicReport("341100", "超大附件"))).controlName("report").mimeType("application/json").charset("UTF-8").build())
                .multiPart("evidence", "big.pdf", big, "application/pdf")
                .when().post(PUBLIC + "/reports")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("evidence[0]"));
        assertThat(Db.count("SELECT count(*) FROM report")).isEqualTo(reports);
        assertThat(Db.count("SELECT count(*) FROM report_attachment")).isEqualTo(files);
    }

    @Test
    void aRealNameIdentityIsValidatedAndOnlyStoredEncrypted() {
        long before = Db.count("SELECT count(*) FROM report");
        // wrong check digit (the valid one ends in X)
        given().contentType(ContentType.JSON).body(realName(publicReport("341100", "实名举报"), "110105194912310021"))
                .when().post(PUBLIC + "/reports")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("reporter.idNumber"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("110105194912310021")));
        given().contentType(ContentType.JSON)
                .body(Map.of("region", "341100", "conduct", "x", "persons", "张某",
                        "reporter", Map.of("name", "王小明", "idNumber", VALID_ID, "phone", "12345")))
                .when().post(PUBLIC + "/reports")
                .then().statusCode(400).body("errors.field", hasItem("reporter.phone"));
        assertThat(Db.count("SELECT count(*) FROM report")).isEqualTo(before);

        String conduct = "实名举报 " + UUID.randomUUID();
        String[] issued = submit(realName(publicReport("341100", conduct), VALID_ID));
        Map<String, Object> row = Db.query("SELECT * FROM report WHERE receipt_code = ?", issued[0]).get(0);
        String stored = row.toString();
        assertThat(stored).doesNotContain(VALID_ID).doesNotContain("王小明").doesNotContain("13800138000");
        assertThat(row.get("reporter_id_enc").toString()).startsWith("v1:test1:");
        assertThat(row.get("anonymous")).isEqualTo(false);
    }

    @Test
    void textIsStoredAndReturnedAsInertText() {
        String text = "<script>alert('x')</script><img src=x onerror=alert(1)> 串换药品 " + UUID.randomUUID();
        String[] issued = submit(publicReport("341100", text));
        String id = Db.idOfReceipt(issued[0]);
        // a JSON string, never sniffed as HTML by a browser
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("X-Content-Type-Options", "nosniff")
                .body("conduct", equalTo(text));
    }

    @Test
    void malformedJsonAndMissingFieldsAreClearProblems() {
        given().contentType(ContentType.JSON).body("{\"region\": \"341100\", \"conduct\": ")
                .when().post(PUBLIC + "/reports")
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        given().contentType(ContentType.JSON).body(Map.of("region", "34110", "conduct", ""))
                .when().post(PUBLIC + "/reports")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("region"))
                .body("errors.field", hasItem("conduct"));
        // neither an institution nor persons: nobody is reported
        given().contentType(ContentType.JSON).body(Map.of("region", "341100", "conduct", "有人骗保"))
                .when().post(PUBLIC + "/reports")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("institution"));
    }

    @Test
    void theReporterAndTheHandlerExchangeMessages() {
        String[] issued = submit(publicReport("341100", "消息往来 " + UUID.randomUUID()));
        String id = Db.idOfReceipt(issued[0]);
        given().header(SECRET, issued[1]).contentType(ContentType.JSON).body(Map.of("body", "我还有一份收费单据。"))
                .when().post(PUBLIC + "/receipts/" + issued[0] + "/messages")
                .then().statusCode(200).body("messages.body", hasItem("我还有一份收费单据。"));
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("body", "请上传单据照片。"))
                .when().post(REPORTS + "/" + id + "/messages")
                .then().statusCode(200).body("author", equalTo(java.util.List.of("REPORTER", "HANDLER")));
        given().header(SECRET, issued[1]).when().get(PUBLIC + "/receipts/" + issued[0])
                .then().statusCode(200).body("messages.body", hasItem("请上传单据照片。"));
        // another city's handler cannot write to it
        as("huaibei-report-handler").contentType(ContentType.JSON).body(Map.of("body", "x"))
                .when().post(REPORTS + "/" + id + "/messages").then().statusCode(404);
    }

    static String json(Map<String, Object> m) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
