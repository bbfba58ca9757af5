package org.fundguard.kit.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit's own holiday files, as the State Council's notices give them. */
class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CN = WorkingDayCalendar.builtIn();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void shipsTheAnnouncedYearsAndNamesTheirNotices() {
        assertThat(CN.years()).containsExactly(2025, 2026);
        assertThat(CN.covers(2026)).isTrue();
        assertThat(CN.covers(2027)).isFalse();
        assertThat(CN.source(2026)).hasValueSatisfying(s -> assertThat(s).contains("国务院办公厅关于2026年部分节假日安排的通知"));
        assertThat(CN.source(2025)).hasValueSatisfying(s -> assertThat(s).contains("国办发明电〔2024〕12号"));
    }

    @Test
    void acceptanceDeadlineSkipsNationalDayAndCountsTheMakeUpSaturday() {
        // received Wed Sep 30: Oct 8, 9, 10 (Sat, worked), then Oct 12–16, 19–23, 26, 27
        assertThat(CN.addWorkingDays(date("2026-09-30"), 15)).isEqualTo(date("2026-10-27"));
    }

    @Test
    void holidaysAndMakeUpDaysOf2026DecideWhetherADayIsWorked() {
        assertThat(CN.isWorkingDay(date("2026-01-02"))).isFalse();  // Friday, 元旦
        assertThat(CN.isWorkingDay(date("2026-01-04"))).isTrue();   // Sunday, worked
        assertThat(CN.isWorkingDay(date("2026-02-16"))).isFalse();  // Monday, 春节 (除夕)
        assertThat(CN.isWorkingDay(date("2026-02-23"))).isFalse();  // Monday, 正月初七
        assertThat(CN.isWorkingDay(date("2026-02-14"))).isTrue();   // Saturday, worked
        assertThat(CN.isWorkingDay(date("2026-02-28"))).isTrue();   // Saturday, worked
        assertThat(CN.isWorkingDay(date("2026-04-06"))).isFalse();  // Monday, 清明
        assertThat(CN.isWorkingDay(date("2026-05-05"))).isFalse();  // Tuesday, 劳动节
        assertThat(CN.isWorkingDay(date("2026-05-09"))).isTrue();   // Saturday, worked
        assertThat(CN.isWorkingDay(date("2026-06-19"))).isFalse();  // Friday, 端午
        assertThat(CN.isWorkingDay(date("2026-09-25"))).isFalse();  // Friday, 中秋
        assertThat(CN.isWorkingDay(date("2026-09-20"))).isTrue();   // Sunday, worked
        assertThat(CN.isWorkingDay(date("2026-10-07"))).isFalse();  // Wednesday, 国庆
        assertThat(CN.isWorkingDay(date("2026-10-08"))).isTrue();
        assertThat(CN.isWorkingDay(date("2026-10-10"))).isTrue();   // Saturday, worked
        assertThat(CN.isWorkingDay(date("2026-10-11"))).isFalse();  // Sunday
    }

    @Test
    void holidaysAndMakeUpDaysOf2025DecideWhetherADayIsWorked() {
        assertThat(CN.isWorkingDay(date("2025-01-28"))).isFalse();  // 除夕
        assertThat(CN.isWorkingDay(date("2025-01-26"))).isTrue();   // Sunday, worked
        assertThat(CN.isWorkingDay(date("2025-02-08"))).isTrue();   // Saturday, worked
        assertThat(CN.isWorkingDay(date("2025-06-02"))).isFalse();  // Monday, 端午
        assertThat(CN.isWorkingDay(date("2025-10-08"))).isFalse();  // Wednesday, 国庆 and 中秋 together
        assertThat(CN.isWorkingDay(date("2025-10-11"))).isTrue();   // Saturday, worked
    }

    @Test
    void aYearWithoutDataCountsWeekendsOnly() {
        // 2027 has no notice yet: 1 January 2027 (a Friday) counts as a working day
        assertThat(CN.isWorkingDay(date("2027-01-01"))).isTrue();
        assertThat(CN.addWorkingDays(date("2026-12-31"), 1)).isEqualTo(date("2027-01-01"));
        assertThat(CN.missing(2026)).containsExactly("no holiday data for 2027; working-day deadlines in 2027 count weekends only");
        assertThat(CN.missing(2025)).isEmpty();
    }

    @Test
    void startOnAHolidayCountsFromTheFirstWorkingDayAfterIt() {
        // received Sat Oct 3 (inside the holiday): Oct 8, 9, 10, 12, 13
        assertThat(CN.addWorkingDays(date("2026-10-03"), 5)).isEqualTo(date("2026-10-13"));
        // the Sunday after Fri Sep 18 is a make-up working day
        assertThat(CN.addWorkingDays(date("2026-09-18"), 1)).isEqualTo(date("2026-09-20"));
    }

    @Test
    void zeroWorkingDaysIsTheStartDayEvenWhenItIsAHoliday() {
        assertThat(CN.addWorkingDays(date("2026-10-02"), 0)).isEqualTo(date("2026-10-02"));
    }

    @Test
    void fiveWorkingDayNoticeAfterADecisionBeforeTheHolidays() {
        // decided Wed Sep 23: Sep 24, (Mid-Autumn Sep 25–27), Sep 28, 29, 30, (National Day), Oct 8
        assertThat(CN.addWorkingDays(date("2026-09-23"), 5)).isEqualTo(date("2026-10-08"));
    }

    @Test
    void workingDaysBetweenIsTheInverseOfAddWorkingDays() {
        assertThat(CN.workingDaysBetween(date("2026-09-30"), date("2026-10-27"))).isEqualTo(15);
        assertThat(CN.workingDaysBetween(date("2026-10-27"), date("2026-09-30"))).isEqualTo(-15);
        assertThat(CN.workingDaysBetween(date("2026-10-05"), date("2026-10-05"))).isZero();
        // October: 22 weekdays, 5 of them holidays, plus the worked Saturday Oct 10
        assertThat(CN.workingDaysBetween(date("2026-09-30"), date("2026-10-31"))).isEqualTo(18);
        for (int n = 0; n <= 60; n++) {
            LocalDate start = date("2026-01-25").plusDays(n % 7);
            assertThat(CN.workingDaysBetween(start, CN.addWorkingDays(start, n))).isEqualTo(n);
        }
    }

    @Test
    void fifteenWorkingDaysFromAMondayWithoutHolidaysIsTheMondayThreeWeeksLater() {
        assertThat(WorkingDayCalendar.weekendsOnly().addWorkingDays(date("2026-03-02"), 15)).isEqualTo(date("2026-03-23"));
    }

    @Test
    void rejectsANegativeNumberOfDays() {
        assertThatThrownBy(() -> CN.addWorkingDays(date("2026-10-08"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTwoSetsForOneYear() {
        HolidayYear a = new HolidayYear(2030, "a", Set.of(), Set.of());
        assertThatThrownBy(() -> WorkingDayCalendar.of(List.of(a, a))).hasMessageContaining("2030");
    }
}
