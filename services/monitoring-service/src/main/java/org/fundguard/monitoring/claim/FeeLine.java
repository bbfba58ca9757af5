package org.fundguard.monitoring.claim;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One fee line (费用明细) of a visit, keyed by {@code feedetl_sn} within its {@code mdtrt_id}.
 *
 * <p>A refund (退费) is a line with a negative {@code cnt} (2301: "退单时数量填写负数"), or a negative amount, or a line of
 * a refund settlement ({@code refd_setl_flag} = 1); {@code init_feedetl_sn} names the line it refunds when known.
 *
 * @param feedetlSn         费用明细流水号 (warehouse: bkkp_sn)
 * @param mdtrtId           就诊ID
 * @param psnNo             人员编号
 * @param setlId            结算ID; null while not yet settled
 * @param feeOcurTime       费用发生时间
 * @param hilistCode        医保目录编码 (national code of the drug / service item / consumable; interface: med_list_codg)
 * @param hilistName        医保目录名称
 * @param listType          目录类别: 101 西药中成药, 102 中药饮片, 103 自制剂, 104 民族药, 201 医疗服务项目, 301 医用耗材
 * @param medChrgitmType    医疗收费项目类别 01–14
 * @param cnt               数量 (N16,4; negative for a refund)
 * @param pric              单价 (N16,6)
 * @param detItemFeeSumamt  明细项目费用总额 (N16,2)
 * @param prdDays           周期天数 (days of medication supplied), may be null
 * @param bilgDrCodg        开单医生编码 (national 医保医师代码 D + 12 digits, or a local code; warehouse: bilg_dr_code)
 * @param bilgDeptCodg      开单科室编码
 * @param drugTracCodg      药品追溯码 of the boxes dispensed on this line (3505 drugtracinfo[] / 2207 drug_trac_info[])
 * @param initFeedetlSn     原费用流水号: for a refund line, the line it refunds
 * @param refdSetlFlag      退费结算标志: "1" when the line belongs to a refund settlement
 * @param dscgTkdrugFlag    出院带药标志 "0"/"1"
 * @param hospApprFlag      医院审批标志: 0 无须审批, 1 审批通过, 2 审批不通过
 * @param erFlag            急诊标志 from exp_content: 0 非急诊, 1 急诊, 2 术前门诊检查, 3 择期手术项目
 */
public record FeeLine(
        @JsonProperty("feedetl_sn") @JsonAlias("bkkp_sn") String feedetlSn,
        @JsonProperty("mdtrt_id") String mdtrtId,
        @JsonProperty("psn_no") String psnNo,
        @JsonProperty("setl_id") String setlId,
        @JsonProperty("fee_ocur_time") LocalDateTime feeOcurTime,
        @JsonProperty("hilist_code") @JsonAlias("med_list_codg") String hilistCode,
        @JsonProperty("hilist_name") String hilistName,
        @JsonProperty("list_type") String listType,
        @JsonProperty("med_chrgitm_type") String medChrgitmType,
        @JsonProperty("cnt") BigDecimal cnt,
        @JsonProperty("pric") BigDecimal pric,
        @JsonProperty("det_item_fee_sumamt") BigDecimal detItemFeeSumamt,
        @JsonProperty("prd_days") BigDecimal prdDays,
        @JsonProperty("bilg_dr_codg") @JsonAlias("bilg_dr_code") String bilgDrCodg,
        @JsonProperty("bilg_dept_codg") String bilgDeptCodg,
        @JsonProperty("drug_trac_codg")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> drugTracCodg,
        @JsonProperty("init_feedetl_sn") String initFeedetlSn,
        @JsonProperty("refd_setl_flag") String refdSetlFlag,
        @JsonProperty("dscg_tkdrug_flag") String dscgTkdrugFlag,
        @JsonProperty("hosp_appr_flag") String hospApprFlag,
        @JsonProperty("er_flag") String erFlag) {

    public FeeLine {
        drugTracCodg = drugTracCodg == null ? List.of() : List.copyOf(drugTracCodg);
    }

    /** True for a refund line: negative quantity or amount, or part of a refund settlement. It never hits a rule. */
    @JsonIgnore
    public boolean isRefund() {
        return (cnt != null && cnt.signum() < 0)
                || (detItemFeeSumamt != null && detItemFeeSumamt.signum() < 0)
                || "1".equals(refdSetlFlag);
    }

    /** True when the fee line is flagged as an emergency (急诊) in exp_content.er_flag. */
    @JsonIgnore
    public boolean isEmergency() {
        return "1".equals(erFlag);
    }
}
