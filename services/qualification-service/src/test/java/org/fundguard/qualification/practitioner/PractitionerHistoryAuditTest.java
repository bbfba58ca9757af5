package org.fundguard.qualification.practitioner;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every change has its history row and its audit entry, written together; a refused change writes neither. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class PractitionerHistoryAuditTest {

    static final String API = PractitionerResourceTest.API;

    @Test
    void aChangeWritesItsHistoryRowAndItsAuditEntryWithTheSameBeforeAndAfter() {
        String code = PractitionerResourceTest.create(PractitionerResourceTest.CHUZHOU, "D341102" + PractitionerDb.seq(), "DOCTOR", "341102");
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_type", "DOCTOR", "psn_name", "改后", "version", 0))
                .when().put(API + "/" + code).then().statusCode(200);

        List<Map<String, Object>> audit = PractitionerDb.query("SELECT action, actor_subject, actor_username, actor_region, "
                + "before_state->>'psn_name' AS before_name, after_state->>'psn_name' AS after_name, request_id "
                + "FROM audit_log WHERE entity_type = 'practitioner' AND entity_id = ? ORDER BY at", code);
        List<Map<String, Object>> history = PractitionerDb.query("SELECT kind, changed_by, before->>'psn_name' AS before_name, "
                + "after->>'psn_name' AS after_name FROM practitioner_change WHERE national_code = ? ORDER BY changed_at", code);
        assertThat(audit).extracting(a -> a.get("action")).containsExactly("practitioner.created", "practitioner.updated");
        assertThat(history).extracting(h -> h.get("kind")).containsExactly("CREATED", "UPDATED");
        Map<String, Object> a = audit.get(1);
        Map<String, Object> h = history.get(1);
        assertThat(a.get("actor_username")).isEqualTo("chuzhou-qualification-officer");
        assertThat(a.get("actor_region")).isEqualTo("341100");
        assertThat(a.get("request_id")).isNotNull();
        assertThat(h.get("changed_by")).isEqualTo(a.get("actor_subject"));
        assertThat(List.of(a.get("before_name"), a.get("after_name"))).containsExactly("测试医师", "改后");
        assertThat(List.of(h.get("before_name"), h.get("after_name"))).containsExactly("测试医师", "改后");
    }

    @Test
    void aRefusedOrUselessChangeWritesNeitherHistoryNorAudit() {
        String code = PractitionerResourceTest.create(PractitionerResourceTest.CHUZHOU, "D341102" + PractitionerDb.seq(), "DOCTOR", "341102");
        long history = PractitionerDb.count("SELECT count(*) FROM practitioner_change WHERE national_code = ?", code);
        long audit = PractitionerDb.count("SELECT count(*) FROM audit_log WHERE entity_id = ?", code);
        // stale, out of scope, and equal to what is stored
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_type", "DOCTOR", "psn_name", "改后", "version", 5))
                .when().put(API + "/" + code).then().statusCode(409);
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.HUAIBEI)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_type", "DOCTOR", "psn_name", "改后", "version", 0))
                .when().put(API + "/" + code).then().statusCode(403);
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_type", "DOCTOR", "psn_name", "测试医师", "version", 0))
                .when().put(API + "/" + code).then().statusCode(200);
        assertThat(PractitionerDb.count("SELECT count(*) FROM practitioner_change WHERE national_code = ?", code)).isEqualTo(history);
        assertThat(PractitionerDb.count("SELECT count(*) FROM audit_log WHERE entity_id = ?", code)).isEqualTo(audit);
        assertThat(PractitionerDb.count("SELECT version FROM practitioner WHERE national_code = ?", code)).isZero();
    }

    @Test
    void twoOfficersChangingTheSameVersionAtOnceGetOne200AndOne409() {
        String code = PractitionerResourceTest.create(PractitionerResourceTest.CHUZHOU, "D341102" + PractitionerDb.seq(), "DOCTOR", "341102");
        String token1 = Tokens.user(PractitionerResourceTest.CHUZHOU);
        String token2 = Tokens.user("chuzhou-qualification-officer-2");
        var first = CompletableFuture.supplyAsync(() -> given().auth().oauth2(token1).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_type", "DOCTOR", "psn_name", "甲改", "version", 0)).when().put(API + "/" + code).statusCode());
        var second = CompletableFuture.supplyAsync(() -> given().auth().oauth2(token2).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_type", "DOCTOR", "psn_name", "乙改", "version", 0)).when().put(API + "/" + code).statusCode());
        assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(200, 409);
        assertThat(PractitionerDb.count("SELECT count(*) FROM practitioner_change WHERE national_code = ? AND kind = 'UPDATED'", code)).isEqualTo(1);
        assertThat(PractitionerDb.count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'practitioner.updated'", code)).isEqualTo(1);
    }
}
