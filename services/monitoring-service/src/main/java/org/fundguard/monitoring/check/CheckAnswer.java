package org.fundguard.monitoring.check;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The national response envelope (data-formats §2) with {@code output.result[]} of a 3101/3102 check (§9.2). */
@Schema(name = "CheckAnswer", description = "3101/3102 response: the national envelope with output.result[] (data-formats §9.2).")
public record CheckAnswer(
        @JsonProperty("infcode") @Schema(description = "0 = success.") int infcode,
        @JsonProperty("inf_refmsgid") @Schema(description = "接收方报文ID: region (6) + yyyyMMddHHmmss + 10-digit serial.") String infRefmsgid,
        @JsonProperty("refmsg_time") @Schema(description = "yyyyMMddHHmmssSSS: when the request was received.") String refmsgTime,
        @JsonProperty("respond_time") @Schema(description = "yyyyMMddHHmmssSSS: when the answer was made.") String respondTime,
        @JsonProperty("err_msg") String errMsg,
        @JsonProperty("output") Output output) {

    /** {@code output}. */
    @Schema(name = "CheckOutput")
    public record Output(@JsonProperty("result") List<Violation> result) {
    }

    /** One violation (违规信息), {@code output.result[]}. */
    @Schema(name = "CheckViolation")
    public record Violation(
            @JsonProperty("jr_id") @Schema(description = "违规标识; the warn_rslt_id of a 3103 feedback.") String jrId,
            @JsonProperty("rule_id") @Schema(description = "Rule class code (GZ…, FG-…).", examples = "GZ10000301004000") String ruleId,
            @JsonProperty("rule_name") String ruleName,
            @JsonProperty("vola_cont") @Schema(description = "违规内容, naming the knowledge point.") String volaCont,
            @JsonProperty("patn_id") String patnId,
            @JsonProperty("mdtrt_id") String mdtrtId,
            @JsonProperty("judge_result_detail_dtos") List<Detail> judgeResultDetailDtos,
            @JsonProperty("vola_amt") BigDecimal volaAmt,
            @JsonProperty("vola_amt_stas") @Schema(description = "1 = amount computed by the rule.") String volaAmtStas,
            @JsonProperty("sev_deg") @Schema(description = "1 明确违规, 2 高度可疑, 3 轻度可疑.") String sevDeg,
            @JsonProperty("vola_evid") @Schema(description = "违规依据: the knowledge point's policy basis.") String volaEvid,
            @JsonProperty("vola_bhvr_type") @Schema(description = "1 政策限定类 (definite), 2 合理使用/管理类 (suspect).") String volaBhvrType,
            @JsonProperty("task_id") String taskId,
            @JsonProperty("kp_id") @Schema(description = "FundGuard: the knowledge point applied.") String kpId,
            @JsonProperty("kp_version") @Schema(description = "FundGuard: its version.") int kpVersion) {
    }

    /** {@code judge_result_detail_dtos[]}: the order lines involved. */
    @Schema(name = "CheckViolationDetail")
    public record Detail(
            @JsonProperty("jrd_id") String jrdId,
            @JsonProperty("patn_id") String patnId,
            @JsonProperty("mdtrt_id") String mdtrtId,
            @JsonProperty("rx_id") String rxId,
            @JsonProperty("vola_item_type") @Schema(description = "1 违规项, 2 涉及项.") String volaItemType,
            @JsonProperty("vola_amt") BigDecimal volaAmt) {
    }
}
