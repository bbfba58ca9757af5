package org.fundguard.report;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.fundguard.report.Fixtures.PUBLIC;
import static org.fundguard.report.Fixtures.REPORTS;
import static org.fundguard.report.Fixtures.as;
import static org.fundguard.report.Fixtures.publicReport;
import static org.hamcrest.Matchers.equalTo;

/** Deadlines are counted in China's working days (the kit's calendar) from the business date (the kit's clock). */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class BusinessDatesTest {

    @Inject
    BusinessClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(String instant) {
        clock.set(Clock.fixed(Instant.parse(instant), BusinessClock.ZONE));
    }

    private static String dueOfReportSubmittedNow() {
        return given().contentType("application/json").body(publicReport("341100", "期限 " + UUID.randomUUID()))
                .when().post(PUBLIC + "/reports").then().statusCode(201).extract().path("acceptanceDue");
    }

    @Test
    void aReportReceivedAtHalfPastMidnightInBeijingCountsFromThatChineseDate() {
        // 00:30 on Wednesday 2 December in Beijing, still Tuesday 1 December in UTC: 15 working days from 2 December
        at("2026-12-01T16:30:00Z");
        org.assertj.core.api.Assertions.assertThat(dueOfReportSubmittedNow()).isEqualTo("2026-12-23");
    }

    @Test
    void theNationalDayHolidayAndItsMakeUpWorkingDayMoveTheDeadline() {
        // 30 September 2026: 1–7 October are holidays, Saturday 10 October is a working day (调休)
        at("2026-09-30T02:00:00Z");
        org.assertj.core.api.Assertions.assertThat(dueOfReportSubmittedNow()).isEqualTo("2026-10-27");
    }

    @Test
    void overdueIsJudgedOnTheBusinessDate() {
        at("2026-09-30T02:00:00Z");
        String receipt = given().contentType("application/json").body(publicReport("341100", "逾期判断 " + UUID.randomUUID()))
                .when().post(PUBLIC + "/reports").then().statusCode(201).extract().path("receiptCode");
        String id = Db.idOfReceipt(receipt);
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id).then().statusCode(200)
                .body("overdue", equalTo(false)).body("acceptanceDue", equalTo("2026-10-27"));
        at("2026-10-28T02:00:00Z");
        as("chuzhou-report-handler").when().get(REPORTS + "/" + id).then().statusCode(200).body("overdue", equalTo(true));
    }
}
