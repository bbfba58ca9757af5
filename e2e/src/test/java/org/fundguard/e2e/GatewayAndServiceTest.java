package org.fundguard.e2e;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.fundguard.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The gateway in front of the real reports-service, both as packaged processes, with real Keycloak tokens: the
 * gateway's route roles, the service's own checks (the same answers when the gateway is bypassed), region scoping
 * on the demo data, the request id in both logs, and that only the gateway answers on an address other than
 * loopback.
 */
class GatewayAndServiceTest {

    private static Suite suite;

    @BeforeAll
    static void start() {
        suite = Suite.shared();
        // demo data is seeded asynchronously at start
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.user("anhui-report-handler"))
                .get(suite.reportsUrl() + "/api/reports/v1/reports").then().extract().<Integer>path("totalItems") >= 3);
    }

    private static RequestSpecification as(String who) {
        return switch (who) {
            case "nobody" -> given();
            case "agency-police" -> given().auth().oauth2(Tokens.client("agency-police", "dev-police-secret"));
            case "his" -> given().auth().oauth2(Tokens.client("his-h34110200001", "dev-his-secret"));
            default -> given().auth().oauth2(Tokens.user(who));
        };
    }

    @ParameterizedTest(name = "{0} → gateway {1}, direct {2}")
    @CsvSource({
            "chuzhou-report-handler,   200, 200",
            "anhui-report-handler,     200, 200",
            "chuzhou-report-handler-2, 200, 200",
            "chuzhou-auditor,          403, 403",
            "chuzhou-analyst,          403, 403",
            "huaibei-reward-approver,  403, 403",
            "anhui-admin,              403, 403",
            "agency-police,            403, 403",
            "his,                      403, 403",
            "nobody,                   401, 401"
    })
    void listingReportsGivesTheSameAnswerThroughTheGatewayAndDirectly(String who, int viaGateway, int direct) {
        as(who).when().get(suite.gatewayUrl() + "/api/reports/v1/reports").then().statusCode(viaGateway);
        as(who).when().get(suite.reportsUrl() + "/api/reports/v1/reports").then().statusCode(direct);
    }

    @Test
    void chuzhouSeesOnlyChuzhouAndTheProvinceSeesHuaibeiThroughTheGateway() {
        List<String> chuzhou = as("chuzhou-report-handler").when().get(suite.gatewayUrl() + "/api/reports/v1/reports?size=200")
                .then().statusCode(200).extract().path("items.region");
        assertThat(chuzhou).isNotEmpty().allMatch(r -> r.startsWith("3411"));
        String huaibeiId = as("huaibei-report-handler").when().get(suite.gatewayUrl() + "/api/reports/v1/reports")
                .then().statusCode(200).extract().path("items[0].id");
        String body = as("chuzhou-report-handler").when().get(suite.gatewayUrl() + "/api/reports/v1/reports/" + huaibeiId)
                .then().statusCode(404).contentType("application/problem+json").extract().asString();
        assertThat(body).doesNotContain("淮北").doesNotContain("340600");
        as("chuzhou-report-handler").when().get(suite.reportsUrl() + "/api/reports/v1/reports/" + huaibeiId)
                .then().statusCode(404);
        as("anhui-report-handler").when().get(suite.gatewayUrl() + "/api/reports/v1/reports/" + huaibeiId)
                .then().statusCode(200).body("region", equalTo("340600"));
    }

    @Test
    void servicesAnswerOnLoopbackOnlyWhileTheGatewayAnswersOnEveryAddress() throws IOException {
        Optional<InetAddress> other = otherLocalAddress();
        assumeTrue(other.isPresent(), "this machine has only loopback addresses: nothing to check the services' bind against");
        assertThat(answers(InetAddress.getLoopbackAddress(), suite.port("reports"))).isTrue();
        assertThat(answers(other.get(), suite.gatewayPort())).as("the gateway on " + other.get()).isTrue();
        for (String service : List.of("reports", "monitoring")) {
            assertThat(answers(other.get(), suite.port(service))).as(service + " on " + other.get()).isFalse();
        }
    }

    /** An address of this machine that is not loopback (IPv4 first), if it has one. */
    private static Optional<InetAddress> otherLocalAddress() throws SocketException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Collections.list(nic.getInetAddresses()).stream()
                        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                        .forEach(found::add);
            }
        }
        return found.stream().min(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1));
    }

    private static boolean answers(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void forgedTokenIsRefusedByTheServiceEvenWithoutTheGateway() {
        String token = Tokens.user("chuzhou-report-handler");
        String[] p = token.split("\\.");
        String forged = p[0] + "." + p[1] + "." + new StringBuilder(p[2]).reverse();
        given().auth().oauth2(forged).when().get(suite.reportsUrl() + "/api/reports/v1/reports").then().statusCode(401);
        given().auth().oauth2(forged).when().get(suite.gatewayUrl() + "/api/reports/v1/reports").then().statusCode(401);
    }

    @Test
    void requestIdAppearsInTheGatewaysAndTheServicesLogs() {
        String id = "e2e-" + UUID.randomUUID();
        as("chuzhou-report-handler").header("X-Request-Id", id).contentType(ContentType.JSON)
                .body(Map.of("channel", "LETTER", "region", "341100", "conduct", "e2e 请求编号"))
                .when().post(suite.gatewayUrl() + "/api/reports/v1/reports")
                .then().statusCode(201).header("X-Request-Id", id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(suite.log("gateway")).contains("\"requestId\":\"" + id + "\"").contains("\"status\":201");
            assertThat(suite.log("reports")).contains("requestId=" + id);
        });
    }

    @Test
    void logsCarryNoTokens() {
        String token = Tokens.user("chuzhou-report-handler");
        as("chuzhou-report-handler").when().get(suite.gatewayUrl() + "/api/reports/v1/reports").then().statusCode(200);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertThat(suite.log("gateway")).doesNotContain(signature);
        assertThat(suite.log("reports")).doesNotContain(signature);
    }
}
