package org.fundguard.kit.calendar;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class CalendarReadinessTest {

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    BusinessClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Map<String, Object> calendarCheck() {
        JsonPath health = given().when().get("/q/health/ready").then().extract().jsonPath();
        return health.getMap("checks.find { it.name == 'calendar' }");
    }

    @Test
    void readinessWarnsInDecemberWhenNextYearHasNoHolidayData() {
        clock.set(Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), BusinessClock.ZONE));

        Map<String, Object> check = calendarCheck();

        assertThat(check).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) check.get("data");
        assertThat(data).containsEntry("warning", "no holiday data for 2027; working-day deadlines in 2027 count weekends only");
    }

    @Test
    void readinessCarriesNoWarningWhileThisAndNextYearHaveData() {
        clock.set(Clock.fixed(Instant.parse("2025-06-02T02:00:00Z"), BusinessClock.ZONE));

        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) calendarCheck().get("data");

        assertThat(data).doesNotContainKey("warning").containsKey("years");
    }

    @Test
    void deadlineOverNationalDaySkipsTheHolidaysAndCountsTheMakeUpSaturday() {
        // decided Wed Sep 30 2026; five working days: Oct 8, 9, 10 (Saturday, worked), 12, 13
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 13))).isEqualTo(5);
    }

    @Test
    void aProvinceFileFromTheConfiguredDirectoryIsPickedUp() {
        // src/test/calendar-province/ah-2024.json (fundguard.calendar.directory): a year the kit does not ship
        assertThat(calendar.years()).containsExactly(2024, 2025, 2026);
        assertThat(calendar.covers(2024)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 7))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();
    }
}
