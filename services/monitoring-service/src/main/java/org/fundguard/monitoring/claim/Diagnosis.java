package org.fundguard.monitoring.claim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One diagnosis of a visit ({@code diseinfo[]}); {@code diag_code} is the 医保版 ICD-10 code (e.g. {@code E11.900}).
 *
 * @param diagCode     诊断代码 (医保版 ICD-10; may be a local or malformed code in real data)
 * @param diagName     诊断名称
 * @param maindiagFlag 主诊断标志, "1" main diagnosis, "0" other
 * @param diagType     诊断类别 (西医/中医主病/中医主证 …), national dictionary code, may be null
 */
public record Diagnosis(
        @JsonProperty("diag_code") String diagCode,
        @JsonProperty("diag_name") String diagName,
        @JsonProperty("maindiag_flag") String maindiagFlag,
        @JsonProperty("diag_type") String diagType) {

    public static Diagnosis main(String diagCode) {
        return new Diagnosis(diagCode, null, "1", null);
    }

    public static Diagnosis other(String diagCode) {
        return new Diagnosis(diagCode, null, "0", null);
    }

    @JsonIgnore
    public boolean isMain() {
        return "1".equals(maindiagFlag);
    }
}
