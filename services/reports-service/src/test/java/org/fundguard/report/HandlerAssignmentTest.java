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

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.report.Fixtures.PROBLEM;
import static org.fundguard.report.Fixtures.REPORTS;
import static org.fundguard.report.Fixtures.accept;
import static org.fundguard.report.Fixtures.as;
import static org.fundguard.report.Fixtures.publicReport;
import static org.fundguard.report.Fixtures.submit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Who may be assigned a report is asked of the real Keycloak (the realm of platform/realm), not learned from sign-ins:
 * a user with the realm role report-handler whose region covers the report's.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class HandlerAssignmentTest {

    private static String acceptedChuzhouReport() {
        String id = Db.idOfReceipt(submit(publicReport("341100", "分派 " + UUID.randomUUID()))[0]);
        accept("chuzhou-report-handler", id);
        return id;
    }

    private static io.restassured.response.ValidatableResponse assign(String id, String handler) {
        return as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("handler", handler))
                .when().post(REPORTS + "/" + id + "/assignment").then();
    }

    @Test
    void aHandlerOfTheRegionWhoNeverSignedInToTheServiceIsAssignable() {
        String id = acceptedChuzhouReport();
        // chuzhou-report-handler-2 sends no request in this test: only Keycloak knows them
        assign(id, "chuzhou-report-handler-2").statusCode(200).body("assignedTo", equalTo("chuzhou-report-handler-2"));
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE action = 'report.assigned' AND entity_id = ?", id)).isEqualTo(1);
    }

    @Test
    void theUsernameIsStoredAsKeycloakKeepsIt() {
        String id = acceptedChuzhouReport();
        assign(id, "Chuzhou-Report-Handler-2").statusCode(200).body("assignedTo", equalTo("chuzhou-report-handler-2"));
    }

    @Test
    void aProvinceHandlerCoversACityReport() {
        String id = acceptedChuzhouReport();
        assign(id, "anhui-report-handler").statusCode(200).body("assignedTo", equalTo("anhui-report-handler"));
    }

    @Test
    void anAuditorAHandlerOfAnotherCityAndAnUnknownUserAreRefusedNamingHandler() {
        String id = acceptedChuzhouReport();
        for (String user : new String[]{"chuzhou-auditor", "huaibei-report-handler", "nobody-" + UUID.randomUUID()}) {
            assign(id, user).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("handler"));
        }
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id).then().statusCode(200).body("assignedTo", nullValue());
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE action = 'report.assigned' AND entity_id = ?", id)).isZero();
    }
}
