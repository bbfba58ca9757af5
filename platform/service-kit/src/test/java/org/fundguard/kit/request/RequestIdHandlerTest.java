package org.fundguard.kit.request;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdHandlerTest {

    @ParameterizedTest
    @CsvSource({
            "/public/reports/v1/receipts/7KQ2-M9XD-4RTB-ZP3W, /public/reports/v1/receipts/***",
            "/public/reports/v1/receipts/7KQ2-M9XD-4RTB-ZP3W/messages, /public/reports/v1/receipts/***/messages",
            "/api/reports/v1/reports/3baf9e8d-7e1c-49d3-b81f-ab39a1a05da2, /api/reports/v1/reports/3baf9e8d-7e1c-49d3-b81f-ab39a1a05da2",
            "/q/health/ready, /q/health/ready",
            "/public/reports/v1/%72eceipts/7KQ2-M9XD-4RTB-ZP3W, /public/reports/v1/receipts/***",
            "/public/reports/v1/receipts;x=1/7KQ2-M9XD-4RTB-ZP3W, /public/reports/v1/receipts/***",
            "/public/reports/v1/receipts/./7KQ2-M9XD-4RTB-ZP3W, /public/reports/v1/receipts/***",
            "/public/reports/v1/RECEIPTS/7KQ2-M9XD-4RTB-ZP3W, /public/reports/v1/RECEIPTS/***",
            "/public/reports/v1/receipts%2F7KQ2-M9XD-4RTB-ZP3W, /public/reports/v1/receipts/***",
            "/public/reports/v1/%2572eceipts/7KQ2-M9XD-4RTB-ZP3W, /public/reports/v1/receipts/***",
            "/public/reports/v1/x/../receipts/7KQ2-M9XD-4RTB-ZP3W;s=1/messages, /public/reports/v1/receipts/***/messages",
            "/public/reports/v1/receipts//7KQ2-M9XD-4RTB-ZP3W, /public/reports/v1/receipts/***",
            "/public/reports/v1/receipts%5C7KQ2-M9XD-4RTB-ZP3W, /public/reports/v1/receipts/***",
            "'/a b/\n', /a%20b/%0A"})
    void receiptCodesNeverReachTheAccessLog(String path, String logged) {
        assertThat(RequestIdHandler.maskedPath(path)).isEqualTo(logged);
    }

    @org.junit.jupiter.api.Test
    void aRequestWhoseCallerLeftBeforeTheAnswerIsNotLoggedAsAnswered() {
        assertThat(RequestIdHandler.loggedStatus(true, 201)).isEqualTo(201);
        assertThat(RequestIdHandler.loggedStatus(false, 200)).isEqualTo(499);
    }
}
