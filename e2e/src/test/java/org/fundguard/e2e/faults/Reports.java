package org.fundguard.e2e.faults;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Public reports straight to reports-service: the anonymous intake that answers 201 with a receipt. */
final class Reports {

    static final String SECRET = "X-Receipt-Secret";

    private Reports() {
    }

    /** Submits one report; the answer as it came. */
    static Response submit(String baseUrl) {
        String body = "{\"region\":\"341100\",\"institution\":{\"code\":\"H34110200001\",\"name\":\"滁州市第一人民医院\"},"
                + "\"conduct\":\"住院患者实际未住院（挂床住院）" + UUID.randomUUID() + "\",\"occurredOn\":\"2026-10-12\",\"wantsReward\":false}";
        return given().baseUri(baseUrl).contentType(ContentType.JSON.withCharset("UTF-8")).body(body)
                .when().post("/public/reports/v1/reports");
    }

    /** The status code of following {@code receipt} with its secret. */
    static int follow(String baseUrl, String receipt, String secret) {
        return given().baseUri(baseUrl).header(SECRET, secret).when().get("/public/reports/v1/receipts/" + receipt).statusCode();
    }
}
