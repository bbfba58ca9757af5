package org.fundguard.report;

/** Why a report is not accepted (不予受理), as the domain reference lists them. */
public enum DeclineReason {
    /** 不属于医疗保障基金使用监督管理范围. */
    OUTSIDE_SCOPE,
    /** 无明确举报对象或者无具体违法违规事实. */
    NO_CLEAR_TARGET_OR_FACTS,
    /** 已经受理且正在办理. */
    ALREADY_ACCEPTED,
    /** 已经依法处理终结且无新线索. */
    ALREADY_CONCLUDED_NO_NEW_CLUE,
    /** 已经或者依法应当通过诉讼、仲裁、行政复议等途径解决. */
    LITIGATION_ARBITRATION_OR_REVIEW
}
