package org.fundguard.monitoring.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.fundguard.monitoring.Db;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.Messages.KNOWLEDGE;
import static org.fundguard.monitoring.Messages.PROBLEM;
import static org.fundguard.monitoring.Messages.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Knowledge-base management: imports with per-row reports, versions by edit, roles and region scoping, audit. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class KnowledgeResourceTest {

    static final String HEADER = "rule_class,kp_id,version,eff_from,scope,codes,name,price_cap\n";

    static io.restassured.response.ValidatableResponse importCsv(String user, String csv) {
        return as(user).contentType("text/csv; charset=UTF-8").queryParam("source", "test.csv").body(csv)
                .when().post(KNOWLEDGE + "/imports").then();
    }

    static String idOf(String user, String kpId, String scope) {
        return as(user).queryParam("kpId", kpId).queryParam("scope", scope).when().get(KNOWLEDGE + "/points")
                .then().statusCode(200).extract().path("items[0].id");
    }

    @Test
    void anImportKeepsTheGoodRowsAndListsTheBadOnes() {
        String csv = HEADER
                + "GZ10000102001000,KP-T-IMP-1,1,2025-01-01,341100,00120000TEST01,滁州限价,20.00\n"   // good
                + "GZ99999999999999,KP-T-IMP-2,1,2025-01-01,341100,00120000TEST02,未知规则,20.00\n"   // unknown rule class
                + "GZ10000102001000,KP-T-IMP-3,1,2025-01-01,340600,00120000TEST03,淮北限价,20.00\n"   // Huaibei: not Chuzhou's
                + "GZ10000102001000,KP-T-IMP-4,1,2025-01-01,341100,00120000TEST04,滁州限价,-1\n";     // bad price
        importCsv("chuzhou-rule-manager", csv).statusCode(200).contentType(ContentType.JSON)
                .body("rowsRead", equalTo(4)).body("accepted", equalTo(1)).body("refused", equalTo(3))
                .body("errors.row", equalTo(List.of(3, 4, 5)))
                .body("errors.find { it.row == 3 }.field", equalTo("rule_class"))
                .body("errors.find { it.row == 4 }.field", equalTo("scope"))
                .body("errors.find { it.row == 5 }.field", equalTo("price_cap"));
        assertThat(Db.count("SELECT count(*) FROM knowledge_point WHERE kp_id LIKE 'KP-T-IMP-%'")).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE action = 'knowledge.imported'"
                + " AND actor_username = 'chuzhou-rule-manager'")).isGreaterThanOrEqualTo(1);
        // the same version again is refused, not duplicated
        importCsv("chuzhou-rule-manager", HEADER + "GZ10000102001000,KP-T-IMP-1,1,2025-01-01,341100,00120000TEST01,滁州限价,20.00\n")
                .statusCode(200).body("accepted", equalTo(0)).body("errors[0].field", equalTo("version"));
    }

    @Test
    void aFileLevelErrorStoresNothing() {
        importCsv("anhui-rule-manager", "rule_class,kp_id,version,eff_from,scope,codes,price_cap,colour\n"
                + "GZ10000102001000,KP-T-FILE-1,1,2025-01-01,340000,00120000TEST05,20.00,red\n")
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("colour"));
        as("anhui-rule-manager").contentType(ContentType.JSON).body("{\"knowledge_points\": 5}")
                .when().post(KNOWLEDGE + "/imports").then().statusCode(400).contentType(PROBLEM);
        as("anhui-rule-manager").contentType(ContentType.JSON).body("[{\"rule_class\": ")
                .when().post(KNOWLEDGE + "/imports").then().statusCode(400).contentType(PROBLEM);
        assertThat(Db.count("SELECT count(*) FROM knowledge_point WHERE kp_id = 'KP-T-FILE-1'")).isZero();
    }

    @Test
    void aJsonImportWorksLikeCsv() {
        as("anhui-rule-manager").contentType(ContentType.JSON)
                .body(List.of(Map.of("rule_class", "GZ10000301004000", "kp_id", "KP-T-JSON-1", "version", 1,
                                "eff_from", "2025-01-01", "scope", "340000", "codes", List.of("XTESTJSON0001"), "gend", "2"),
                        Map.of("rule_class", "GZ10000301004000", "kp_id", "KP-T-JSON-2", "version", 1,
                                "eff_from", "2025-01-01", "scope", "340000", "codes", List.of("XTESTJSON0002"), "gender", "2")))
                .when().post(KNOWLEDGE + "/imports")
                .then().statusCode(200).body("accepted", equalTo(1)).body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("gender"));
    }

    @Test
    void rulesManagersSeeNationalTheirProvinceAndTheirOwnButNotTheirNeighbours() {
        importCsv("huaibei-rule-manager", HEADER + "GZ10000102001000,KP-T-HB-1,1,2025-01-01,340600,00120000TEST06,淮北限价,20.00\n")
                .statusCode(200).body("accepted", equalTo(1));
        String huaibei = idOf("huaibei-rule-manager", "KP-T-HB-1", "340600");
        as("chuzhou-rule-manager").when().get(KNOWLEDGE + "/points/" + huaibei).then().statusCode(404).contentType(PROBLEM);
        as("anhui-rule-manager").when().get(KNOWLEDGE + "/points/" + huaibei).then().statusCode(200).body("scope", equalTo("340600"));
        as("chuzhou-rule-manager").queryParam("size", 200).when().get(KNOWLEDGE + "/points").then().statusCode(200)
                .body("items.scope", everyItem(org.hamcrest.Matchers.anyOf(equalTo("000000"), equalTo("340000"),
                        org.hamcrest.Matchers.startsWith("3411"))))
                .body("items.scope", hasItem("000000")).body("items.scope", hasItem("340000"))
                .body("items.kpId", not(hasItem("KP-T-HB-1")));
        // an auditor reads, but does not change
        as("chuzhou-auditor").when().get(KNOWLEDGE + "/points").then().statusCode(200);
        importCsv("chuzhou-auditor", HEADER).statusCode(403).contentType(PROBLEM);
    }

    @Test
    void editingMakesTheNextVersionWithinTheManagersRegionOnly() {
        importCsv("chuzhou-rule-manager", HEADER + "GZ10000102001000,KP-T-EDIT-1,1,2025-01-01,341100,00120000TEST07,滁州限价,20.00\n")
                .statusCode(200).body("accepted", equalTo(1));
        String v1 = idOf("chuzhou-rule-manager", "KP-T-EDIT-1", "341100");
        String v2 = as("chuzhou-rule-manager").contentType(ContentType.JSON).body(Map.of("params", Map.of("price_cap", "25.00")))
                .when().post(KNOWLEDGE + "/points/" + v1 + "/versions")
                .then().statusCode(201).body("version", equalTo(2)).body("latest", equalTo(true))
                .body("params.price_cap", equalTo("25.00")).body("name", equalTo("滁州限价"))
                .extract().path("id");
        as("chuzhou-rule-manager").when().get(KNOWLEDGE + "/points/" + v1).then().statusCode(200)
                .body("version", equalTo(1)).body("latest", equalTo(false)).body("params.price_cap", equalTo("20.00"));
        // editing an older version would lose the newer one
        as("chuzhou-rule-manager").contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().post(KNOWLEDGE + "/points/" + v1 + "/versions").then().statusCode(409).contentType(PROBLEM);
        // the province manages its cities' points
        as("anhui-rule-manager").contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().post(KNOWLEDGE + "/points/" + v2 + "/versions").then().statusCode(201).body("version", equalTo(3));
        // a bad parameter names the field of the edit body
        String v3 = idOf("chuzhou-rule-manager", "KP-T-EDIT-1", "341100");
        as("chuzhou-rule-manager").contentType(ContentType.JSON).body(Map.of("params", Map.of("price_cap", "abc"), "sevDeg", 2))
                .when().post(KNOWLEDGE + "/points/" + v3 + "/versions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("params.price_cap")).body("errors.field", hasItem("sevDeg"));
        assertThat(Db.query("SELECT before_state->>'price_cap' AS b, after_state->>'price_cap' AS a FROM audit_log"
                + " WHERE action = 'knowledge.edited' AND entity_id = ?", v2))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("b")).isEqualTo("20.00");
                    assertThat(r.get("a")).isEqualTo("25.00");
                });
    }

    @Test
    void aCityCannotEditItsProvincesPointsAndNoProvinceEditsNationalOnes() {
        String anhui = idOf("chuzhou-rule-manager", "KP-PRICE-0001", "340000");
        as("chuzhou-rule-manager").contentType(ContentType.JSON).body(Map.of("params", Map.of("price_cap", "99.00")))
                .when().post(KNOWLEDGE + "/points/" + anhui + "/versions").then().statusCode(403).contentType(PROBLEM);
        String national = idOf("anhui-rule-manager", "KP-SEX-0001", "000000");
        as("anhui-rule-manager").contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().post(KNOWLEDGE + "/points/" + national + "/versions").then().statusCode(403).contentType(PROBLEM);
        as("anhui-admin").contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().post(KNOWLEDGE + "/points/" + national + "/versions").then().statusCode(403).contentType(PROBLEM);
        importCsv("anhui-rule-manager", HEADER + "GZ10000102001000,KP-T-NAT-1,1,2025-01-01,000000,00120000TEST08,全国,20.00\n")
                .statusCode(200).body("accepted", equalTo(0)).body("errors[0].field", equalTo("scope"));
    }

    @Test
    void withoutATokenIs401AndHospitalSystemsCannotReadTheBase() {
        given().when().get(KNOWLEDGE + "/points").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.client("his-h34110200001", "dev-his-secret")).when().get(KNOWLEDGE + "/points")
                .then().statusCode(403).contentType(PROBLEM);
    }
}
