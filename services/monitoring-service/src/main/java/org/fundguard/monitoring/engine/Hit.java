package org.fundguard.monitoring.engine;

import java.math.BigDecimal;
import java.util.List;
import org.fundguard.monitoring.knowledge.ResultType;
import org.fundguard.monitoring.knowledge.RuleClass;

/**
 * One rule hit on a visit: which rule class and knowledge point, how sure (明确违规 / 可疑, sev_deg), which fee lines,
 * how much money is at issue, and why in plain Chinese.
 *
 * @param ruleClass         the rule class; {@link #ruleCode()} is its catalogue code
 * @param knowledgePointId  the knowledge point applied
 * @param knowledgePointVersion its version
 * @param resultType        definite violation or suspect
 * @param sevDeg            1 明确违规, 2 高度可疑, 3 轻度可疑
 * @param mdtrtId           the visit screened
 * @param psnNo             the patient
 * @param feedetlSns        the fee lines involved (violating lines first); empty for a hit on the visit as a whole
 * @param amount            amount at issue, yuan, 2 decimals
 * @param reason            human-readable reason naming the knowledge point (vola_cont)
 * @param relatedMdtrtIds   other visits the hit depends on (previous stay, earlier use of a traceability code …)
 * @param evidence          the knowledge point's policy basis (vola_evid), may be null
 */
public record Hit(
        RuleClass ruleClass,
        String knowledgePointId,
        int knowledgePointVersion,
        ResultType resultType,
        int sevDeg,
        String mdtrtId,
        String psnNo,
        List<String> feedetlSns,
        BigDecimal amount,
        String reason,
        List<String> relatedMdtrtIds,
        String evidence) {

    public Hit {
        feedetlSns = feedetlSns == null ? List.of() : List.copyOf(feedetlSns);
        relatedMdtrtIds = relatedMdtrtIds == null ? List.of() : List.copyOf(relatedMdtrtIds);
    }

    /** The rule class's catalogue code, e.g. GZ10000301004000. */
    public String ruleCode() {
        return ruleClass.code();
    }

    public boolean definite() {
        return resultType == ResultType.DEFINITE;
    }
}
