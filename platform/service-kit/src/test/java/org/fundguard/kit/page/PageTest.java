package org.fundguard.kit.page;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class PageTest {

    private static final String NUMBERED = "/api/widgets/v1/widgets/numbered";

    private static String token() {
        return Tokens.user("chuzhou-report-handler");
    }

    @Test
    void defaultsAreTheFirstPageOfTwenty() {
        given().auth().oauth2(token()).when().get(NUMBERED)
                .then().statusCode(200)
                .body("items", hasSize(20)).body("items[0]", equalTo("widget-0"))
                .body("page", equalTo(0)).body("size", equalTo(20))
                .body("totalItems", equalTo(45)).body("totalPages", equalTo(3));
    }

    @Test
    void theLastPageHoldsTheRest() {
        given().auth().oauth2(token()).when().get(NUMBERED + "?page=2&size=20")
                .then().statusCode(200)
                .body("items", contains("widget-40", "widget-41", "widget-42", "widget-43", "widget-44"))
                .body("totalPages", equalTo(3));
    }

    @Test
    void aPageFarPastTheEndIsEmptyWithTheRightTotals() {
        given().auth().oauth2(token()).when().get(NUMBERED + "?page=1000000&size=200")
                .then().statusCode(200)
                .body("items", empty())
                .body("page", equalTo(1000000)).body("size", equalTo(200))
                .body("totalItems", equalTo(45)).body("totalPages", equalTo(1));
    }

    @ParameterizedTest
    @CsvSource({"size=0, size", "size=201, size", "page=-1, page", "page=1000001, page"})
    void anOutOfRangeParameterIsA400ProblemNamingIt(String query, String field) {
        given().auth().oauth2(token()).when().get(NUMBERED + "?" + query)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains(field));
    }
}
