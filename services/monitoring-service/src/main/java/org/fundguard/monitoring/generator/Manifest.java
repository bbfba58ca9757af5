package org.fundguard.monitoring.generator;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundguard.monitoring.knowledge.RuleClass;

/**
 * The expected hits of a generated dataset, in the order they were injected; small (one entry per injected violation),
 * so it is held in memory even for millions of lines.
 */
public final class Manifest {

    private final List<ExpectedHit> hits = new ArrayList<>();
    private final Set<String> injectedVisits = new HashSet<>();

    void add(ExpectedHit hit) {
        hits.add(hit);
        injectedVisits.add(hit.mdtrtId());
    }

    public List<ExpectedHit> hits() {
        return Collections.unmodifiableList(hits);
    }

    /** True when the visit carries at least one injected violation; every other visit is clean. */
    public boolean injected(String mdtrtId) {
        return injectedVisits.contains(mdtrtId);
    }

    /** Number of injected violations per rule class. */
    public Map<RuleClass, Integer> countByRuleClass() {
        Map<RuleClass, Integer> counts = new EnumMap<>(RuleClass.class);
        for (ExpectedHit h : hits) {
            counts.merge(h.ruleClass(), 1, Integer::sum);
        }
        return counts;
    }

    /** Writes {@code rule_code,mdtrt_id,feedetl_sns} rows with a header. */
    public void writeCsv(Writer out) throws IOException {
        out.write("rule_code,mdtrt_id,feedetl_sns\n");
        for (ExpectedHit h : hits) {
            out.write(h.toCsvRow());
            out.write('\n');
        }
    }
}
