package org.fundguard.report;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.report.Fixtures.PUBLIC;
import static org.fundguard.report.Fixtures.REPORTS;
import static org.fundguard.report.Fixtures.SECRET;
import static org.fundguard.report.Fixtures.as;

/** The service's metrics name routes by their templates: no report id or receipt code ever becomes a label. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class MetricsTest {

    @Test
    void noMetricCarriesAReportIdOrAReceiptCode() {
        String id = UUID.randomUUID().toString();
        String receipt = "7K3M-9QXP-2HTV-WN4R";
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id).then().statusCode(404);
        given().header(SECRET, "not-the-secret").when().get(PUBLIC + "/receipts/" + receipt).then().statusCode(404);
        given().when().get(PUBLIC + "/receipts/" + receipt.toLowerCase() + "/messages").then().statusCode(405);
        given().when().get("/no/such/" + id).then().statusCode(404);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests");
        assertThat(metrics).doesNotContain(id).doesNotContainIgnoringCase(receipt);
        assertThat(metrics).doesNotContain("uri=\"/no/such");
    }
}
