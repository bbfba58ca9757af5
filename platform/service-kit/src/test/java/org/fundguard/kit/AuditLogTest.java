package org.fundguard.kit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class AuditLogTest {

    private static final String WIDGETS = "/api/widgets/v1/widgets";

    @Test
    void stateChangeIsAuditedWithTheTokensActorAndTheRequestId() {
        String token = Tokens.user("chuzhou-report-handler");
        String requestId = "audit-test-" + UUID.randomUUID();
        String id = given().auth().oauth2(token).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body("{\"name\":\"audited\"}")
                .when().post(WIDGETS)
                .then().statusCode(201).header("X-Request-Id", requestId).extract().path("id");

        Map<String, Object> entry = Db.query("SELECT * FROM audit_log WHERE entity_id = ?", id).get(0);
        assertThat(entry.get("actor_subject")).isEqualTo(Jwt.claim(token, "sub"));
        assertThat(entry.get("actor_username")).isEqualTo("chuzhou-report-handler");
        assertThat(entry.get("actor_region")).isEqualTo("341100");
        assertThat(entry.get("actor_agency")).isNull();
        assertThat(entry.get("action")).isEqualTo("widget.created");
        assertThat(entry.get("entity_type")).isEqualTo("widget");
        assertThat(entry.get("request_id")).isEqualTo(requestId);
        assertThat(entry.get("at")).isNotNull();
        assertThat(entry.get("before_state")).isNull();
        assertThat(entry.get("after_state").toString()).contains("\"name\"").contains("audited");
    }

    @Test
    void partnerSystemIsAuditedWithItsAgency() {
        String token = Tokens.client("agency-police", "dev-police-secret");
        String entity = "viewed-" + UUID.randomUUID();
        given().auth().oauth2(token).when().post(WIDGETS + "/viewed/" + entity).then().statusCode(204);

        Map<String, Object> entry = Db.query("SELECT * FROM audit_log WHERE entity_id = ?", entity).get(0);
        assertThat(entry.get("actor_subject")).isEqualTo(Jwt.claim(token, "sub"));
        assertThat(entry.get("actor_agency")).isEqualTo("POLICE");
        assertThat(entry.get("actor_region")).isEqualTo("341100");
        assertThat(entry.get("action")).isEqualTo("widget.viewed");
    }

    @Test
    void missingRequestIdIsCreatedEchoedAndAudited() {
        String echoed = given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body("{\"name\":\"no-request-id\"}")
                .when().post(WIDGETS)
                .then().statusCode(201).extract().header("X-Request-Id");
        assertThat(UUID.fromString(echoed)).isNotNull();
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE request_id = ?", echoed)).isEqualTo(1);
    }

    @Test
    void requestIdThatCouldForgeLogLinesIsReplaced() {
        String echoed = given().auth().oauth2(Tokens.user("chuzhou-auditor")).header("X-Request-Id", "x\" injected=1")
                .when().get(WIDGETS + "/me")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(echoed).doesNotContain("injected");
        assertThat(UUID.fromString(echoed)).isNotNull();
    }

    @Test
    void requestIdIsInTheLoggingContextOfTheRequest() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.fundguard.kit.problem.ProblemMappers");
        logger.addHandler(capture);
        try {
            String requestId = "log-test-" + UUID.randomUUID();
            given().auth().oauth2(Tokens.user("chuzhou-auditor")).header("X-Request-Id", requestId)
                    .when().get(WIDGETS + "/boom")
                    .then().statusCode(500);
            assertThat(records).anySatisfy(r -> assertThat(r.getMdc("requestId")).isEqualTo(requestId));
        } finally {
            logger.removeHandler(capture);
        }
    }
}
