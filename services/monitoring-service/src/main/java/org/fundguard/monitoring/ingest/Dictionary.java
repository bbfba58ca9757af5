package org.fundguard.monitoring.ingest;

import java.util.Set;

/**
 * The closed national dictionaries (值域, data-formats §10) whose values ingest checks; an unknown value rejects the
 * row. Open or provincial dictionaries ({@code med_type}, {@code insutype}, {@code hosp_lv}, {@code psn_type} …, [VAR])
 * are deliberately not checked here: they are kept as strings for the rules.
 */
enum Dictionary {

    /** 性别 (GB/T 2261.1). */
    GEND("性别 gend", false, "0", "1", "2", "9"),
    /** 有效标志: 1 valid, 0 invalidated (data-formats §7, §13.3). */
    VALI_FLAG("有效标志 vali_flag", false, "0", "1"),
    /** 0/1 flags: 退费结算标志, 中途结算标志, 出院带药标志, 主诊断标志. */
    FLAG("0/1 标志", false, "0", "1"),
    /** 医院审批标志: 0 无须审批, 1 审批通过, 2 审批不通过. */
    HOSP_APPR_FLAG("医院审批标志 hosp_appr_flag", false, "0", "1", "2"),
    /** 急诊标志 (exp_content.er_flag): 0 非急诊, 1 急诊, 2 术前门诊检查, 3 择期手术项目. */
    ER_FLAG("急诊标志 er_flag", false, "0", "1", "2", "3"),
    /** 目录类别, with the provincial 105/106/501 seen in one source ([C1, VAR]). */
    LIST_TYPE("目录类别 list_type", false, "101", "102", "103", "104", "105", "106", "201", "301", "501"),
    /** 医疗收费项目类别 01–14; a warehouse integer {@code 9} is read as {@code 09}. */
    MED_CHRGITM_TYPE("医疗收费项目类别 med_chrgitm_type", true,
            "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14");

    private final String title;
    private final boolean twoDigit;
    private final Set<String> codes;
    private final String[] ordered;

    Dictionary(String title, boolean twoDigit, String... codes) {
        this.title = title;
        this.twoDigit = twoDigit;
        this.codes = Set.of(codes);
        this.ordered = codes;
    }

    String title() {
        return title;
    }

    /** The code in its canonical form, or null when it is not in the dictionary. */
    String normalise(String value) {
        String v = twoDigit ? Values.twoDigitCode(value) : value;
        return codes.contains(v) ? v : null;
    }

    String describe() {
        return String.join("/", ordered);
    }
}
