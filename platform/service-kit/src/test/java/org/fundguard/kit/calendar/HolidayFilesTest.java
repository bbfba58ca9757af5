package org.fundguard.kit.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayFilesTest {

    private static final ClassLoader CL = HolidayFilesTest.class.getClassLoader();

    private static String file(int year, String holidays, String makeUp) {
        return "{\"year\":" + year + ",\"source\":\"a province's notice\",\"holidays\":[" + holidays
                + "],\"makeUpWorkingDays\":[" + makeUp + "]}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "not an ISO date          | {\"year\":2027,\"source\":\"s\",\"holidays\":[\"2027-01-01\",\"2027/02/06\"],\"makeUpWorkingDays\":[]} | holidays[1] '2027/02/06'",
            "make-up day on a weekday | {\"year\":2027,\"source\":\"s\",\"holidays\":[],\"makeUpWorkingDays\":[\"2027-02-03\"]}                 | makeUpWorkingDays 2027-02-03 is not a Saturday or Sunday",
            "both holiday and worked  | {\"year\":2027,\"source\":\"s\",\"holidays\":[\"2027-02-06\"],\"makeUpWorkingDays\":[\"2027-02-06\"]}   | 2027-02-06 is both",
            "date of another year     | {\"year\":2027,\"source\":\"s\",\"holidays\":[\"2026-10-01\"],\"makeUpWorkingDays\":[]}               | holidays[0] 2026-10-01 is not in or next to 2027",
            "no source                | {\"year\":2027,\"holidays\":[],\"makeUpWorkingDays\":[]}                                            | 'source'",
            "misspelt entry           | {\"year\":2027,\"source\":\"s\",\"holiday\":[],\"makeUpWorkingDays\":[]}                             | unknown entry 'holiday'",
            "year not in the name     | {\"year\":2028,\"source\":\"s\",\"holidays\":[],\"makeUpWorkingDays\":[]}                            | 'year' is 2028 but the file name says 2027",
            "duplicate key            | {\"year\":2027,\"year\":2027,\"source\":\"s\",\"holidays\":[],\"makeUpWorkingDays\":[]}              | not valid JSON",
            "not JSON                 | holidays: 2027-01-01                                                                              | not valid JSON",
    })
    void aMalformedFileFailsNamingTheFileAndTheEntry(String why, String json, String message, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cn-2027.json"), json, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> HolidayFiles.load(CL, Optional.of(dir)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cn-2027.json")
                .hasMessageContaining(message.strip());
    }

    @Test
    void aDirectoryAddsAYearAndReplacesTheKitsYear(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cn-2027.json"), file(2027, "\"2027-01-01\"", "\"2027-01-02\""));
        // a province's own day off on top of the national 2026 holidays (it must repeat those: the file replaces)
        Files.writeString(dir.resolve("cn-2026.json"), file(2026, "\"2026-10-01\",\"2026-11-16\"", ""));
        Files.writeString(dir.resolve("README.txt"), "not a holiday file");

        Map<Integer, HolidayYear> years = HolidayFiles.load(CL, Optional.of(dir));
        WorkingDayCalendar calendar = WorkingDayCalendar.of(years.values());

        assertThat(years.keySet()).containsExactly(2025, 2026, 2027);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-02"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-16"))).isFalse();
        // the kit's 2026 file was replaced: its 2 October holiday is gone
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-02"))).isTrue();
        assertThat(calendar.source(2026)).contains("a province's notice");
    }

    @Test
    void twoFilesOfOneYearInTheDirectoryAreRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ah-2027.json"), file(2027, "", ""));
        Files.writeString(dir.resolve("cn-2027.json"), file(2027, "", ""));

        assertThatThrownBy(() -> HolidayFiles.load(CL, Optional.of(dir))).hasMessageContaining("both give year 2027");
    }

    @Test
    void aMissingDirectoryIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> HolidayFiles.load(CL, Optional.of(dir.resolve("nowhere"))))
                .hasMessageContaining("is not a directory");
    }

    @Test
    void aMakeUpDayOfTheYearBeforeIsAllowed() {
        // 2007's 元旦 notice had 30 December 2006 (a Saturday) worked
        HolidayYear y = HolidayFiles.parse("cn-2007.json",
                file(2007, "\"2007-01-01\",\"2007-01-02\",\"2007-01-03\"", "\"2006-12-30\"").getBytes(StandardCharsets.UTF_8));

        assertThat(y.makeUpWorkingDays()).containsExactly(LocalDate.parse("2006-12-30"));
    }
}
