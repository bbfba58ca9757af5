package org.fundguard.report;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.fundguard.testsupport.Tokens;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Requests the report tests share: public reports, staff steps, sample files. */
final class Fixtures {

    static final String PUBLIC = "/public/reports/v1";
    static final String REPORTS = "/api/reports/v1/reports";
    static final String PROBLEM = "application/problem+json";
    static final String SECRET = "X-Receipt-Secret";
    /** GB 11643's own example: weighted sum 167, 167 mod 11 = 2 → check character X. */
    static final String VALID_ID = "11010519491231002X";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    private Fixtures() {
    }

    static Map<String, Object> publicReport(String region, String conduct) {
        Map<String, Object> m = new HashMap<>();
        m.put("region", region);
        m.put("institution", Map.of("code", "H34110200001", "name", "滁州市第一人民医院"));
        m.put("conduct", conduct);
        m.put("occurredOn", "2026-10-12");
        m.put("wantsReward", true);
        return m;
    }

    static Map<String, Object> realName(Map<String, Object> report, String idNumber) {
        report.put("reporter", Map.of("name", "王小明", "idNumber", idNumber, "phone", "13800138000"));
        return report;
    }

    /** Submits a public report as JSON; returns {receiptCode, secret}. */
    static String[] submit(Map<String, Object> report) {
        ValidatableResponse r = given().contentType(ContentType.JSON).body(report).when().post(PUBLIC + "/reports")
                .then().statusCode(201);
        return new String[]{r.extract().path("receiptCode"), r.extract().path("secret")};
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user));
    }

    static void accept(String user, String id) {
        as(user).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post(REPORTS + "/" + id + "/acceptance").then().statusCode(200);
    }

    static Map<String, Object> verification(String caseValue) {
        return Map.of("outcome", "VERIFIED", "caseValue", caseValue,
                "institution", Map.of("code", "H34110200001", "name", "滁州市第一人民医院"),
                "targetKind", "INSTITUTION", "evidenceLevel", 1,
                "responsiblePersons", java.util.List.of(Map.of("nationalCode", "D341100000123", "personType", "DOCTOR",
                        "responsibilityLevel", "PRINCIPAL")),
                "rewardChecks", Map.of("clearTargetAndEvidence", true, "factsNewToBureau", true, "otherLegalConditions", true,
                        "reporterIsStaff", false, "reporterIsWrongdoer", false, "clueObtainedIllegally", false));
    }

    static void verify(String user, String id, String caseValue) {
        as(user).contentType(ContentType.JSON).body(verification(caseValue))
                .when().post(REPORTS + "/" + id + "/investigation").then().statusCode(200);
    }

    static Map<String, Object> handlingDecision() {
        return Map.of("decisionType", "AGREEMENT_HANDLING",
                "legalBasis", Map.of("article", "REGULATION_ART_38"),
                "conduct", "MISUSE", "violationTypes", java.util.List.of("挂床住院"),
                "fineMultiple", "1.5",
                "agreementActions", java.util.List.of(Map.of("action", "SUSPEND_DEPARTMENT", "department", "骨科", "months", 6)),
                "publicOfficialInvolved", false);
    }

    static void decide(String user, String id) {
        as(user).contentType(ContentType.JSON).body(handlingDecision())
                .when().post(REPORTS + "/" + id + "/handling-decision").then().statusCode(200);
    }
}
