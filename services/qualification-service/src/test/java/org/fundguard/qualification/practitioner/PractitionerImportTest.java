package org.fundguard.qualification.practitioner;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class PractitionerImportTest {

    static final String IMPORT = PractitionerResourceTest.API + "/import";
    static final String HEADER = "prac_psn_code,prac_psn_type,psn_name,fixmedins_code,fixmedins_name,admdvs,begndate,enddate\n";

    @Inject
    DemoPractitioners demo;

    @Inject
    PractitionerService service;

    @Test
    void csvKeepsTheGoodRowsListsTheBadOnesAndASecondImportChangesNothing() {
        String s = PractitionerDb.seq();
        String doctor = "D341102" + s;
        String pharmacist = "HY341102" + s;
        String nurse = "N341102-" + s;
        String csv = HEADER
                + doctor + ",DOCTOR,钱大夫,H34110200001,滁州市第一人民医院,341102,2019-01-01,\n"
                + doctor + ",DOCTOR,钱大夫,H34110300002,滁州市第二人民医院,341103,2023-05-01,\n"
                + "D34110" + s + ",DOCTOR,短码,H34110200001,滁州市第一人民医院,341102,,\n"
                + pharmacist + ",PHARMACIST,孙药师,H34110200001,滁州市第一人民医院,341102,2019-13-01,\n"
                + nurse + ",SURGEON,某护士,H34110200001,滁州市第一人民医院,341102,,\n"
                + "D340602" + s + ",DOCTOR,淮北医师,H34060200003,淮北市人民医院,340602,,\n"
                + nurse + ",NURSE,周护士,H34110200001,滁州市第一人民医院,341102,2020-01-01,2024-12-31\n";
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.CHUZHOU)).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).when().post(IMPORT)
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("rows", equalTo(7)).body("created", equalTo(2)).body("updated", equalTo(1))
                .body("unchanged", equalTo(0)).body("rejected", equalTo(4))
                .body("errors.row", equalTo(List.of(4, 5, 6, 7)))
                .body("errors.field", equalTo(List.of("prac_psn_code", "begndate", "prac_psn_type", "admdvs")))
                .body("errors[2].reason", equalTo("must be one of DOCTOR, NURSE, PHARMACIST, TECHNICIAN, FEE_REVIEWER, PHARMACY_PRINCIPAL"));
        assertThat(PractitionerDb.count("SELECT count(*) FROM practitioner_institution WHERE national_code = ?", doctor)).isEqualTo(2);
        assertThat(PractitionerDb.count("SELECT count(*) FROM practitioner WHERE national_code IN (?, ?)", pharmacist, "D340602" + s)).isZero();
        long history = PractitionerDb.count("SELECT count(*) FROM practitioner_change WHERE national_code IN (?, ?)", doctor, nurse);
        long audit = PractitionerDb.count("SELECT count(*) FROM audit_log WHERE entity_type = 'practitioner' AND entity_id IN (?, ?)", doctor, nurse);
        assertThat(history).isEqualTo(3);
        assertThat(audit).isEqualTo(3);

        given().auth().oauth2(Tokens.user(PractitionerResourceTest.CHUZHOU)).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).when().post(IMPORT)
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(3)).body("rejected", equalTo(4));
        assertThat(PractitionerDb.count("SELECT count(*) FROM practitioner_change WHERE national_code IN (?, ?)", doctor, nurse)).isEqualTo(history);
        assertThat(PractitionerDb.count("SELECT count(*) FROM audit_log WHERE entity_type = 'practitioner' AND entity_id IN (?, ?)", doctor, nurse)).isEqualTo(audit);

        // the file holds both institutions, and its history both steps
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.HUAIBEI)).when().get(PractitionerResourceTest.API + "/" + doctor)
                .then().statusCode(200).body("institutions", hasSize(2)).body("region", equalTo("341102"));
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.CHUZHOU)).when().get(PractitionerResourceTest.API + "/" + doctor + "/history")
                .then().statusCode(200).body("items.kind", equalTo(List.of("INSTITUTION_ADDED", "CREATED")));
    }

    @Test
    void jsonIsImportedTheSameWayAndAChangedRowIsOneChange() {
        String s = PractitionerDb.seq();
        String code = "HJ340602" + s;
        List<Map<String, Object>> rows = List.of(
                Map.of("prac_psn_code", code, "prac_psn_type", "TECHNICIAN", "psn_name", "技师甲", "fixmedins_code", "H34060200003",
                        "fixmedins_name", "淮北市人民医院", "admdvs", 340602, "begndate", "2022-01-01"),
                Map.of("prac_psn_code", "HJ340602" + s + "1", "prac_psn_type", "TECHNICIAN", "psn_name", "技师乙",
                        "fixmedins_code", "H34060200003", "admdvs", "340602"),
                Map.of("prac_psn_code", "D341102" + s, "prac_psn_type", "DOCTOR", "psn_name", "滁州医师", "fixmedins_code", "H34110200001",
                        "admdvs", "341102"));
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.HUAIBEI)).contentType(ContentType.JSON)
                .body(Map.of("data", rows)).when().post(IMPORT)
                .then().statusCode(200).body("created", equalTo(1)).body("rejected", equalTo(2))
                .body("errors.field", equalTo(List.of("prac_psn_code", "admdvs")))
                .body("errors.row", equalTo(List.of(2, 3)));
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.HUAIBEI)).contentType(ContentType.JSON)
                .body(List.of(Map.of("prac_psn_code", code, "prac_psn_type", "TECHNICIAN", "psn_name", "技师甲",
                        "fixmedins_code", "H34060200003", "fixmedins_name", "淮北市人民医院", "admdvs", "340602",
                        "begndate", "2022-01-01", "enddate", "2025-12-31")))
                .when().post(IMPORT).then().statusCode(200).body("updated", equalTo(1)).body("errors", hasSize(0));
        List<Map<String, Object>> changes = PractitionerDb.query(
                "SELECT kind, before::text AS before, after::text AS after FROM practitioner_change WHERE national_code = ? ORDER BY changed_at", code);
        assertThat(changes).extracting(c -> c.get("kind")).containsExactly("CREATED", "INSTITUTION_ENDED");
        assertThat((String) changes.get(1).get("before")).doesNotContain("2025-12-31");
        assertThat((String) changes.get(1).get("after")).contains("2025-12-31");
    }

    @Test
    void anUnreadableFileIs400NamingTheColumnOrTheFile() {
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.CHUZHOU)).contentType("text/csv")
                .body("prac_psn_code,psn_name,fixmedins_code,admdvs\nD341102000123,王,H34110200001,341102\n".getBytes(StandardCharsets.UTF_8))
                .when().post(IMPORT).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("prac_psn_type")));
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.CHUZHOU)).contentType(ContentType.JSON)
                .body("{\"data\": 3}").when().post(IMPORT).then().statusCode(400).body("errors.field", hasItem("file"));
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.CHUZHOU)).contentType(ContentType.JSON)
                .body("[{\"prac_psn_code\": ").when().post(IMPORT).then().statusCode(400).body("errors.field", hasItem("file"));
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.CHUZHOU)).contentType("text/csv")
                .body(new byte[]{(byte) 0xFF, (byte) 0xFE, 0x41}).when().post(IMPORT).then().statusCode(400).body("errors.field", hasItem("file"));
        given().auth().oauth2(Tokens.user("chuzhou-auditor")).contentType("text/csv")
                .body(HEADER.getBytes(StandardCharsets.UTF_8)).when().post(IMPORT).then().statusCode(403);
        given().contentType("text/csv").body(HEADER.getBytes(StandardCharsets.UTF_8)).when().post(IMPORT).then().statusCode(401);
    }

    @Test
    void theDemoRegisterSeedsTheFixedCodesAndSeedingAgainWritesNothing() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> demo.seed());
        long changes = PractitionerDb.count("SELECT count(*) FROM practitioner_change");
        long audits = PractitionerDb.count("SELECT count(*) FROM audit_log");
        VertxContextSupport.subscribeAndAwait(() -> demo.seed());
        assertThat(PractitionerDb.count("SELECT count(*) FROM practitioner_change")).isEqualTo(changes);
        assertThat(PractitionerDb.count("SELECT count(*) FROM audit_log")).isEqualTo(audits);

        assertThat(VertxContextSupport.subscribeAndAwait(() -> service.institutions("D341102000123")))
                .extracting(i -> i.fixmedinsCode).containsExactly("H34110200001", "H34110300002");
        Practitioner principal = VertxContextSupport.subscribeAndAwait(() -> service.find("D340602000900"));
        assertThat(principal.personType).isEqualTo(PersonType.PHARMACY_PRINCIPAL);
        assertThat(principal.region).isEqualTo("340602");
        assertThat(VertxContextSupport.<Practitioner>subscribeAndAwait(() -> service.find("D000000000000"))).isNull();
        for (String code : List.of("D341102000456", "D341102000789", "D341102000321", "HY341102000001", "HJ341102000001",
                "F341102000001", "D340602000101", "D340602000102", "D340602000103")) {
            assertThat(PractitionerDb.count("SELECT count(*) FROM practitioner WHERE national_code = ?", code)).as(code).isEqualTo(1);
        }
        assertThat(PractitionerDb.count("SELECT count(*) FROM practitioner WHERE national_code IN (SELECT national_code "
                + "FROM practitioner_institution WHERE fixmedins_code = 'P34060200001')")).isEqualTo(1);
        assertThat(PractitionerDb.count("SELECT count(*) FROM audit_log WHERE entity_id = 'D341102000123' "
                + "AND actor_subject = 'system:demo-practitioners'")).isEqualTo(2);
        assertThat(PractitionerDb.count("SELECT count(*) FROM practitioner_change WHERE national_code = 'D341102000123'")).isEqualTo(2);

        // what an officer changed since stays when the seeder runs again
        String api = PractitionerResourceTest.API + "/F341102000001";
        String etag = given().auth().oauth2(Tokens.user(PractitionerResourceTest.CHUZHOU)).when().get(api)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.user(PractitionerResourceTest.CHUZHOU)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("prac_psn_type", "FEE_REVIEWER", "psn_name", "赵敏（已更正）")).when().put(api).then().statusCode(200);
        VertxContextSupport.subscribeAndAwait(() -> demo.seed());
        assertThat(PractitionerDb.query("SELECT psn_name FROM practitioner WHERE national_code = 'F341102000001'").get(0).get("psn_name"))
                .isEqualTo("赵敏（已更正）");
    }
}
