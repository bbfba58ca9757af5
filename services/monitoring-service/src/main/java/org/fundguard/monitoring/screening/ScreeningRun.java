package org.fundguard.monitoring.screening;

import org.fundguard.kit.security.RegionScope;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.Visit;
import org.fundguard.monitoring.engine.BatchScreener;
import org.fundguard.monitoring.engine.DeathRegistry;
import org.fundguard.monitoring.engine.Hit;
import org.fundguard.monitoring.engine.QualificationReplica;
import org.fundguard.monitoring.engine.RuleEngine;
import org.fundguard.monitoring.engine.RuleSet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One screening job: the stored claims of a region (and the regions below it) in a period, screened with one rule-set
 * version; the hits become findings, keyed so that screening the same data again adds nothing. Visits from
 * {@code lookbackDays} before the period are read as history only (a readmission or a payment course that began
 * earlier), never reported. The region sees itself and the regions below it (以上查下), as {@link RegionScope} does. Plain JDBC on the caller's thread: a job runs on a worker, not on an event loop.
 */
public final class ScreeningRun {

    /** How far the job has come; called every {@link #PROGRESS_EVERY} visits and at the end. */
    @FunctionalInterface
    public interface Progress {
        void update(long claims, long lines, long hits, long newFindings);
    }

    /** What a job did. */
    public record Result(long claims, long lines, long hits, long newFindings, long suppressed) {
    }

    static final int PROGRESS_EVERY = 5_000;
    private static final int FETCH = 2_000;
    private static final int INSERT_BATCH = 1_000;

    private final Supplier<Connection> connections;
    private final RuleSet rules;
    private final QualificationReplica qualifications;
    private final BusinessClock clock;

    public ScreeningRun(Supplier<Connection> connections, RuleSet rules, QualificationReplica qualifications, BusinessClock clock) {
        this.clock = clock;
        this.connections = connections;
        this.rules = rules;
        this.qualifications = qualifications;
    }

    /** Screens {@code region}'s claims whose visit began from {@code from} to {@code to} (both inclusive). */
    public Result run(UUID jobId, String region, LocalDate from, LocalDate to, int lookbackDays, Progress progress)
            throws SQLException {
        return screen(jobId, region, from, to, lookbackDays, progress, null);
    }

    /**
     * Screens like {@link #run} but stores nothing: each hit on a visit of the period goes to {@code hits} (back-testing a
     * rule-set version against the one in use).
     */
    public Result collect(String region, LocalDate from, LocalDate to, int lookbackDays, java.util.function.Consumer<Hit> hits)
            throws SQLException {
        return screen(null, region, from, to, lookbackDays, (cl, li, hi, nf) -> { }, hits);
    }

    private Result screen(UUID jobId, String region, LocalDate from, LocalDate to, int lookbackDays, Progress progress,
                          java.util.function.Consumer<Hit> collector) throws SQLException {
        if (!RegionScope.isValidCode(region)) {
            throw new IllegalArgumentException("region must be a 6-digit administrative code");
        }
        String like = RegionScope.of(region).likePattern();
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        try (Connection findings = connections.get()) {
            findings.setAutoCommit(false);
            DeathRegistry deaths = ScreeningQueries.deathsOfVisits(findings, like, start.minusDays(lookbackDays), end);
            Sink sink = new Sink(findings, jobId, start, end, progress, collector, ScreeningQueries.suppressions(findings));
            BatchScreener screener = new BatchScreener(new RuleEngine(rules));
            Reader reader = new Reader(like, start.minusDays(lookbackDays), end, sink);
            BatchScreener.Summary summary;
            try {
                summary = screener.screenSorted(reader, deaths, qualifications, sink::accept);
            } finally {
                reader.closeAll();
            }
            sink.flush();
            findings.commit();
            progress.update(sink.claims, sink.lines, sink.hits, sink.inserted);
            return new Result(sink.claims, sink.lines, sink.hits, sink.inserted, sink.suppressed);
        }
    }

    /** The finding's identity: rule class, knowledge point, visit and fee lines (so a re-run adds no duplicate). */
    public static String key(Hit hit) {
        List<String> lines = new ArrayList<>(hit.feedetlSns());
        lines.sort(null);
        String natural = hit.ruleCode() + '|' + hit.knowledgePointId() + '|' + hit.mdtrtId() + '|' + String.join(",", lines);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(natural.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Streams the stored claims in patient and visit order; each call of get() is a new pass (a new cursor). */
    private final class Reader implements Supplier<Iterator<Claim>> {
        private final String like;
        private final LocalDateTime from;
        private final LocalDateTime to;
        private final Sink sink;
        private final List<Connection> open = new ArrayList<>();

        Reader(String like, LocalDateTime from, LocalDateTime to, Sink sink) {
            this.like = like;
            this.from = from;
            this.to = to;
            this.sink = sink;
        }

        @Override
        public Iterator<Claim> get() {
            try {
                closeAll();
                Connection c = connections.get();
                open.add(c);
                c.setAutoCommit(false); // a cursor (fetch size) needs a transaction
                c.setReadOnly(true);
                ResultSet rs = ScreeningQueries.visitsInOrder(c, like, from, to, FETCH);
                sink.newPass();
                return new Iterator<>() {
                    Boolean ready;

                    @Override
                    public boolean hasNext() {
                        if (ready == null) {
                            try {
                                ready = rs.next();
                            } catch (SQLException e) {
                                throw new IllegalStateException("reading stored claims failed", e);
                            }
                        }
                        return ready;
                    }

                    @Override
                    public Claim next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        ready = null;
                        try {
                            Claim claim = ClaimStore.read(rs.getString(1));
                            sink.current(claim, rs.getTimestamp(2).toLocalDateTime());
                            return claim;
                        } catch (SQLException e) {
                            throw new IllegalStateException("reading stored claims failed", e);
                        }
                    }
                };
            } catch (SQLException e) {
                throw new IllegalStateException("reading stored claims failed", e);
            }
        }

        void closeAll() {
            for (Connection c : open) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the pass is over either way
                }
            }
            open.clear();
        }
    }

    /** Writes the hits on visits inside the period as findings, in batches, ignoring ones already found. */
    private final class Sink {
        private final Connection c;
        private final UUID jobId;
        private final LocalDateTime from;
        private final LocalDateTime to;
        private final Progress progress;
        private final ScreeningStore.FindingBatch insert;
        private final java.util.function.Consumer<Hit> collector;
        private final java.util.Set<String> suppressions;
        long claims;
        long lines;
        long hits;
        long inserted;
        long suppressed;

        Sink(Connection c, UUID jobId, LocalDateTime from, LocalDateTime to, Progress progress,
             java.util.function.Consumer<Hit> collector, java.util.Set<String> suppressions) throws SQLException {
            this.collector = collector;
            this.suppressions = suppressions;
            this.c = c;
            this.jobId = jobId;
            this.from = from;
            this.to = to;
            this.progress = progress;
            this.insert = collector != null ? null : new ScreeningStore.FindingBatch(c);
        }

        /** A pass of the reader starts: the counting starts anew. */
        void newPass() {
            claims = 0;
            lines = 0;
        }

        void current(Claim claim, LocalDateTime begntime) {
            if (inPeriod(begntime)) {
                claims++;
                lines += claim.feeLines().size();
                if (claims % PROGRESS_EVERY == 0) {
                    progress.update(claims, lines, hits, inserted);
                }
            }
        }

        private boolean inPeriod(LocalDateTime begntime) {
            return !begntime.isBefore(from) && begntime.isBefore(to);
        }

        /** A hit on a visit of the period (the trace-code rule's come after the last visit). */
        void accept(Visit visit, Hit hit) {
            if (visit.begntime() == null || !inPeriod(visit.begntime())) {
                return;
            }
            if (!suppressions.isEmpty()
                    && suppressions.contains(hit.ruleCode() + '|' + hit.knowledgePointId() + '|' + visit.fixmedinsCode())) {
                suppressed++;
                return;
            }
            hits++;
            if (collector != null) {
                collector.accept(hit);
                return;
            }
            try {
                if (insert.add(key(hit), hit, visit, rules.version(), jobId, clock.now()) == INSERT_BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("storing findings failed", e);
            }
        }

        void flush() throws SQLException {
            if (insert != null) {
                inserted += insert.flush();
            }
        }
    }
}
