package org.fundguard.monitoring.engine;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Visit;

/**
 * Patient history in memory. Fill it with a whole dataset ({@link #record} every claim, any order) or, for a stream
 * sorted by psn_no and visit order, record each claim after screening it and {@link #clear()} when the patient changes.
 * A history made by {@link RuleSet#newHistory()} keeps only the code uses that rule set reads.
 * Not thread-safe while being filled; safe to read concurrently once filled.
 */
public final class InMemoryPatientHistory implements PatientHistory {

    private static final Comparator<VisitRecord> VISIT_ORDER =
            (a, b) -> VisitRecord.compareOrder(a.begntime(), a.mdtrtId(), b.begntime(), b.mdtrtId());
    private static final Comparator<CodeUse> USE_ORDER = Comparator.comparingLong(CodeUse::feeEpochDay);

    private final Map<String, Patient> patients = new HashMap<>();
    private final Predicate<String> tracked;
    private final boolean tracksNone;

    /** A history of visits and of the paid uses of every code. */
    public InMemoryPatientHistory() {
        this(code -> true, false);
    }

    /** A history of visits and of the paid uses of the codes {@code tracked} accepts ({@link RuleSet#newHistory()}). */
    public InMemoryPatientHistory(Predicate<String> tracked) {
        this(tracked, false);
    }

    private InMemoryPatientHistory(Predicate<String> tracked, boolean none) {
        this.tracked = tracked;
        this.tracksNone = none;
    }

    /** A history of visits only: {@link #uses} is always empty. */
    public static InMemoryPatientHistory visitsOnly() {
        return new InMemoryPatientHistory(code -> false, true);
    }

    private static final class Patient {
        final List<VisitRecord> visits = new ArrayList<>(4);
        final Map<String, List<CodeUse>> uses = new HashMap<>();
        volatile boolean sorted = true;
    }

    /** Adds a claim's visit and its paid (net of refunds) code uses. Visits without begntime are not recorded. */
    public void record(Claim claim) {
        Visit v = claim.visit();
        if (v.psnNo() == null || v.begntime() == null || v.mdtrtId() == null) {
            return;
        }
        Patient p = patients.computeIfAbsent(v.psnNo(), k -> new Patient());
        VisitRecord rec = VisitRecord.of(v);
        if (!p.visits.isEmpty() && VISIT_ORDER.compare(p.visits.get(p.visits.size() - 1), rec) > 0) {
            p.sorted = false;
        }
        p.visits.add(rec);
        if (tracksNone) {
            return;
        }
        List<FeeLine> lines = claim.feeLines();
        NetLines net = NetLines.of(lines);
        for (int i = 0; i < lines.size(); i++) {
            FeeLine l = lines.get(i);
            if (l.hilistCode() == null || !tracked.test(l.hilistCode()) || !NetLines.live(net, l, i)) {
                continue;
            }
            LocalDateTime t = l.feeOcurTime() != null ? l.feeOcurTime() : v.begntime();
            List<CodeUse> u = p.uses.computeIfAbsent(l.hilistCode(), k -> new ArrayList<>(2));
            CodeUse use = new CodeUse(v.mdtrtId(), v.begntime(), t.toLocalDate().toEpochDay(), t, NetLines.cnt(net, l, i));
            if (!u.isEmpty() && u.get(u.size() - 1).feeEpochDay() > use.feeEpochDay()) {
                p.sorted = false;
            }
            u.add(use);
        }
    }

    /** Forgets everything (streaming mode: called when the next patient starts). */
    public void clear() {
        patients.clear();
    }

    @Override
    public List<VisitRecord> visits(String psnNo) {
        Patient p = patients.get(psnNo);
        if (p == null) {
            return List.of();
        }
        sort(p);
        return p.visits;
    }

    @Override
    public List<CodeUse> uses(String psnNo, String code) {
        Patient p = patients.get(psnNo);
        if (p == null) {
            return List.of();
        }
        sort(p);
        List<CodeUse> u = p.uses.get(code);
        return u == null ? List.of() : u;
    }

    // Sorted lazily on first read, once; concurrent readers of a filled history may race to it.
    private static void sort(Patient p) {
        if (!p.sorted) {
            synchronized (p) {
                if (!p.sorted) {
                    p.visits.sort(VISIT_ORDER);
                    p.uses.values().forEach(l -> l.sort(USE_ORDER));
                    p.sorted = true;
                }
            }
        }
    }

    public int patientCount() {
        return patients.size();
    }
}
