package org.fundguard.kit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class AuditAndProblemTest {

    private static final String WIDGETS = "/api/widgets/v1/widgets";

    @Test
    void stateChangeIsAuditedWithTheTokensActorAndTheRequestId() {
        String requestId = "audit-test-" + UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.user("chuzhou-report-handler")).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body("{\"name\":\"audited\"}")
                .when().post(WIDGETS)
                .then().statusCode(201).header("X-Request-Id", requestId).extract().path("id");
        Map<String, Object> entry = Db.query("SELECT * FROM audit_log WHERE entity_id = ?", id).get(0);
        assertThat(entry.get("actor_username")).isEqualTo("chuzhou-report-handler");
        assertThat(entry.get("actor_region")).isEqualTo("341100");
        assertThat(entry.get("actor_subject").toString()).isNotBlank().isNotEqualTo("anonymous");
        assertThat(entry.get("action")).isEqualTo("widget.created");
        assertThat(entry.get("entity_type")).isEqualTo("widget");
        assertThat(entry.get("request_id")).isEqualTo(requestId);
        assertThat(entry.get("before_state")).isNull();
        assertThat(entry.get("after_state").toString()).contains("\"name\"").contains("audited");
    }

    @Test
    void invalidFieldsGive400NamingEachField() {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body("{\"name\":\"\",\"parts\":[{\"region\":\"12\",\"count\":1}]}")
                .when().post(WIDGETS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("parts[0].region"))
                .body("instance", equalTo(WIDGETS))
                .body("traceId", notNullValue());
    }

    @Test
    void invalidQueryParameterIsNamed() {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .when().get(WIDGETS + "?size=500")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void malformedJsonGives400() {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body("{\"name\": ")
                .when().post(WIDGETS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("JSON"));
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body("{\"name\":\"x\",\"parts\":[{\"region\":\"341100\",\"count\":\"many\"}]}")
                .when().post(WIDGETS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("parts[0].count"));
    }

    @Test
    void anotherRegionsRecordIsNotFoundButTheProvinceSeesIt() {
        String id = given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body("{\"name\":\"chuzhou-only\"}")
                .when().post(WIDGETS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.user("huaibei-auditor")).when().get(WIDGETS + "/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", not(containsString("chuzhou-only")));
        given().auth().oauth2(Tokens.user("anhui-auditor")).when().get(WIDGETS + "/" + id)
                .then().statusCode(200).body("name", equalTo("chuzhou-only"));
        given().auth().oauth2(Tokens.user("chuzhou-auditor")).when().get(WIDGETS + "/" + id)
                .then().statusCode(200);
    }

    @Test
    void conflictGives409() {
        given().auth().oauth2(Tokens.user("chuzhou-auditor")).when().get(WIDGETS + "/conflict")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("The widget is already sealed."));
    }

    @Test
    void unexpectedFailureGives500WithoutLeakingAnything() {
        String body = given().auth().oauth2(Tokens.user("chuzhou-auditor")).when().get(WIDGETS + "/boom")
                .then().statusCode(500).contentType("application/problem+json")
                .body("traceId", notNullValue())
                .extract().asString();
        assertThat(body).doesNotContain("secret").doesNotContain("hunter2").doesNotContain("IllegalStateException")
                .doesNotContain("at org.").doesNotContain("java.");
    }

    @Test
    void unknownPathGives404Problem() {
        given().auth().oauth2(Tokens.user("chuzhou-auditor")).when().get("/api/widgets/v1/nothing-here/x/y")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void missingTokenGives401AndWrongRoleGives403Problems() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").when().post(WIDGETS)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("chuzhou-analyst")).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().post(WIDGETS)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void callerComesFromTheVerifiedToken() {
        given().auth().oauth2(Tokens.client("agency-police", "dev-police-secret")).when().get(WIDGETS + "/me")
                .then().statusCode(200)
                .body("region", equalTo("341100"))
                .body("scope", equalTo("3411%"))
                .body("roles", hasItem("partner-agency"));
    }
}
