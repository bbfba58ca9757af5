package org.fundguard.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @ParameterizedTest
    @CsvSource({
        "12.30, 12.30",
        "-40.00, -40.00",
        "+1, 1",
        ".5, 0.5",
        "5., 5",
        "0.30, 0.30",
        "1.2300, 1.23",
        "99999999999999.99, 99999999999999.99",
        "00000000000000000001.50, 1.50"})
    void parsesAmountsExactlyKeepingTheirScale(String text, String expected) throws Values.BadValue {
        BigDecimal value = Values.decimal(text, 16, 2);

        assertThat(value).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void parsesPricesAndQuantitiesToTheirOwnScale() throws Values.BadValue {
        assertThat(Values.decimal("0.150000", 16, 6)).isEqualTo(new BigDecimal("0.150000"));
        assertThat(Values.decimal("-2.0000", 16, 4)).isEqualTo(new BigDecimal("-2.0000"));
        assertThat(Values.decimal("3.5", 4, 2)).isEqualTo(new BigDecimal("3.5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "abc", "12.3.4", "1,234.50", "1e5", " 1", "1 ", "0x10", "12.345", "--1"})
    void rejectsWhatIsNotAPlainDecimalWithinTheScale(String text) {
        assertThatThrownBy(() -> Values.decimal(text, 16, 2)).isInstanceOf(Values.BadValue.class);
    }

    @Test
    void rejectsMoreIntegerDigitsThanThePrecisionAllows() {
        assertThatThrownBy(() -> Values.decimal("123456789012345.00", 16, 2))
                .isInstanceOf(Values.BadValue.class).hasMessageContaining("14 integer digits");
        assertThatThrownBy(() -> Values.decimal("100", 4, 2)).isInstanceOf(Values.BadValue.class);
    }

    @Test
    void parsesDatesAndDatabaseStyleMidnightTimestamps() throws Values.BadValue {
        assertThat(Values.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Values.date("1950-03-15 00:00:00")).isEqualTo(LocalDate.of(1950, 3, 15));
        assertThat(Values.date("1950-03-15 00:00:00.0")).isEqualTo(LocalDate.of(1950, 3, 15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2024-13-01", "2024-3-1", "2024/03/01", "20240301", "1950-03-15 08:00:00",
        "2024-02-30"})
    void rejectsImpossibleOrMisshapenDates(String text) {
        assertThatThrownBy(() -> Values.date(text)).isInstanceOf(Values.BadValue.class);
    }

    @Test
    void parsesDateTimesWithSpaceOrTAndFractionalSeconds() throws Values.BadValue {
        assertThat(Values.dateTime("2024-03-01 09:05:07")).isEqualTo(LocalDateTime.of(2024, 3, 1, 9, 5, 7));
        assertThat(Values.dateTime("2024-03-01T09:05:07")).isEqualTo(LocalDateTime.of(2024, 3, 1, 9, 5, 7));
        assertThat(Values.dateTime("2024-03-01 09:05:07.120"))
                .isEqualTo(LocalDateTime.of(2024, 3, 1, 9, 5, 7, 120_000_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-01", "2024-03-01 24:00:00", "2024-03-01 09:60:00", "2024-03-01 09:00",
        "2024-02-30 10:00:00", "2024-03-01 09:00:00.", "2024-03-01 09:00:00Z", "2024-03-01_09:00:00"})
    void rejectsImpossibleOrMisshapenDateTimes(String text) {
        assertThatThrownBy(() -> Values.dateTime(text)).isInstanceOf(Values.BadValue.class);
    }

    @Test
    void padsSingleDigitCodesThatWarehousesStoreAsIntegers() {
        assertThat(Values.twoDigitCode("3")).isEqualTo("03");
        assertThat(Values.twoDigitCode("03")).isEqualTo("03");
        assertThat(Values.twoDigitCode("A")).isEqualTo("A");
    }
}
