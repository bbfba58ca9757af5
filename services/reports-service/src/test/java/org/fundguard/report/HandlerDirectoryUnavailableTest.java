package org.fundguard.report;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** When the directory of report handlers (Keycloak's admin API) cannot be reached, an assignment is a 503, not a 500. */
@QuarkusTest
@TestProfile(HandlerDirectoryUnavailableTest.DirectoryDown.class)
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class HandlerDirectoryUnavailableTest {

    /** Tokens are still verified by the real Keycloak; only the directory points at a port where nothing listens. */
    public static class DirectoryDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reports.directory.url", "http://127.0.0.1:9/realms/fundguard", "reports.directory.timeout", "2s");
        }
    }

    @Test
    void keycloakUnreachableIsA503WithRetryAfterAndNothingIsAssigned() {
        String id = Db.idOfReceipt(submit(publicReport("341100", "目录不可用 " + UUID.randomUUID()))[0]);
        accept("chuzhou-report-handler", id);
        as("chuzhou-report-handler").contentType(ContentType.JSON).body(Map.of("handler", "chuzhou-report-handler-2"))
                .when().post(REPORTS + "/" + id + "/assignment")
                .then().statusCode(503).contentType(PROBLEM).header("Retry-After", notNullValue())
                .body("status", equalTo(503)).body("detail", equalTo(
                        "The directory of report handlers (Keycloak) cannot be reached; try again shortly."));
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id).then().statusCode(200).body("assignedTo", nullValue());
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE action = 'report.assigned' AND entity_id = ?", id)).isZero();
    }
}
