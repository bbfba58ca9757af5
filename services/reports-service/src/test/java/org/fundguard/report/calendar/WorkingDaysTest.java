package org.fundguard.report.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDaysTest {

    // The real 2026 arrangement, from 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, Xinhua):
    // 中秋节 Sep 25 (Fri) – 27 (Sun) off; 国庆节 Oct 1 (Thu) – 7 (Wed) off, Sep 20 (Sun) and Oct 10 (Sat) worked.
    private static final WorkingDays AUTUMN_2026 = WorkingDays.parse(
            "2026-09-25, 2026-09-26, 2026-09-27,"
                    + "2026-10-01,2026-10-02,2026-10-03,2026-10-04,2026-10-05,2026-10-06,2026-10-07",
            "2026-09-20, 2026-10-10");

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void fifteenWorkingDaysFromAMondayWithoutHolidaysIsTheMondayThreeWeeksLater() {
        WorkingDays calendar = WorkingDays.weekendsOnly();

        assertThat(calendar.addWorkingDays(date("2026-03-02"), 15)).isEqualTo(date("2026-03-23"));
    }

    @Test
    void acceptanceDeadlineSkipsNationalDayAndCountsTheMakeUpSaturday() {
        // received Wed Sep 30: Oct 8, 9, 10 (Sat, worked), then Oct 12–16, 19–23, 26, 27
        assertThat(AUTUMN_2026.addWorkingDays(date("2026-09-30"), 15)).isEqualTo(date("2026-10-27"));
    }

    @Test
    void holidaysAndMakeUpDaysDecideWhetherADayIsWorked() {
        assertThat(AUTUMN_2026.isWorkingDay(date("2026-10-01"))).isFalse();  // Thursday, holiday
        assertThat(AUTUMN_2026.isWorkingDay(date("2026-10-07"))).isFalse();  // Wednesday, holiday
        assertThat(AUTUMN_2026.isWorkingDay(date("2026-10-08"))).isTrue();   // Thursday
        assertThat(AUTUMN_2026.isWorkingDay(date("2026-10-10"))).isTrue();   // Saturday, make-up day
        assertThat(AUTUMN_2026.isWorkingDay(date("2026-10-11"))).isFalse();  // Sunday
        assertThat(AUTUMN_2026.isWorkingDay(date("2026-09-20"))).isTrue();   // Sunday, make-up day
    }

    @Test
    void startOnAFridayCountsFromTheNextWorkingDay() {
        assertThat(WorkingDays.weekendsOnly().addWorkingDays(date("2026-03-06"), 1)).isEqualTo(date("2026-03-09"));
        // the Sunday after Fri Sep 18 is a make-up working day
        assertThat(AUTUMN_2026.addWorkingDays(date("2026-09-18"), 1)).isEqualTo(date("2026-09-20"));
    }

    @Test
    void startOnAHolidayCountsFromTheFirstWorkingDayAfterIt() {
        // received Sat Oct 3 (inside the holiday): Oct 8, 9, 10, 12, 13
        assertThat(AUTUMN_2026.addWorkingDays(date("2026-10-03"), 5)).isEqualTo(date("2026-10-13"));
    }

    @Test
    void zeroWorkingDaysIsTheStartDayEvenWhenItIsAHoliday() {
        assertThat(AUTUMN_2026.addWorkingDays(date("2026-10-02"), 0)).isEqualTo(date("2026-10-02"));
        assertThat(AUTUMN_2026.addWorkingDays(date("2026-10-08"), 0)).isEqualTo(date("2026-10-08"));
    }

    @Test
    void fiveWorkingDayNoticeAfterADecisionBeforeTheHolidays() {
        // decided Wed Sep 23: Sep 24, (Mid-Autumn Sep 25–27), Sep 28, 29, 30, (National Day), Oct 8
        assertThat(AUTUMN_2026.addWorkingDays(date("2026-09-23"), 5)).isEqualTo(date("2026-10-08"));
    }

    @Test
    void workingDaysBetweenIsTheInverseOfAddWorkingDays() {
        assertThat(AUTUMN_2026.workingDaysBetween(date("2026-09-30"), date("2026-10-27"))).isEqualTo(15);
        assertThat(AUTUMN_2026.workingDaysBetween(date("2026-10-27"), date("2026-09-30"))).isEqualTo(-15);
        assertThat(AUTUMN_2026.workingDaysBetween(date("2026-10-05"), date("2026-10-05"))).isZero();
        // whole months: October has 22 weekdays, 5 of them holidays, plus the worked Saturday Oct 10
        assertThat(AUTUMN_2026.workingDaysBetween(date("2026-09-30"), date("2026-10-31"))).isEqualTo(18);
        assertThat(AUTUMN_2026.workingDaysBetween(date("2026-08-31"), date("2026-09-30"))).isEqualTo(22);
        for (int n = 0; n <= 40; n++) {
            LocalDate start = date("2026-09-15").plusDays(n % 7);
            assertThat(AUTUMN_2026.workingDaysBetween(start, AUTUMN_2026.addWorkingDays(start, n))).isEqualTo(n);
        }
    }

    @Test
    void parseIgnoresBlanksAndTreatsNullAsNone() {
        WorkingDays calendar = WorkingDays.parse(" , 2026-05-01 ,,", null);

        assertThat(calendar.isWorkingDay(date("2026-05-01"))).isFalse();
        assertThat(WorkingDays.parse("", " ").isWorkingDay(date("2026-05-01"))).isTrue();
    }

    @Test
    void parseRejectsAnItemThatIsNotAnIsoDate() {
        assertThatThrownBy(() -> WorkingDays.parse("2026-10-01,2026/10/02", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2026/10/02'");
    }

    @Test
    void rejectsAWeekdayConfiguredAsMakeUpDay() {
        assertThatThrownBy(() -> WorkingDays.parse("", "2026-10-09"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-10-09");
    }

    @Test
    void rejectsADayConfiguredBothAsHolidayAndMakeUpDay() {
        assertThatThrownBy(() -> new WorkingDays(Set.of(date("2026-10-10")), Set.of(date("2026-10-10"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsANegativeNumberOfDays() {
        assertThatThrownBy(() -> AUTUMN_2026.addWorkingDays(date("2026-10-08"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
