package org.fundguard.qualification.practitioner;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class PractitionerResourceTest {

    static final String API = "/api/qualification/v1/practitioners";
    static final String CHUZHOU = "chuzhou-qualification-officer";
    static final String HUAIBEI = "huaibei-qualification-officer";

    static String create(String user, String code, String type, String region) {
        given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_code", code, "prac_psn_type", type, "psn_name", "测试医师", "region", region))
                .when().post(API).then().statusCode(201);
        return code;
    }

    static ValidatableResponse problem(ValidatableResponse r, int status, String field) {
        return r.statusCode(status).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void officerOpensAFileAndEveryoneWithAReadingRoleReadsIt() {
        String code = create(CHUZHOU, "D341102" + PractitionerDb.seq(), "DOCTOR", "341102");
        given().auth().oauth2(Tokens.user(CHUZHOU)).when().get(API + "/" + code)
                .then().statusCode(200).header("Cache-Control", "no-store").header("ETag", "\"0\"")
                .body("prac_psn_code", equalTo(code)).body("prac_psn_type", equalTo("DOCTOR"))
                .body("psn_name", equalTo("测试医师")).body("region", equalTo("341102")).body("institutions", hasSize(0));
        // valid nationwide: another region's officer and an auditor read it
        given().auth().oauth2(Tokens.user(HUAIBEI)).when().get(API + "/" + code).then().statusCode(200);
        given().auth().oauth2(Tokens.user("anhui-auditor")).when().get(API + "/" + code).then().statusCode(200)
                .body("psn_name", equalTo("测试医师"));
        // an analyst reads statistics, never personal data: the name is masked
        given().auth().oauth2(Tokens.user("huaibei-analyst")).when().get(API + "/" + code).then().statusCode(200)
                .body("psn_name", startsWith("测*")).body("psn_name", not(equalTo("测试医师")));
    }

    @Test
    void withoutTokenIs401AndWithoutRoleIs403() {
        given().when().get(API).then().statusCode(401);
        given().auth().oauth2(Tokens.user("chuzhou-report-handler")).when().get(API).then().statusCode(403)
                .contentType("application/problem+json");
        // readers do not write
        given().auth().oauth2(Tokens.user("chuzhou-auditor")).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_code", "D341102000999", "prac_psn_type", "DOCTOR", "psn_name", "某", "region", "341102"))
                .when().post(API).then().statusCode(403);
        given().auth().oauth2(Tokens.client("bank-demo", "dev-bank-secret")).when().get(API).then().statusCode(403);
    }

    @Test
    void anotherRegionsOfficerMayNotChangeTheFileButMayAddAnInstitutionOfTheirOwnRegion() {
        String code = create(CHUZHOU, "D341102" + PractitionerDb.seq(), "DOCTOR", "341102");
        given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("fixmedins_code", "H34110200001", "fixmedins_name", "滁州市第一人民医院", "admdvs", "341102",
                        "begndate", "2020-01-01"))
                .when().post(API + "/" + code + "/institutions").then().statusCode(201).body("institutions", hasSize(1));
        long changes = PractitionerDb.count("SELECT count(*) FROM practitioner_change WHERE national_code = ?", code);

        given().auth().oauth2(Tokens.user(HUAIBEI)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_type", "DOCTOR", "psn_name", "改名", "version", 1))
                .when().put(API + "/" + code).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user(HUAIBEI)).contentType(ContentType.JSON)
                .body(Map.of("enddate", "2025-01-01"))
                .when().post(API + "/" + code + "/institutions/H34110200001/end").then().statusCode(403);
        given().auth().oauth2(Tokens.user(HUAIBEI)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_code", "D341102" + PractitionerDb.seq(), "prac_psn_type", "DOCTOR", "psn_name", "某", "region", "341102"))
                .when().post(API).then().statusCode(403);
        assertThat(PractitionerDb.count("SELECT count(*) FROM practitioner_change WHERE national_code = ?", code)).isEqualTo(changes);
        assertThat(PractitionerDb.query("SELECT psn_name FROM practitioner WHERE national_code = ?", code).get(0).get("psn_name"))
                .isEqualTo("测试医师");

        // the person starts practising in 淮北 too: that officer records it
        given().auth().oauth2(Tokens.user(HUAIBEI)).contentType(ContentType.JSON)
                .body(Map.of("fixmedins_code", "H34060200003", "fixmedins_name", "淮北市人民医院", "admdvs", "340602"))
                .when().post(API + "/" + code + "/institutions").then().statusCode(201).body("institutions", hasSize(2));
        given().auth().oauth2(Tokens.user(HUAIBEI)).when().get(API + "?fixmedins_code=H34060200003&code_prefix=" + code)
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].institutions.fixmedins_code",
                        hasItem("H34110200001"));
    }

    @Test
    void aStaleVersionIs409AndTheCurrentOneChangesTheFile() {
        String code = create(CHUZHOU, "D341102" + PractitionerDb.seq(), "DOCTOR", "341102");
        given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("prac_psn_type", "DOCTOR", "psn_name", "新名字"))
                .when().put(API + "/" + code).then().statusCode(200).body("psn_name", equalTo("新名字"))
                .body("version", equalTo(1)).header("ETag", "\"1\"");
        given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_type", "DOCTOR", "psn_name", "又一个名字", "version", 0))
                .when().put(API + "/" + code).then().statusCode(409).contentType("application/problem+json");
        problem(given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_type", "DOCTOR", "psn_name", "又一个名字"))
                .when().put(API + "/" + code).then(), 400, "version");
        problem(given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON).header("If-Match", "abc")
                .body(Map.of("prac_psn_type", "DOCTOR", "psn_name", "又一个名字"))
                .when().put(API + "/" + code).then(), 400, "If-Match");
        // the type must fit the code: a D code is no pharmacist's
        problem(given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_type", "PHARMACIST", "psn_name", "新名字", "version", 1))
                .when().put(API + "/" + code).then(), 400, "prac_psn_type");
        given().auth().oauth2(Tokens.user(CHUZHOU)).when().get(API + "/" + code + "/history")
                .then().statusCode(200).header("Cache-Control", "no-store").body("totalItems", equalTo(2))
                .body("items[0].kind", equalTo("UPDATED")).body("items[0].before.psn_name", equalTo("测试医师"))
                .body("items[0].after.psn_name", equalTo("新名字")).body("items[1].kind", equalTo("CREATED"))
                .body("items[1].before", nullValue());
    }

    @Test
    void badInputIsProblemJsonNamingTheField() {
        problem(given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_code", "D34110200012", "prac_psn_type", "DOCTOR", "psn_name", "某", "region", "341102"))
                .when().post(API).then(), 400, "prac_psn_code");
        problem(given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_code", "HY341102000001", "prac_psn_type", "DOCTOR", "psn_name", "某", "region", "341102"))
                .when().post(API).then(), 400, "prac_psn_code");
        problem(given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_code", "D341102" + PractitionerDb.seq(), "prac_psn_type", "SURGEON", "psn_name", "某", "region", "341102"))
                .when().post(API).then(), 400, "prac_psn_type");
        problem(given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("prac_psn_code", "D341102" + PractitionerDb.seq(), "prac_psn_type", "DOCTOR", "psn_name", "王\u0000五", "region", "341102"))
                .when().post(API).then(), 400, "psn_name");
        problem(given().auth().oauth2(Tokens.user(CHUZHOU)).when().get(API + "?page=abc").then(), 400, "page");
        problem(given().auth().oauth2(Tokens.user(CHUZHOU)).when().get(API + "?prac_psn_type=SURGEON").then(), 400, "prac_psn_type");
        problem(given().auth().oauth2(Tokens.user(CHUZHOU)).when().get(API + "?region=34110").then(), 400, "region");
        problem(given().auth().oauth2(Tokens.user(CHUZHOU)).urlEncodingEnabled(false).when().get(API + "/D34%00").then(), 400, "code");
        String code = create(CHUZHOU, "D341102" + PractitionerDb.seq(), "DOCTOR", "341102");
        problem(given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("fixmedins_code", "H34110200001", "admdvs", "341102", "begndate", "2024-02-30"))
                .when().post(API + "/" + code + "/institutions").then(), 400, "begndate");
        given().auth().oauth2(Tokens.user(CHUZHOU)).when().get(API + "/D341102999999x")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anInstitutionEndsOnceAndThePersonStaysAtTheOthers() {
        String code = create(CHUZHOU, "HY341102" + PractitionerDb.seq(), "PHARMACIST", "341102");
        for (String[] i : new String[][]{{"H34110200001", "341102"}, {"H34110300002", "341103"}}) {
            given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON)
                    .body(Map.of("fixmedins_code", i[0], "admdvs", i[1], "begndate", "2021-01-01"))
                    .when().post(API + "/" + code + "/institutions").then().statusCode(201);
        }
        given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON)
                .body(Map.of("fixmedins_code", "H34110200001", "admdvs", "341102"))
                .when().post(API + "/" + code + "/institutions").then().statusCode(409);
        given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON).body(Map.of("enddate", "2025-06-30"))
                .when().post(API + "/" + code + "/institutions/H34110300002/end").then().statusCode(200)
                .body("institutions.find { it.fixmedins_code == 'H34110300002' }.enddate", equalTo("2025-06-30"))
                .body("institutions.find { it.fixmedins_code == 'H34110200001' }.enddate", nullValue());
        given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON).body(Map.of("enddate", "2025-07-30"))
                .when().post(API + "/" + code + "/institutions/H34110300002/end").then().statusCode(409);
        given().auth().oauth2(Tokens.user(CHUZHOU)).contentType(ContentType.JSON).body(Map.of("enddate", "2025-07-30"))
                .when().post(API + "/" + code + "/institutions/H99999999999/end").then().statusCode(404);
        given().auth().oauth2(Tokens.user(CHUZHOU)).when().get(API + "/" + code + "/history?size=1")
                .then().statusCode(200).body("totalItems", equalTo(4)).body("totalPages", equalTo(4))
                .body("items[0].kind", equalTo("INSTITUTION_ENDED"));
        given().auth().oauth2(Tokens.user(CHUZHOU)).when().get(API + "?region=341100&prac_psn_type=PHARMACIST&size=200")
                .then().statusCode(200).body("items.prac_psn_code", hasItem(code))
                .body("items.prac_psn_type", not(hasItem("DOCTOR"))).header("Cache-Control", startsWith("no-store"));
        given().auth().oauth2(Tokens.user(CHUZHOU)).when().get(API + "?region=340600&code_prefix=" + code)
                .then().statusCode(200).body("totalItems", equalTo(0));
    }
}
