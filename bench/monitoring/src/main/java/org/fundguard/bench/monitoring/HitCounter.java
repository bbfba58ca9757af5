package org.fundguard.bench.monitoring;

import org.fundguard.monitoring.engine.Hit;
import org.fundguard.monitoring.engine.HitSink;

/** Counts hits: FundGuard's {@link HitSink}, and the Drools rules' global ({@code counter.hit()} in a consequence). */
public final class HitCounter implements HitSink {

    private long hits;

    @Override
    public void accept(Hit hit) {
        hits++;
    }

    /** Called by a DRL consequence. */
    public void hit() {
        hits++;
    }

    public long hits() {
        return hits;
    }

    public void reset() {
        hits = 0;
    }
}
