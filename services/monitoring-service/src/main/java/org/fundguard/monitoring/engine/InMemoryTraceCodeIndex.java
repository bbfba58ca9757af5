package org.fundguard.monitoring.engine;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Visit;

/**
 * Traceability-code index in memory: per code, the earliest settled use and the number of uses. Fully refunded lines
 * are not uses. One entry per distinct code, so tens of millions of boxes fit in a few GB.
 */
public final class InMemoryTraceCodeIndex implements TraceCodeIndex {

    private static final class Entry {
        TraceUse first;
        int count;
    }

    private final Map<String, Entry> codes = new HashMap<>();

    /** Adds the traceability codes of the claim's paid lines. */
    public void record(Claim claim) {
        Visit v = claim.visit();
        List<FeeLine> lines = claim.feeLines();
        NetLines net = null;
        boolean netted = false;
        for (int i = 0; i < lines.size(); i++) {
            FeeLine l = lines.get(i);
            if (l.drugTracCodg().isEmpty()) {
                continue;
            }
            if (!netted) {
                net = NetLines.of(lines);
                netted = true;
            }
            if (!NetLines.live(net, l, i)) {
                continue;
            }
            LocalDateTime t = l.feeOcurTime() != null ? l.feeOcurTime() : v.begntime();
            if (t == null || l.feedetlSn() == null || v.mdtrtId() == null) {
                continue;
            }
            for (String code : l.drugTracCodg()) {
                Entry e = codes.computeIfAbsent(code, k -> new Entry());
                e.count++;
                if (e.first == null || e.first.compareOrder(t, v.mdtrtId(), l.feedetlSn()) > 0) {
                    e.first = new TraceUse(code, v.mdtrtId(), l.feedetlSn(), v.psnNo(), v.fixmedinsCode(), t);
                }
            }
        }
    }

    @Override
    public TraceUse firstUse(String drugTracCodg) {
        Entry e = codes.get(drugTracCodg);
        return e == null ? null : e.first;
    }

    @Override
    public int useCount(String drugTracCodg) {
        Entry e = codes.get(drugTracCodg);
        return e == null ? 0 : e.count;
    }

    public int size() {
        return codes.size();
    }
}
