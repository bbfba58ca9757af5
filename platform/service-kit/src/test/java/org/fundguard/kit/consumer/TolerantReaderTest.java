package org.fundguard.kit.consumer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TolerantReaderTest {

    record Institution(@NotBlank String code, String name) {
    }

    record Suspended(@NotBlank String practitionerCode, @NotNull LocalDate from, LocalDate until, int yearPoints,
                     @NotNull @Valid Institution institution, List<String> notes) {
    }

    private static final String FULL = "{\"practitionerCode\":\"D341100000123\",\"from\":\"2026-12-01\",\"until\":\"2027-02-28\","
            + "\"yearPoints\":12,\"institution\":{\"code\":\"H34110000001\",\"name\":\"滁州市第一人民医院\"}}";

    @Test
    void readsAFullPayload() {
        Suspended s = TolerantReader.read(FULL, Suspended.class);

        assertThat(s.practitionerCode()).isEqualTo("D341100000123");
        assertThat(s.from()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(s.institution().code()).isEqualTo("H34110000001");
        assertThat(s.yearPoints()).isEqualTo(12);
    }

    @Test
    void ignoresFieldsAProducerAddedLater() {
        String extended = FULL.replace("{\"practitionerCode\"", "{\"reviewDeadline\":\"2027-01-15\",\"tags\":[1,{\"x\":2}],\"practitionerCode\"")
                .replace("\"name\":\"滁州市第一人民医院\"", "\"name\":\"滁州市第一人民医院\",\"level\":\"三级甲等\"");

        assertThat(TolerantReader.read(extended, Suspended.class)).isEqualTo(TolerantReader.read(FULL, Suspended.class));
    }

    @Test
    void optionalFieldsMayBeMissing() {
        Suspended s = TolerantReader.read(FULL.replace(",\"until\":\"2027-02-28\"", ""), Suspended.class);

        assertThat(s.until()).isNull();
        assertThat(s.notes()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "missing required field  | ,\"from\":\"2026-12-01\"                      |                                  | payload field 'from' must not be null",
            "blank required field    | \"D341100000123\"                             | \"  \"                           | payload field 'practitionerCode' must not be blank",
            "nested required field   | \"code\":\"H34110000001\",                    |                                  | payload field 'institution.code' must not be blank",
            "wrong format            | 2026-12-01                                    | 2026-02-30                       | payload field 'from' has the wrong type or format",
            "null for a primitive    | \"yearPoints\":12                             | \"yearPoints\":null              | payload field 'yearPoints' has the wrong type or format",
            "duplicate key           | {\"practitionerCode\"                         | {\"from\":\"2026-12-02\",\"practitionerCode\" | payload has a duplicate field 'from'",
    })
    void refusesNamingTheFieldButNotTheValue(String why, String replace, String with, String message) {
        String json = FULL.replace(replace, with == null ? "" : with);

        assertThatThrownBy(() -> TolerantReader.read(json, Suspended.class))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("D341100000123").doesNotContain("2026-02-30"));
    }

    @Test
    void refusesWhatIsNotOneJsonObject() {
        assertThatThrownBy(() -> TolerantReader.read("not json", Suspended.class)).hasMessage("payload is not JSON");
        assertThatThrownBy(() -> TolerantReader.read(FULL + "{}", Suspended.class)).isInstanceOf(PoisonMessageException.class);
        assertThatThrownBy(() -> TolerantReader.read("", Suspended.class)).hasMessage("payload is empty");
        assertThatThrownBy(() -> TolerantReader.read("null", Suspended.class)).hasMessage("payload is null");
        assertThatThrownBy(() -> TolerantReader.read("[1]", Suspended.class)).hasMessage("payload does not match Suspended");
    }
}
