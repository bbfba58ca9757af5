package org.fundguard.monitoring.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeImporterTest {

    private final KnowledgeImporter importer = new KnowledgeImporter();

    static Reader resource(String name) {
        return new InputStreamReader(Objects.requireNonNull(
                KnowledgeImporterTest.class.getResourceAsStream("/knowledge/" + name), name), StandardCharsets.UTF_8);
    }

    @Test
    void importsTheNationalSampleWithoutErrors() {
        ImportReport report = importer.importCsv(resource("national-sample.csv"), "national-sample.csv");

        assertThat(report.errors()).isEmpty();
        assertThat(report.rowsRead()).isEqualTo(17);
        assertThat(report.accepted()).hasSize(17);
        KnowledgePoint sex = report.accepted().get(0);
        assertThat(sex.ruleClass()).isEqualTo(RuleClass.DRUG_SEX);
        assertThat(sex.gend()).isEqualTo("2");
        assertThat(sex.codes()).containsExactly("XG03CAZ001A001010100001");
        assertThat(sex.evidence()).isEqualTo("国家医保药品目录（2024年）备注");
        KnowledgePoint level = report.accepted().get(2);
        assertThat(level.ruleClass()).isEqualTo(RuleClass.DRUG_INSTITUTION_LEVEL);
        assertThat(level.hospLvs()).containsExactlyInAnyOrder("01", "02", "03");
        KnowledgePoint readmission = report.accepted().stream()
                .filter(k -> k.ruleClass() == RuleClass.SPLIT_HOSPITALISATION).findFirst().orElseThrow();
        assertThat(readmission.windowDays()).isEqualTo(15);
        assertThat(readmission.exemptDiagnosisCodes()).containsExactly("Z51.0", "Z51.1");
        KnowledgePoint frequent = report.accepted().stream()
                .filter(k -> k.ruleClass() == RuleClass.FREQUENT_OUTPATIENT).findFirst().orElseThrow();
        assertThat(frequent.effectiveSevDeg()).isEqualTo(3);
    }

    @Test
    void aPairingRuleSaysWhetherItAppliesPerVisitOrPerDay() {
        ImportReport report = importer.importCsv(new StringReader(
                "rule_class,kp_id,version,eff_from,codes,paired_codes,applies_per,price_cap\n"
                        + "GZ10000102012000,KP-DAY,1,2025-01-01,001201000010000,001201000020000,DAY,\n"
                        + "GZ10000102012000,KP-VISIT,1,2025-01-01,001102000010000,001101000010000,,\n"
                        + "GZ10000102012000,KP-BAD,1,2025-01-01,001102000010000,001101000010000,WEEK,\n"
                        + "GZ10000102001000,KP-CAP,1,2025-01-01,001216000010100,,DAY,12.00\n"), "pairs.csv");

        assertThat(report.accepted()).extracting(KnowledgePoint::id, KnowledgePoint::appliesPer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("KP-DAY", AppliesPer.DAY),
                        org.assertj.core.groups.Tuple.tuple("KP-VISIT", AppliesPer.VISIT));
        assertThat(report.errors()).extracting(RowError::row, RowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "applies_per"), org.assertj.core.groups.Tuple.tuple(5, "applies_per"));
    }

    @Test
    void keepsGoodCsvRowsAndReportsEachBadRowWithFieldAndReason() {
        ImportReport report = importer.importCsv(resource("bad-rows.csv"), "bad-rows.csv");

        assertThat(report.accepted()).extracting(KnowledgePoint::id).containsExactly("KP-OK-1", "KP-OK-7");
        KnowledgePoint quoted = report.accepted().get(1);
        assertThat(quoted.name()).isEqualTo("限价, 含逗号");
        assertThat(quoted.codes()).containsExactly("001216000010100", "001216000010200");
        assertThat(quoted.scope().level()).isEqualTo(Scope.Level.CITY);
        assertThat(quoted.effectiveTo()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(quoted.priceCap()).isEqualByComparingTo(new BigDecimal("12.50"));

        assertThat(report.errors()).extracting(RowError::row, RowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "rule_class"),
                org.assertj.core.groups.Tuple.tuple(4, "eff_from"),
                org.assertj.core.groups.Tuple.tuple(5, "gend"),
                org.assertj.core.groups.Tuple.tuple(6, "age_max"),
                org.assertj.core.groups.Tuple.tuple(7, "codes"),
                org.assertj.core.groups.Tuple.tuple(9, "eff_to"),
                org.assertj.core.groups.Tuple.tuple(10, "scope"),
                org.assertj.core.groups.Tuple.tuple(11, "gend"),
                org.assertj.core.groups.Tuple.tuple(12, "paired_codes"),
                org.assertj.core.groups.Tuple.tuple(13, "price_cap"),
                org.assertj.core.groups.Tuple.tuple(14, "sev_deg"),
                org.assertj.core.groups.Tuple.tuple(15, "kp_id"),
                org.assertj.core.groups.Tuple.tuple(16, null),
                org.assertj.core.groups.Tuple.tuple(18, "version"));
        assertThat(report.rowsRead()).isEqualTo(16);
        assertThat(report.rowsRefused()).isEqualTo(14);
    }

    @Test
    void reasonsAreClearChinese() {
        ImportReport report = importer.importCsv(resource("bad-rows.csv"), "bad-rows.csv");

        assertThat(reason(report, 3)).contains("未知规则类别");
        assertThat(reason(report, 4)).contains("yyyy-MM-dd");
        assertThat(reason(report, 6)).contains("年龄上限小于下限");
        assertThat(reason(report, 7)).contains("须列出适用的国家医保编码");
        assertThat(reason(report, 10)).contains("县级区划");
        assertThat(reason(report, 11)).contains("不使用此参数");
        assertThat(reason(report, 14)).contains("严重程度只能为 1");
        assertThat(reason(report, 15)).contains("重复");
        assertThat(reason(report, 16)).contains("与表头的 14 列不符");
        assertThat(report.errors().get(0).toString())
                .isEqualTo("bad-rows.csv 第 3 行 字段 rule_class：未知规则类别：应为规则库中的规则编码（如 GZ10000301004000）或规则名称"
                        + "（值：GZ99999999999999）");
    }

    @Test
    void anUnknownCsvColumnRefusesTheWholeFile() {
        ImportReport report = importer.importCsv(resource("bad-header.csv"), "bad-header.csv");

        assertThat(report.accepted()).isEmpty();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(1);
            assertThat(e.field()).isEqualTo("paired_code");
            assertThat(e.reason()).contains("未知列");
        });
    }

    @Test
    void keepsGoodJsonRowsAndReportsBadOnes() {
        ImportReport report = importer.importJson(resource("bad-rows.json"), "bad-rows.json");

        assertThat(report.accepted()).extracting(KnowledgePoint::id).containsExactly("KP-J-1");
        assertThat(report.errors()).extracting(RowError::row, RowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "gender"),
                org.assertj.core.groups.Tuple.tuple(3, "freq_unit"),
                org.assertj.core.groups.Tuple.tuple(4, null),
                org.assertj.core.groups.Tuple.tuple(5, "max_count"));
        assertThat(report.rowsRead()).isEqualTo(5);
    }

    @Test
    void importsRegionalOverridesFromJsonWithArraysNumbersAndBooleans() {
        ImportReport report = importer.importJson(resource("anhui-overrides.json"), "anhui-overrides.json");

        assertThat(report.errors()).isEmpty();
        assertThat(report.accepted()).hasSize(4);
        assertThat(report.accepted().get(1).priceCap()).isEqualByComparingTo("18");
        assertThat(report.accepted().get(1).codes()).containsExactly("001216000010100");
        assertThat(report.accepted().get(2).windowDays()).isEqualTo(30);
        assertThat(report.accepted().get(3).enabled()).isFalse();
    }

    @Test
    void malformedJsonIsOneFileLevelError() {
        ImportReport report = importer.importJson(new StringReader("[{\"kp_id\": "), "broken.json");

        assertThat(report.accepted()).isEmpty();
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isZero();
            assertThat(e.reason()).startsWith("JSON 格式错误");
        });
    }

    @Test
    void readsFilesByExtensionWithBomAndCrlf(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("kp.csv");
        Files.writeString(csv, "\uFEFFrule_class,kp_id,version,eff_from,codes,gend\r\n"
                + "GZ10000301004000,KP-1,1,2025-01-01,X1,1\r\n", StandardCharsets.UTF_8);
        Path json = dir.resolve("kp.json");
        Files.writeString(json, "[{\"rule_class\":\"药品区分性别使用\",\"kp_id\":\"KP-2\",\"version\":1,"
                + "\"eff_from\":\"2025-01-01\",\"codes\":\"X1|X2\",\"gend\":2}]", StandardCharsets.UTF_8);

        ImportReport fromCsv = importer.importFile(csv);
        ImportReport fromJson = importer.importFile(json);

        assertThat(fromCsv.errors()).isEmpty();
        assertThat(fromCsv.accepted()).singleElement().extracting(KnowledgePoint::gend).isEqualTo("1");
        assertThat(fromJson.errors()).isEmpty();
        assertThat(fromJson.accepted()).singleElement().extracting(KnowledgePoint::codes)
                .isEqualTo(List.of("X1", "X2"));
    }

    @Test
    void aDisabledOverrideNeedsNoParameters() {
        String csv = "rule_class,kp_id,version,eff_from,scope,codes,enabled\n"
                + "GZ10000102001000,KP-PRICE-0001,9,2025-01-01,340600,001216000010100,否\n";

        ImportReport report = importer.importCsv(new StringReader(csv), "off.csv");

        assertThat(report.errors()).isEmpty();
        assertThat(report.accepted()).singleElement().extracting(KnowledgePoint::enabled).isEqualTo(false);
    }

    @Test
    void keepsTypedParametersOfRuleClassesWithoutAnEvaluatorYet() {
        String csv = "rule_class,kp_id,version,eff_from,codes,age_min,price_cap\n"
                + "老年人用药安全,KP-OLD-1,1,2025-01-01,X1,65,\n"
                + "GZ10000301009000,KP-OLD-2,1,2025-01-01,X1,,abc\n";

        ImportReport report = importer.importCsv(new StringReader(csv), "later.csv");

        assertThat(report.accepted()).singleElement().satisfies(k -> {
            assertThat(k.ruleClass()).isEqualTo(RuleClass.ELDERLY_DRUG_SAFETY);
            assertThat(k.ruleClass().kind()).isEqualTo(RuleKind.NOT_IMPLEMENTED);
            assertThat(k.ageMin()).isEqualTo(65);
        });
        assertThat(report.errors()).extracting(RowError::row, RowError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "price_cap"));
    }

    private static String reason(ImportReport report, int row) {
        return report.errors().stream().filter(e -> e.row() == row).findFirst().orElseThrow().reason();
    }
}
