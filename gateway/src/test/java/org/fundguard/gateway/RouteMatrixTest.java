package org.fundguard.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo users × routes: exactly the expected 200 / 401 / 403. Columns: reports, monitoring, qualification, clues,
 * disclosure (all /api), then /public/reports and /public/disclosure, then the gateway's metrics, then
 * qualification's credit query (a longer prefix inside /api/qualification with roles of its own) (served only on the
 * management interface, so no one reaches them through the door). The table is the access policy written out;
 * a change to the route roles must change it too.
 */
@QuarkusTest
@WithTestResource(value = KeycloakResource.class, parallel = true)
@WithTestResource(value = AllRoutesEchoResource.class, parallel = true)
class RouteMatrixTest {

    private static final String[] PATHS = {
            "/api/reports/v1/x", "/api/monitoring/v1/x", "/api/qualification/v1/x", "/api/clues/v1/x",
            "/api/disclosure/v1/x", "/public/reports/v1/x", "/public/disclosure/v1/x", "/q/metrics",
            "/api/qualification/v1/credit-query/x"};

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nobody                          | 401 401 401 401 401 200 200 404 401
            chuzhou-report-handler          | 200 403 403 403 403 200 200 404 403
            chuzhou-reward-approver         | 200 403 403 403 403 200 200 404 403
            chuzhou-auditor                 | 403 200 200 403 403 200 200 404 403
            chuzhou-rule-manager            | 403 200 403 403 403 200 200 404 403
            chuzhou-qualification-officer   | 403 403 200 403 403 200 200 404 200
            chuzhou-clue-officer            | 403 403 403 200 403 200 200 404 403
            chuzhou-publisher               | 403 403 403 403 200 200 200 404 403
            chuzhou-publication-approver    | 403 403 403 403 200 200 200 404 403
            anhui-analyst                   | 200 200 200 403 200 200 200 404 200
            huaibei-admin                   | 200 200 200 200 200 200 200 404 200
            agency-police                   | 403 403 403 200 403 200 200 404 403
            agency-discipline               | 403 403 403 200 403 200 200 404 403
            his-h34110200001                | 403 200 200 403 403 200 200 404 403
            h34110200001-staff              | 403 200 200 403 403 200 200 404 403
            bank-demo                       | 403 403 403 403 403 200 200 404 200
            """)
    void answersExactlyAsThePolicySays(String who, String expected) {
        String[] codes = expected.trim().split("\\s+");
        assertThat(codes).hasSize(PATHS.length);
        for (int i = 0; i < PATHS.length; i++) {
            int status = as(who).when().get(PATHS[i]).then().extract().statusCode();
            assertThat(status).as(who + " GET " + PATHS[i]).isEqualTo(Integer.parseInt(codes[i]));
        }
    }

    private static RequestSpecification as(String who) {
        if (who.equals("nobody")) {
            return given();
        }
        if (who.startsWith("agency-")) {
            String name = who.substring("agency-".length());
            return given().auth().oauth2(Tokens.client(who, "dev-" + name + "-secret"));
        }
        if (who.equals("bank-demo")) {
            return given().auth().oauth2(Tokens.client(who, "dev-bank-secret"));
        }
        if (who.startsWith("his-")) {
            return given().auth().oauth2(Tokens.client(who, "dev-his-secret"));
        }
        return given().auth().oauth2(Tokens.user(who));
    }
}
