package org.fundguard.kit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Bad input that the HTTP or REST layer would answer with a 404, a 500 or an empty body gets a problem+json instead,
 * for every service (the kit's edge, converters, JSON reader and mappers), and no response is cached unless it says so.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class ServiceEdgeTest {

    private static final String WIDGETS = "/api/widgets/v1/widgets";
    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URI base;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "size=abc, size",
            "page=99999999999, page",
            "from=2026-02-30, from",
            "from=30.01.2026, from",
            "overdue=maybe, overdue",
            "after=12x, after"})
    void aQueryParameterThatDoesNotConvertIs400NamingIt(String query, String field) {
        String path = query.startsWith("size") ? WIDGETS : WIDGETS + "/search";
        given().auth().oauth2(Tokens.user("chuzhou-auditor"))
                .when().get(path + "?" + query)
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", contains(field));
    }

    @Test
    void wellFormedQueryParametersStillConvert() {
        given().auth().oauth2(Tokens.user("chuzhou-auditor"))
                .when().get(WIDGETS + "/search?from=2028-02-29&overdue=true&page=3&after=7")
                .then().statusCode(200)
                .body("from", equalTo("2028-02-29"))
                .body("overdue", equalTo(true))
                .body("page", equalTo(3))
                .body("after", equalTo(7));
    }

    @Test
    void aNonUuidIdIs400NamingItAndAMissingRecordStays404() {
        given().auth().oauth2(Tokens.user("chuzhou-auditor"))
                .when().get(WIDGETS + "/not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("id"));
        given().auth().oauth2(Tokens.user("chuzhou-auditor"))
                .when().get(WIDGETS + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aNulCharacterInATextFieldIs400NamingIt() {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body("{\"name\":\"ok\",\"parts\":[{\"region\":\"34\\u00001100\",\"count\":1}]}")
                .when().post(WIDGETS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("parts[0].region"))
                .body("errors.message", contains("must not contain the NUL character (U+0000)"));
    }

    @Test
    void aKeyGivenTwiceIs400NamingIt() {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body("{\"name\":\"first\",\"parts\":[{\"region\":\"341100\",\"count\":1,\"count\":9}]}")
                .when().post(WIDGETS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("parts[0].count"))
                .body("errors.message", contains("appears more than once"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {
            "'{\"name\":\"a\",\"parts\":[{\"region\":\"341100\",\"count\":1,}]}' | parts[0] | line 1, column",
            "'{\"name\":\"secret-text'                                         | name     | line 1",
            "'{\"name\" \"x\"}'                                                | name     | line 1, column 9"},
            delimiter = '|', quoteCharacter = '\'')
    void illFormedJsonIs400NamingWhereItBrokeWithoutQuotingIt(String body, String field, String where) {
        given().auth().oauth2(Tokens.user("chuzhou-report-handler"))
                .contentType(ContentType.JSON).body(body)
                .when().post(WIDGETS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("The request body is not well-formed JSON."))
                .body("errors.field", contains(field))
                .body("errors[0].message", org.hamcrest.Matchers.containsString(where))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret-text")));
    }

    @ParameterizedTest(name = "Content-Type \"{0}\"")
    @CsvSource(value = {"''", "json", "application/", "application/json; charset"}, quoteCharacter = '\'')
    void anEmptyOrMalformedContentTypeIs415(String type) {
        HttpResponse<String> r = Http.send(Http.to(base, WIDGETS)
                .header("Authorization", "Bearer " + Tokens.user("chuzhou-report-handler"))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
        assertThat(r.statusCode()).isEqualTo(415);
        assertProblem(r, 415);
    }

    @Test
    void moreMultipartPartsThanTheLimitIs413() {
        assertThat(upload(5).statusCode()).isEqualTo(200);
        HttpResponse<String> r = upload(25);
        assertThat(r.statusCode()).isEqualTo(413);
        assertProblem(r, 413);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        HttpResponse<String> r = Http.send(Http.to(base, WIDGETS)
                .header("Authorization", "Bearer " + Tokens.user("chuzhou-report-handler"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "a".repeat(70 * 1024) + "\"}")));
        assertThat(r.statusCode()).isEqualTo(413);
        assertProblem(r, 413);
    }

    @Test
    void aRequestLineOverTheLimitIs414() {
        HttpResponse<String> r = Http.send(Http.to(base, WIDGETS + "/search?from=" + "9".repeat(5000)).GET());
        assertThat(r.statusCode()).isEqualTo(414);
        assertProblem(r, 414);
    }

    @Test
    void aPathOutsideEveryResourceIs404Problem() {
        HttpResponse<String> r = Http.send(Http.to(base, "/nothing/here").GET());
        assertThat(r.statusCode()).isEqualTo(404);
        assertProblem(r, 404);
    }

    @Test
    void responsesAreNotCachedUnlessTheySaySo() {
        given().auth().oauth2(Tokens.user("chuzhou-auditor")).when().get(WIDGETS + "/me")
                .then().statusCode(200).header("Cache-Control", "no-store");
        given().auth().oauth2(Tokens.user("chuzhou-auditor")).when().get(WIDGETS + "/conflict")
                .then().statusCode(409).header("Cache-Control", "no-store");
        given().when().get(WIDGETS + "/me")
                .then().statusCode(401).header("Cache-Control", "no-store");
        given().auth().oauth2(Tokens.user("chuzhou-auditor")).when().get(WIDGETS + "/cacheable")
                .then().statusCode(200).header("Cache-Control", "max-age=60");
    }

    @Test
    void anEndpointWithoutARoleAnnotationIsRefusedByTheKitsDefaults() {
        // quarkus.security.jaxrs.deny-unannotated-endpoints is a build-time key: it comes from the kit's
        // META-INF/microprofile-config.properties, the test application does not set it
        given().auth().oauth2(Tokens.user("anhui-admin")).when().get(WIDGETS + "/unannotated")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aMultipartBoundaryWithMoreThanTokenCharactersIsAccepted() {
        // as JavaMail writes them: '=' is no token character, but a boundary may hold it
        assertThat(upload(2, "----=_Part_0_" + System.nanoTime() + ".1").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> upload(int parts) {
        return upload(parts, "fundguard-" + UUID.randomUUID());
    }

    private HttpResponse<String> upload(int parts, String boundary) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file").append(i).append("\"; filename=\"f").append(i).append(".txt\"\r\n")
                    .append("Content-Type: text/plain\r\n\r\n")
                    .append("part ").append(i).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return Http.send(Http.to(base, WIDGETS + "/uploads")
                .header("Authorization", "Bearer " + Tokens.user("chuzhou-auditor"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
        JsonPath json = JsonPath.from(r.body());
        assertThat(json.getInt("status")).isEqualTo(status);
        assertThat(json.getString("type")).isEqualTo("about:blank");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
