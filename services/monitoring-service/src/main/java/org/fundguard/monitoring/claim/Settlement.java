package org.fundguard.monitoring.claim;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A settlement (结算, 2207/2304 {@code setlinfo} or a {@code setl_d} row) of a visit, keyed by {@code setl_id}.
 *
 * @param setlId          结算ID
 * @param mdtrtId         就诊ID
 * @param psnNo           人员编号
 * @param setlTime        结算时间
 * @param insutype        险种类型
 * @param medType         医疗类别
 * @param medfeeSumamt    医疗费总额
 * @param fulamtOwnpayAmt 全自费金额
 * @param inscpScpAmt     符合政策范围金额 (warehouse: inscp_amt)
 * @param hifpPay         基本医疗保险统筹基金支出
 * @param fundPaySumamt   基金支付总额
 * @param acctPay         个人账户支出
 * @param psnCashPay      个人现金支出 (warehouse: cash_payamt)
 * @param refdSetlFlag    退费结算标志: "0" 正常, "1" 退费 (negative amounts)
 * @param midSetlFlag     中途结算标志
 */
public record Settlement(
        @JsonProperty("setl_id") String setlId,
        @JsonProperty("mdtrt_id") String mdtrtId,
        @JsonProperty("psn_no") String psnNo,
        @JsonProperty("setl_time") LocalDateTime setlTime,
        @JsonProperty("insutype") String insutype,
        @JsonProperty("med_type") String medType,
        @JsonProperty("medfee_sumamt") BigDecimal medfeeSumamt,
        @JsonProperty("fulamt_ownpay_amt") BigDecimal fulamtOwnpayAmt,
        @JsonProperty("inscp_scp_amt") @JsonAlias("inscp_amt") BigDecimal inscpScpAmt,
        @JsonProperty("hifp_pay") BigDecimal hifpPay,
        @JsonProperty("fund_pay_sumamt") BigDecimal fundPaySumamt,
        @JsonProperty("acct_pay") BigDecimal acctPay,
        @JsonProperty("psn_cash_pay") @JsonAlias("cash_payamt") BigDecimal psnCashPay,
        @JsonProperty("refd_setl_flag") String refdSetlFlag,
        @JsonProperty("mid_setl_flag") String midSetlFlag) {

    /** True for a refund settlement (退费结算). */
    @JsonIgnore
    public boolean isRefund() {
        return "1".equals(refdSetlFlag);
    }
}
