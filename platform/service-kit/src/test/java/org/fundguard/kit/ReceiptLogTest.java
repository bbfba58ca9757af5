package org.fundguard.kit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A receipt code never reaches a log line — not the access line, not the error line of a failure on its path — however
 * the path is spelled.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class ReceiptLogTest {

    private static final String CODE = "7KQ2-M9XD-4RTB-ZP3W";

    @TestHTTPResource("/")
    URI base;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/public/widgets/v1/receipts/" + CODE,
            "/public/widgets/v1/%72eceipts/" + CODE,
            "/public/widgets/v1/receipts;x=1/" + CODE,
            "/public/widgets/v1/receipts/./" + CODE,
            "/public/widgets/v1/RECEIPTS/" + CODE,
            "/public/widgets/v1/receipts%2F" + CODE,
            "/public/widgets/v1/x/../receipts/" + CODE + "/messages"})
    void aReceiptCodeNeverReachesALogLine(String path) {
        String requestId = "receipt-" + UUID.randomUUID();
        try (LogCapture logs = LogCapture.start()) {
            int status = Http.send(Http.to(base, path).header("X-Request-Id", requestId).GET()).statusCode();
            assertThat(status).isIn(404, 405, 500);
            await().atMost(Duration.ofSeconds(10)).until(() -> logs.lines().stream()
                    .anyMatch(l -> l.startsWith("org.fundguard.access") && l.contains(requestId)));
            assertThat(logs.lines()).isNotEmpty().noneMatch(l -> l.contains(CODE) || l.contains(CODE.toLowerCase()));
            assertThat(logs.lines()).filteredOn(l -> l.contains(requestId)).anyMatch(l -> l.contains("/***"));
        }
    }
}
