package org.fundguard.monitoring.engine;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Supplier;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.Visit;

/**
 * Screens a whole dataset (事后监管), either held in memory in any order ({@link #screenAll}) or as a stream sorted by
 * psn_no then visit order ({@link #screenSorted}), keeping only the current patient's history. Both give the same hits:
 * every cross-visit rule looks only at visits before the one screened. The traceability-code rule compares across
 * patients and institutions: {@link #screenAll} indexes every use first; {@link #screenSorted} reads its input once,
 * keeps the coded lines in a {@link TraceCodeLog} and decides their hits after the last visit.
 */
public final class BatchScreener {

    /** Counts of one screening run. */
    public record Summary(long claims, long lines, long hits) {
    }

    /** Receives each hit with the visit it is on; a hit may come after later visits have been screened. */
    @FunctionalInterface
    public interface Sink {
        void accept(Visit visit, Hit hit);
    }

    private final RuleEngine engine;

    public BatchScreener(RuleEngine engine) {
        this.engine = engine;
    }

    /** Screens claims held in memory, in any order: history and traceability index are built over all of them first. */
    public Summary screenAll(Collection<Claim> claims, DeathRegistry deaths, QualificationReplica qualifications,
            Sink sink) {
        InMemoryPatientHistory history = engine.ruleSet().newHistory();
        InMemoryTraceCodeIndex traces = new InMemoryTraceCodeIndex();
        boolean needTraces = engine.ruleSet().needsTraceIndex();
        for (Claim c : claims) {
            history.record(c);
            if (needTraces) {
                traces.record(c);
            }
        }
        CrossClaimContext ctx = new CrossClaimContext(history, traces, deaths, qualifications);
        Counter counter = new Counter(sink);
        long lines = 0;
        for (Claim c : claims) {
            counter.visit = c.visit();
            engine.evaluate(c, ctx, counter);
            lines += c.feeLines().size();
        }
        return new Summary(claims.size(), lines, counter.hits);
    }

    /**
     * Screens a stream of claims grouped by psn_no and, within a patient, in visit order (begntime, then mdtrt_id);
     * memory holds one patient's history, and the coded lines while the traceability-code rule is on. The source is read
     * once ({@code source.get()} is called once); trace-code hits come after the last visit's other hits.
     *
     * @throws IllegalArgumentException when a patient's visits are out of order (a patient seen again after another
     *                                  patient is not detected: group the input by psn_no)
     */
    public Summary screenSorted(Supplier<? extends Iterator<Claim>> source, DeathRegistry deaths,
            QualificationReplica qualifications, Sink sink) {
        TraceCodeLog traces = engine.ruleSet().needsTraceIndex() ? new TraceCodeLog() : null;
        InMemoryPatientHistory history = engine.ruleSet().newHistory();
        CrossClaimContext ctx = new CrossClaimContext(history, traces, deaths, qualifications);
        Counter counter = new Counter(sink);
        String psn = null;
        LocalDateTime lastTime = null;
        String lastId = null;
        long claims = 0;
        long lines = 0;
        for (Iterator<Claim> it = source.get(); it.hasNext(); ) {
            Claim c = it.next();
            Visit v = c.visit();
            if (!Objects.equals(psn, v.psnNo())) {
                history.clear();
                psn = v.psnNo();
                lastTime = null;
                lastId = null;
            }
            if (v.begntime() != null && v.mdtrtId() != null) {
                if (lastTime != null && VisitRecord.compareOrder(v.begntime(), v.mdtrtId(), lastTime, lastId) < 0) {
                    throw new IllegalArgumentException("claims not sorted by psn_no and visit order: visit "
                            + v.mdtrtId() + " of " + v.psnNo() + " comes after " + lastId);
                }
                lastTime = v.begntime();
                lastId = v.mdtrtId();
            }
            counter.visit = v;
            engine.evaluate(c, ctx, counter);
            history.record(c);
            claims++;
            lines += c.feeLines().size();
        }
        if (traces != null) {
            for (TraceCodeLog.Use use : traces.candidates()) {
                counter.visit = use.visit;
                engine.traceCode(use, ctx, counter);
            }
        }
        return new Summary(claims, lines, counter.hits);
    }

    private static final class Counter implements HitSink {
        private final Sink sink;
        Visit visit;
        long hits;

        Counter(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void accept(Hit hit) {
            hits++;
            sink.accept(visit, hit);
        }
    }
}
