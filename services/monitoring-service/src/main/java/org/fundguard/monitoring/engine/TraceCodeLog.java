package org.fundguard.monitoring.engine;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Visit;

/**
 * The traceability-code rule in one pass of batch screening. Whether a use of a code is a repeat depends on uses anywhere
 * in the data, before or after it in the input, so while the pass runs every paid line carrying a code is kept here in a
 * compact form (its visit and the few fields a hit names) and no trace-code hit is decided. Once the pass has seen every
 * use, {@link #candidates()} are the lines sharing a code with another line, and {@link RuleEngine} decides their hits
 * against this log as a complete {@link TraceCodeIndex}: the same hits as with an index built in a first pass, without
 * reading the input twice.
 *
 * <p>Memory: one small object per coded line and one map entry per distinct code; a code used more than once (rare)
 * keeps all its uses.
 */
final class TraceCodeLog implements TraceCodeIndex {

    /** One paid line carrying traceability codes, as the rule needs it once the pass is over. */
    static final class Use {
        final Visit visit;
        final String mdtrtId;
        final String feedetlSn;
        final LocalDateTime time;
        final BigDecimal amount;
        final List<String> codes;
        final String listType;
        final String hilistCode;
        final String hilistName;
        boolean candidate;

        Use(Visit visit, FeeLine line, String feedetlSn, LocalDateTime time, BigDecimal amount) {
            this.visit = visit;
            this.mdtrtId = visit.mdtrtId() == null ? "" : visit.mdtrtId();
            this.feedetlSn = feedetlSn;
            this.time = time;
            this.amount = amount;
            this.codes = line.drugTracCodg();
            this.listType = line.listType();
            this.hilistCode = line.hilistCode();
            this.hilistName = line.hilistName();
        }

        /** Order of uses: fee time, then visit, then line (as {@link TraceUse#compareOrder}). */
        int compareOrder(Use o) {
            int c = time.compareTo(o.time);
            if (c != 0) {
                return c;
            }
            c = mdtrtId.compareTo(o.mdtrtId);
            return c != 0 ? c : feedetlSn.compareTo(o.feedetlSn);
        }

        TraceUse asTraceUse(String code) {
            return new TraceUse(code, mdtrtId, feedetlSn, visit.psnNo(), visit.fixmedinsCode(), time);
        }
    }

    /** A code seen on more than one line: its earliest use and all of them. */
    private static final class Repeated {
        Use first;
        final List<Use> uses = new ArrayList<>(2);
    }

    /** Per code: the {@link Use} when seen once, a {@link Repeated} when more often. */
    private final Map<String, Object> codes = new HashMap<>();
    private final List<Use> candidates = new ArrayList<>();

    /** Keeps a paid line of the visit that carries codes; {@code time} is its fee time (or the visit's begin). */
    void record(Visit visit, FeeLine line, String feedetlSn, LocalDateTime time, BigDecimal amount) {
        Use use = new Use(visit, line, feedetlSn, time, amount);
        List<String> lineCodes = use.codes;
        for (int k = 0, n = lineCodes.size(); k < n; k++) {
            String code = lineCodes.get(k);
            Object seen = codes.putIfAbsent(code, use);
            if (seen == null) {
                continue;
            }
            Repeated r;
            if (seen instanceof Repeated rep) {
                r = rep;
            } else {
                Use once = (Use) seen;
                r = new Repeated();
                r.first = once;
                r.uses.add(once);
                codes.put(code, r);
                mark(once);
            }
            r.uses.add(use);
            if (use.compareOrder(r.first) < 0) {
                r.first = use;
            }
            mark(use);
        }
    }

    private void mark(Use use) {
        if (!use.candidate) {
            use.candidate = true;
            candidates.add(use);
        }
    }

    /** The lines that share a code with another line, in the order the pass met them. */
    List<Use> candidates() {
        return candidates;
    }

    @Override
    public TraceUse firstUse(String drugTracCodg) {
        Object seen = codes.get(drugTracCodg);
        if (seen == null) {
            return null;
        }
        Use first = seen instanceof Repeated r ? r.first : (Use) seen;
        return first.asTraceUse(drugTracCodg);
    }

    @Override
    public int useCount(String drugTracCodg) {
        Object seen = codes.get(drugTracCodg);
        return seen == null ? 0 : seen instanceof Repeated r ? r.uses.size() : 1;
    }

    /** Distinct codes seen. */
    int size() {
        return codes.size();
    }
}
