package org.fundguard.monitoring.generator;

import java.util.Set;
import java.util.TreeSet;
import org.fundguard.monitoring.engine.Hit;
import org.fundguard.monitoring.knowledge.RuleClass;

/**
 * One injected violation the screen must find: the rule class, the visit and the fee lines the hit names (empty for a
 * hit on the visit as a whole, such as 分解住院).
 *
 * @param ruleClass  the rule class injected
 * @param mdtrtId    the visit that must be hit
 * @param feedetlSns the fee lines the hit must name, in any order
 */
public record ExpectedHit(RuleClass ruleClass, String mdtrtId, Set<String> feedetlSns) {

    public ExpectedHit {
        feedetlSns = Set.copyOf(feedetlSns);
    }

    /** The same key for an actual hit, so expected and found hits compare as sets. */
    public static ExpectedHit of(Hit hit) {
        return new ExpectedHit(hit.ruleClass(), hit.mdtrtId(), Set.copyOf(hit.feedetlSns()));
    }

    /** A stable text form: rule code, mdtrt_id, sorted feedetl_sn list separated by '|'. */
    public String toCsvRow() {
        return ruleClass.code() + "," + mdtrtId + "," + String.join("|", new TreeSet<>(feedetlSns));
    }
}
