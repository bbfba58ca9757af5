package org.fundguard.kit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** {@code CurrentCaller} reads subject, username, roles, region scope, agency and institution from real tokens. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class CallerTest {

    private static final String ME = "/api/widgets/v1/widgets/me";

    @Test
    void staffCallerHasUsernameRolesAndRegionScope() {
        String token = Tokens.user("chuzhou-report-handler");
        given().auth().oauth2(token).when().get(ME)
                .then().statusCode(200)
                .body("subject", equalTo(Jwt.claim(token, "sub")))
                .body("username", equalTo("chuzhou-report-handler"))
                .body("roles", hasItem("report-handler"))
                .body("region", equalTo("341100"))
                .body("scope", equalTo("3411%"))
                .body("agency", nullValue())
                .body("institution", nullValue());
    }

    @Test
    void provinceCallerSeesTheWholeProvince() {
        given().auth().oauth2(Tokens.user("anhui-admin")).when().get(ME)
                .then().statusCode(200)
                .body("region", equalTo("340000"))
                .body("scope", equalTo("34%"))
                .body("roles", hasItem("admin"));
    }

    @Test
    void partnerAgencyCarriesItsAgency() {
        given().auth().oauth2(Tokens.client("agency-police", "dev-police-secret")).when().get(ME)
                .then().statusCode(200)
                .body("agency", equalTo("POLICE"))
                .body("region", equalTo("341100"))
                .body("roles", hasItem("partner-agency"));
    }

    @Test
    void hospitalSystemCarriesItsInstitution() {
        given().auth().oauth2(Tokens.client("his-h34110200001", "dev-his-secret")).when().get(ME)
                .then().statusCode(200)
                .body("institution", equalTo("H34110200001"))
                .body("roles", hasItem("his-system"));
    }
}
