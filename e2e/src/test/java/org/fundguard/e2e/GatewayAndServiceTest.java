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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The gateway in front of the real reports-service, both as packaged processes, with real Keycloak tokens: the
 * gateway's route roles, the service's own checks (the same answers when the gateway is bypassed), region scoping
 * on the demo data, the request id in both logs, and that only the gateway listens on addresses other than
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
    void servicesListenOnLoopbackOnlyWhileTheGatewayListensOnEveryAddress() throws IOException {
        // read the kernel's table of listening sockets instead of connecting to another address of the machine:
        // nothing is sent anywhere but loopback
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net/tcp: not Linux");
        for (String service : List.of("reports", "monitoring")) {
            assertThat(listeningAddresses(suite.port(service))).as(service).containsExactly("127.0.0.1");
        }
        assertThat(listeningAddresses(suite.gatewayPort())).as("gateway").isNotEmpty()
                .allMatch(a -> a.equals("0.0.0.0") || a.equals("::"));
    }

    /** The local addresses of the sockets listening on {@code port} (IPv4 and IPv6), from /proc/net/tcp and tcp6. */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> found = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && Integer.parseInt(local[1], 16) == port) {   // 0A = LISTEN
                    found.add(address(local[0]));
                }
            }
        }
        return found;
    }

    /** A hex address of /proc/net/tcp (little-endian 32-bit words) as text. */
    private static String address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - i) * 2, word * 8 + (3 - i) * 2 + 2), 16);
            }
        }
        InetAddress a = InetAddress.getByAddress(bytes);
        return a.isAnyLocalAddress() ? (a instanceof Inet4Address ? "0.0.0.0" : "::") : a.getHostAddress();
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
