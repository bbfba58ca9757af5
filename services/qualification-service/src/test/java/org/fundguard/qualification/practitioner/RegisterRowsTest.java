package org.fundguard.qualification.practitioner;

import org.fundguard.kit.problem.DomainException;
import org.fundguard.qualification.practitioner.register.RegisterEntry;
import org.fundguard.qualification.practitioner.register.RegisterFiles;
import org.fundguard.qualification.practitioner.register.RegisterRow;
import org.fundguard.qualification.practitioner.register.RegisterRows;
import org.fundguard.qualification.practitioner.register.RowError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The code formats of §11.3 and the check of one register row, without Quarkus. */
class RegisterRowsTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "DOCTOR, D341102000123, true",
            "DOCTOR, D34110200012, false",
            "DOCTOR, D3411020001234, false",
            "DOCTOR, d341102000123, false",
            "DOCTOR, HY341102000001, false",
            "PHARMACIST, HY341102000001, true",
            "PHARMACIST, HJ341102000001, true",
            "TECHNICIAN, HJ341102000001, true",
            "TECHNICIAN, HX341102000001, false",
            "TECHNICIAN, HJ34110200000, false",
            "PHARMACIST, D341102000123, false",
            "NURSE, N-341102_01, true",
            "FEE_REVIEWER, F341102000001, true",
            "PHARMACY_PRINCIPAL, D340602000900, true",
            "NURSE, 123456789012345678901234567890, true",
            "NURSE, 1234567890123456789012345678901, false",
            "NURSE, N 1, false",
    })
    void codeFitsTheType(PersonType type, String code, boolean ok) {
        assertThat(PractitionerCodes.codeProblem(type, code) == null).isEqualTo(ok);
    }

    @Test
    void aGoodRowBecomesAnEntryTrimmedAndTyped() {
        List<RowError> errors = new ArrayList<>();
        RegisterEntry e = RegisterRows.check(row(2, Map.of()), errors);
        assertThat(errors).isEmpty();
        assertThat(e).isEqualTo(new RegisterEntry(2, "D341102000123", PersonType.DOCTOR, "王建国", "H34110200001",
                "滁州市第一人民医院", "341102", LocalDate.of(2018, 7, 1), null));
    }

    @Test
    void anUnknownTypeListsTheAllowedValues() {
        List<RowError> errors = new ArrayList<>();
        assertThat(RegisterRows.check(row(3, Map.of("prac_psn_type", "SURGEON")), errors)).isNull();
        assertThat(errors).singleElement().satisfies(err -> {
            assertThat(err.row()).isEqualTo(3);
            assertThat(err.field()).isEqualTo("prac_psn_type");
            assertThat(err.reason()).contains("DOCTOR, NURSE, PHARMACIST, TECHNICIAN, FEE_REVIEWER, PHARMACY_PRINCIPAL");
        });
    }

    @Test
    void everyBadFieldOfARowIsNamed() {
        List<RowError> errors = new ArrayList<>();
        RegisterEntry e = RegisterRows.check(row(4, Map.of("prac_psn_code", "X1", "psn_name", "王\u0000建国",
                "fixmedins_code", "H 1", "admdvs", "34110", "begndate", "2024-02-30", "enddate", "01/02/2024")), errors);
        assertThat(e).isNull();
        assertThat(errors).extracting(RowError::field).containsExactly("prac_psn_code", "psn_name", "fixmedins_code",
                "admdvs", "begndate", "enddate");
        assertThat(errors).extracting(RowError::reason).contains("is not a calendar date", "must be a date yyyy-MM-dd",
                "must not contain control characters");
    }

    @Test
    void anEndBeforeTheBeginningIsRefused() {
        List<RowError> errors = new ArrayList<>();
        RegisterRows.check(row(5, Map.of("enddate", "2018-06-30")), errors);
        assertThat(errors).extracting(RowError::field).containsExactly("enddate");
    }

    @Test
    void aLaterRowOfTheSameCodeMustAgreeOnTypeAndNameAndNotRepeatTheInstitution() {
        var checked = RegisterRows.checkAll(List.of(
                row(2, Map.of()),
                row(3, Map.of("fixmedins_code", "H34110300002", "admdvs", "341103")),
                row(4, Map.of("fixmedins_code", "H34110300003", "psn_name", "王建")),
                row(5, Map.of())));
        assertThat(checked.good()).extracting(RegisterEntry::row).containsExactly(2, 3);
        assertThat(checked.errors()).extracting(err -> err.row() + ":" + err.field())
                .containsExactly("4:psn_name", "5:fixmedins_code");
    }

    @Test
    void csvWithQuotesBomAndCrlfIsRead() {
        String csv = "\uFEFFprac_psn_code,prac_psn_type,psn_name,fixmedins_code,fixmedins_name,admdvs\r\n"
                + "D341102000123,DOCTOR,王建国,H34110200001,\"滁州市第一人民医院, 本部\",341102\r\n\r\n"
                + "D341102000456,DOCTOR,\"李\"\"秀英\",H34110200001,,341102";
        List<RegisterRow> rows = RegisterFiles.csv(csv.getBytes(StandardCharsets.UTF_8), 10);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).row()).isEqualTo(2);
        assertThat(rows.get(0).get("fixmedins_name")).isEqualTo("滁州市第一人民医院, 本部");
        assertThat(rows.get(1).row()).isEqualTo(4);
        assertThat(rows.get(1).get("psn_name")).isEqualTo("李\"秀英");
        assertThat(rows.get(1).get("fixmedins_name")).isNull();
    }

    @Test
    void aMissingColumnIsNamed() {
        String csv = "prac_psn_code,psn_name,fixmedins_code\nD341102000123,王建国,H34110200001\n";
        assertThatThrownBy(() -> RegisterFiles.csv(csv.getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("prac_psn_type", "admdvs"));
    }

    @Test
    void aFileThatIsNotUtf8OrTooLongIsRefusedAsTheFile() {
        assertThatThrownBy(() -> RegisterFiles.csv(new byte[]{(byte) 0xC3, (byte) 0x28}, 10))
                .isInstanceOfSatisfying(DomainException.InvalidField.class, e -> assertThat(e.getMessage()).startsWith("file:"));
        String csv = "prac_psn_code,prac_psn_type,psn_name,fixmedins_code,admdvs\na,b,c,d,e\na,b,c,d,e\n";
        assertThatThrownBy(() -> RegisterFiles.csv(csv.getBytes(StandardCharsets.UTF_8), 1))
                .isInstanceOfSatisfying(DomainException.InvalidField.class, e -> assertThat(e.getMessage()).contains("at most 1 rows"));
    }

    private static RegisterRow row(int n, Map<String, String> overrides) {
        Map<String, String> v = new HashMap<>(Map.of("prac_psn_code", "D341102000123", "prac_psn_type", "DOCTOR",
                "psn_name", " 王建国 ", "fixmedins_code", "H34110200001", "fixmedins_name", "滁州市第一人民医院",
                "admdvs", "341102", "begndate", "2018-07-01"));
        v.putAll(overrides);
        return new RegisterRow(n, v);
    }
}
