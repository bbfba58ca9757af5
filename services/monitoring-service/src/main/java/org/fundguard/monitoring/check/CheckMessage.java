package org.fundguard.monitoring.check;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * A 3101/3102 request as hospital systems send it: the national message envelope (data-formats §2) around
 * {@code input.data} (§9.1). Field names are the national ones. Only the fields the rules read are required (see
 * {@link ClaimMapper}); the rest of the spec's fields are accepted and ignored.
 */
@Schema(name = "CheckMessage", description = "3101/3102 request: the national envelope (data-formats §2) with input.data (§9.1).")
public record CheckMessage(
        @JsonProperty("infno") @Schema(description = "交易编号: 3101 or 3102, as the path.", examples = "3101") String infno,
        @JsonProperty("msgid") @Schema(description = "发送方报文ID: institution code + yyyyMMddHHmmss + 4-digit serial.") String msgid,
        @JsonProperty("mdtrtarea_admvs") @Schema(description = "就医地医保区划; whose knowledge points apply.") String mdtrtareaAdmvs,
        @JsonProperty("insuplc_admdvs") @Schema(description = "参保地医保区划.") String insuplcAdmdvs,
        @JsonProperty("recer_sys_code") String recerSysCode,
        @JsonProperty("infver") String infver,
        @JsonProperty("opter_type") String opterType,
        @JsonProperty("opter") String opter,
        @JsonProperty("opter_name") String opterName,
        @JsonProperty("inf_time") String infTime,
        @JsonProperty("fixmedins_code") @Schema(description = "定点医药机构编号; must be the calling system's own institution.") String fixmedinsCode,
        @JsonProperty("fixmedins_name") String fixmedinsName,
        @JsonProperty("sign_no") String signNo,
        @JsonProperty("input") Input input) {

    /** {@code input}: the business payload. */
    @Schema(name = "CheckInput")
    public record Input(@JsonProperty("data") Data data) {
    }

    /** {@code input.data} (§9.1). */
    @Schema(name = "CheckData")
    public record Data(
            @JsonProperty("syscode") String syscode,
            @JsonProperty("task_id") String taskId,
            @JsonProperty("trig_scen") @Schema(description = "触发场景: 1–5 事前 (3101), 6–10 事中 (3102); comma-separated allowed.") String trigScen,
            @JsonProperty("rule_ids") @Schema(description = "规则标识: catalogue codes of the rule classes to run; empty = all.") List<String> ruleIds,
            @JsonProperty("patient_dtos") List<Patient> patientDtos) {
    }

    /** {@code patient_dtos[]}. */
    @Schema(name = "CheckPatient")
    public record Patient(
            @JsonProperty("patn_id") String patnId,
            @JsonProperty("patn_name") String patnName,
            @JsonProperty("gend") String gend,
            @JsonProperty("brdy") String brdy,
            @JsonProperty("poolarea") String poolarea,
            @JsonProperty("curr_mdtrt_id") String currMdtrtId,
            @JsonProperty("fsi_encounter_dtos") List<Encounter> fsiEncounterDtos) {
    }

    /** {@code fsi_encounter_dtos[]}: the current visit, and possibly earlier ones. */
    @Schema(name = "CheckEncounter")
    public record Encounter(
            @JsonProperty("mdtrt_id") String mdtrtId,
            @JsonProperty("medins_id") String medinsId,
            @JsonProperty("medins_name") String medinsName,
            @JsonProperty("medins_admdvs") String medinsAdmdvs,
            @JsonProperty("medins_type") String medinsType,
            @JsonProperty("medins_lv") String medinsLv,
            @JsonProperty("adm_date") String admDate,
            @JsonProperty("dscg_date") String dscgDate,
            @JsonProperty("dscg_main_dise_codg") String dscgMainDiseCodg,
            @JsonProperty("dscg_main_dise_name") String dscgMainDiseName,
            @JsonProperty("dr_codg") String drCodg,
            @JsonProperty("adm_dept_codg") String admDeptCodg,
            @JsonProperty("med_mdtrt_type") String medMdtrtType,
            @JsonProperty("med_type") String medType,
            @JsonProperty("insutype") String insutype,
            @JsonProperty("matn_stas") String matnStas,
            @JsonProperty("medfee_sumamt") BigDecimal medfeeSumamt,
            @JsonProperty("fsi_diagnose_dtos") List<Diagnose> fsiDiagnoseDtos,
            @JsonProperty("fsi_order_dtos") List<Order> fsiOrderDtos) {
    }

    /** {@code fsi_diagnose_dtos[]}. */
    @Schema(name = "CheckDiagnose")
    public record Diagnose(
            @JsonProperty("dise_id") String diseId,
            @JsonProperty("inout_dise_type") String inoutDiseType,
            @JsonProperty("maindise_flag") String maindiseFlag,
            @JsonProperty("dias_srt_no") Integer diasSrtNo,
            @JsonProperty("dise_codg") String diseCodg,
            @JsonProperty("dise_name") String diseName,
            @JsonProperty("dise_date") String diseDate) {
    }

    /** {@code fsi_order_dtos[]}: one prescription / order line. */
    @Schema(name = "CheckOrder")
    public record Order(
            @JsonProperty("rx_id") String rxId,
            @JsonProperty("rxno") String rxno,
            @JsonProperty("long_drord_flag") String longDrordFlag,
            @JsonProperty("hilist_type") String hilistType,
            @JsonProperty("chrg_type") String chrgType,
            @JsonProperty("drord_bhvr") String drordBhvr,
            @JsonProperty("hilist_code") String hilistCode,
            @JsonProperty("hilist_name") String hilistName,
            @JsonProperty("hosplist_code") String hosplistCode,
            @JsonProperty("cnt") BigDecimal cnt,
            @JsonProperty("pric") BigDecimal pric,
            @JsonProperty("sumamt") BigDecimal sumamt,
            @JsonProperty("drord_begn_date") String drordBegnDate,
            @JsonProperty("drord_dept_codg") String drordDeptCodg,
            @JsonProperty("drord_dr_codg") String drordDrCodg,
            @JsonProperty("curr_drord_flag") String currDrordFlag) {
    }
}
