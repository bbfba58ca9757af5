package org.fundguard.monitoring.claim;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A visit (就诊, 门诊/住院/购药) keyed by {@code mdtrt_id}, with the patient and institution attributes the rules need
 * (the snapshot a settlement or {@code mdtrt_d} row carries).
 *
 * @param mdtrtId        就诊ID
 * @param psnNo          人员编号 (opaque, never parsed)
 * @param gend           性别: 0 未知, 1 男, 2 女, 9 未说明
 * @param brdy           出生日期
 * @param insutype       险种类型 (310 职工基本医疗保险, 390 城乡居民, 510 生育保险 …)
 * @param medType        医疗类别 (11 普通门诊, 13 急诊, 21 普通住院, 24 急诊转住院, 41 定点药店购药 …; provincial
 *                       subcodes such as 140104 are kept as they are and matched by prefix)
 * @param fixmedinsCode  定点医药机构编号 (H/P + 6-digit 区划 + 5-digit 顺序码)
 * @param hospLv         医疗机构等级 as the province's dictionary codes it (varies by province; never interpreted here)
 * @param fixBlngAdmdvs  定点归属医保区划 (place of care); the region whose knowledge points apply
 * @param insuplcAdmdvs  参保地医保区划
 * @param begntime       开始时间 (admission / registration time)
 * @param endtime        结束时间 (discharge time); null while still in hospital or when not given
 * @param diagnoses      诊断信息 (医保版 ICD-10)
 */
public record Visit(
        @JsonProperty("mdtrt_id") String mdtrtId,
        @JsonProperty("psn_no") String psnNo,
        @JsonProperty("gend") String gend,
        @JsonProperty("brdy") LocalDate brdy,
        @JsonProperty("insutype") String insutype,
        @JsonProperty("med_type") String medType,
        @JsonProperty("fixmedins_code") String fixmedinsCode,
        @JsonProperty("hosp_lv") @JsonAlias("medins_lv") String hospLv,
        @JsonProperty("fix_blng_admdvs") @JsonAlias("mdtrtarea_admvs") String fixBlngAdmdvs,
        @JsonProperty("insuplc_admdvs") @JsonAlias("insu_admdvs") String insuplcAdmdvs,
        @JsonProperty("begntime") LocalDateTime begntime,
        @JsonProperty("endtime") LocalDateTime endtime,
        @JsonProperty("diseinfo") List<Diagnosis> diagnoses) {

    public Visit {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    }

    /**
     * The region (6-digit 医保区划) whose knowledge points apply to this visit: {@code fix_blng_admdvs}, else the
     * 6-digit 区划 inside a well-formed {@code fixmedins_code}, else {@code insuplc_admdvs}; null when none is known.
     */
    @JsonIgnore
    public String regionAdmdvs() {
        if (fixBlngAdmdvs != null && !fixBlngAdmdvs.isEmpty()) {
            return fixBlngAdmdvs;
        }
        if (fixmedinsCode != null && fixmedinsCode.length() == 12) {
            boolean digits = true;
            for (int i = 1; i < 7; i++) {
                char c = fixmedinsCode.charAt(i);
                digits &= c >= '0' && c <= '9';
            }
            if (digits) {
                return fixmedinsCode.substring(1, 7);
            }
        }
        return insuplcAdmdvs;
    }

    /** The main diagnosis code, else the first diagnosis code, else null. */
    @JsonIgnore
    public String mainDiagnosisCode() {
        for (Diagnosis d : diagnoses) {
            if (d.isMain()) {
                return d.diagCode();
            }
        }
        return diagnoses.isEmpty() ? null : diagnoses.get(0).diagCode();
    }
}
