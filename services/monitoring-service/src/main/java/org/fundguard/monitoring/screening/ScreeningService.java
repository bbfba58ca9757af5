package org.fundguard.monitoring.screening;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.monitoring.JdbcTransaction;
import org.fundguard.monitoring.RuleSetHolder;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.generator.ClaimGenerator;
import org.fundguard.monitoring.generator.GeneratorConfig;
import org.fundguard.kit.problem.Problem;
import org.fundguard.monitoring.ingest.ClaimStream;
import org.fundguard.monitoring.ingest.FileError;
import org.fundguard.monitoring.ingest.IngestReport;
import org.fundguard.monitoring.ingest.RowError;
import org.fundguard.monitoring.replica.QualificationCache;
import org.fundguard.monitoring.review.ReviewService;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Batch screening for staff: loading claims in the national dialects, screening jobs over a region and period in the
 * background with progress, and their findings. Claims and findings are bulk data on plain JDBC (COPY, cursors, batched
 * inserts) on worker threads, in {@code *Store} writes and {@code *Queries} reads; each audited change writes its audit
 * entry on the same JDBC transaction (service-kit's {@link AuditLog#record(Connection, Caller, String, String, String, Object, Object)}). A job's findings become review cases through the review
 * feature ({@link ReviewService#openCases}).
 */
@ApplicationScoped
public class ScreeningService {

    private static final Logger LOG = Logger.getLogger(ScreeningService.class);

    /**
     * What a claims load did: the ingest report and the visits stored, visits refused as outside the caller's region,
     * and visits refused because their {@code mdtrt_id} is a stored visit of another region ({@code clashes}, each a row
     * error naming the visit; {@code clashCount} counts them all).
     */
    public record LoadResult(UUID loadId, IngestReport ingest, long visitsStored, long linesStored, long outsideRegion,
                             long clashCount, List<RowError> clashes) {
    }

    /** A load stored nothing: a whole file could not be read (a missing CSV column, a file out of order). */
    public static final class FileRefused extends DomainException.InvalidFields {
        FileRefused(List<FileError> errors) {
            super(errors.size() == 1 ? "1 file cannot be read; nothing was stored." : errors.size() + " files cannot be read; nothing was stored.",
                    errors.stream().map(e -> new Problem.FieldError(e.file(), (e.line() > 0 ? "line " + e.line() + ": " : "") + e.reason())).toList());
        }
    }

    /** A screening job as stored. */
    public record Job(UUID id, String region, LocalDate from, LocalDate to, String ruleSetVersion, String status,
                      long claims, long lines, long hits, long newFindings, String startedBy, OffsetDateTime startedAt,
                      OffsetDateTime finishedAt, String error) {
    }

    private final DataSource dataSource;
    private final RuleSetHolder rules;
    private final QualificationCache qualifications;
    private final ManagedExecutor executor;
    private final ReviewService reviews;
    private final AuditLog audit;
    private final BusinessClock clock;

    public ScreeningService(DataSource dataSource, RuleSetHolder rules, QualificationCache qualifications, ManagedExecutor executor,
                            ReviewService reviews, AuditLog audit, BusinessClock clock) {
        this.audit = audit;
        this.clock = clock;
        this.dataSource = dataSource;
        this.rules = rules;
        this.qualifications = qualifications;
        this.executor = executor;
        this.reviews = reviews;
    }

    /**
     * Stores the claims of one file (all or nothing), audited ({@code claims.loaded}, with the counts of visits outside
     * the caller's region and of clashes). A visit outside the caller's region is refused and counted; a visit whose
     * {@code mdtrt_id} is already stored for a region the caller's scope does not cover is refused as a row error and
     * that visit stays as it was — the caller replaces only visits it could load (a province's auditor its cities', 以上查下,
     * as everywhere in FundGuard). A whole file that cannot be read stores nothing and is {@link FileRefused}. Blocking.
     *
     * @param source the name the caller gave the upload ({@code ?source=}), kept in the audit entry; may be null
     */
    public LoadResult load(Caller caller, ClaimStream claims, String source) throws SQLException, IOException {
        RegionScope scope = caller.scope();
        long[] outside = {0};
        ClaimStore.Source inScope = new ClaimStore.Source() {
            Claim next;
            long nextLine;
            long line;

            @Override
            public boolean hasNext() {
                while (next == null && claims.hasNext()) {
                    Claim c = claims.next();
                    if (scope.canSee(c.visit().regionAdmdvs())) {
                        next = c;
                        nextLine = claims.visitLine();
                    } else {
                        outside[0]++;
                    }
                }
                return next != null;
            }

            @Override
            public Claim next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Claim c = next;
                next = null;
                line = nextLine;
                return c;
            }

            @Override
            public long line() {
                return line;
            }
        };
        try (claims) {
            if (!claims.report().fileErrors().isEmpty()) {
                // the headers are read when the stream opens: a missing column refuses the load before any row
                throw new FileRefused(claims.report().fileErrors());
            }
            ClaimStore.Loaded loaded;
            try (Connection c = dataSource.getConnection()) {
                loaded = ClaimStore.load(c, inScope, scope.likePattern(), () -> claims.report().fileErrors().isEmpty(), stored -> {
                    Map<String, Object> after = new LinkedHashMap<>();
                    if (source != null) {
                        after.put("source", source);
                    }
                    after.put("visits", stored.visits());
                    after.put("lines", stored.lines());
                    after.put("rowsRejected", claims.report().rowsRejected());
                    after.put("outsideRegion", outside[0]);
                    after.put("otherRegionClashes", stored.clashCount());
                    if (stored.clashCount() > 0) {
                        after.put("clashingMdtrtIds", stored.clashes().stream().limit(100).map(ClaimStore.Clash::mdtrtId).toList());
                    }
                    audit.record(c, caller, "claims.loaded", "claim-load", stored.loadId().toString(), null, after);
                });
            }
            if (!claims.report().fileErrors().isEmpty()) {
                throw new FileRefused(claims.report().fileErrors());
            }
            String file = claims.visitFile();
            List<RowError> clashes = loaded.clashes().stream().map(k -> new RowError(file, k.line(), "mdtrt_id",
                    "mdtrt_id " + k.mdtrtId() + " is a stored visit of another region; not stored, that visit unchanged",
                    k.mdtrtId())).toList();
            return new LoadResult(loaded.loadId(), claims.report(), loaded.visits(), loaded.lines(), outside[0],
                    loaded.clashCount(), clashes);
        }
    }

    /**
     * Demo data: when no claim is stored, a year of the seeded generator's claims (with its death registry) is loaded and
     * screened for Anhui as {@code actor}, so reviews have cases. Blocking.
     */
    public void loadDemoClaims(Caller actor) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (ScreeningQueries.anyClaims(c)) {
                return;
            }
        }
        ClaimGenerator generator = new ClaimGenerator(GeneratorConfig.of(20251201L, 500).withViolationRate(0.2));
        ClaimStore.Loaded loaded;
        try (Connection c = dataSource.getConnection()) {
            loaded = ClaimStore.load(c, generator, () -> true, stored -> {
                ScreeningStore.registerDeaths(c, generator.deathEntries(), "demo");
                audit.record(c, actor, "claims.loaded", "claim-load", stored.loadId().toString(), null,
                        new LinkedHashMap<>(Map.of("visits", stored.visits(), "lines", stored.lines(), "source", "demo generator")));
            });
        }
        Job job = startJob(actor, "340000", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null);
        LOG.infof("demo claims: %d visits, %d lines loaded; screening job %s started", loaded.visits(), loaded.lines(), job.id());
    }

    /**
     * Starts a screening job in the background, with the rule set in use or an earlier version of it ({@code ruleSetVersion},
     * the knowledge base as it was after that change); answers the job at once. Blocking.
     */
    public Job start(Caller caller, String region, LocalDate from, LocalDate to, Integer ruleSetVersion) throws SQLException {
        if (!caller.scope().canSee(region)) {
            throw new DomainException.AccessDenied("Region " + region + " is outside your region.");
        }
        return startJob(caller, region, from, to, ruleSetVersion);
    }

    /** The job stored and its audit entry written in one transaction; it runs once both are committed. */
    private Job startJob(Caller caller, String region, LocalDate from, LocalDate to, Integer ruleSetVersion) throws SQLException {
        if (to.isBefore(from)) {
            throw new DomainException.InvalidField("to", "must not be before from");
        }
        if (from.plusYears(1).isBefore(to)) {
            throw new DomainException.InvalidField("to", "a job covers at most one year");
        }
        RuleSetHolder.Compiled compiled = ruleSet(ruleSetVersion);
        UUID id = UUID.randomUUID();
        Job job = JdbcTransaction.run(dataSource, tx -> {
            ScreeningStore.insertJob(tx, id, region, from, to, Integer.toString(compiled.version()), caller.username());
            Job stored = ScreeningQueries.job(tx, id);
            audit.record(tx, caller, "screening.started", "screening-job", id.toString(), null, snapshot(stored));
            return stored;
        });
        executor.execute(() -> run(id, region, from, to, compiled));
        return job;
    }

    private RuleSetHolder.Compiled ruleSet(Integer wanted) throws SQLException {
        RuleSetHolder.Compiled inUse = rules.current();
        if (wanted == null || wanted == inUse.version()) {
            return inUse;
        }
        try (Connection c = dataSource.getConnection()) {
            int latest = ScreeningQueries.latestRuleSetVersion(c);
            if (wanted < 1 || wanted > latest) {
                throw new DomainException.InvalidField("ruleSetVersion", "no rule-set version " + wanted + " (the latest is " + latest + ")");
            }
            return rules.compileStored(c, wanted);
        }
    }

    private void run(UUID id, String region, LocalDate from, LocalDate to, RuleSetHolder.Compiled compiled) {
        String status = "DONE";
        String error = null;
        long suppressed = 0;
        try {
            suppressed = new ScreeningRun(this::connection, compiled.rules(), qualifications, clock)
                    .run(id, region, from, to, 90, (claims, lines, hits, found) -> progress(id, claims, lines, hits, found)).suppressed();
            // the review feature opens a case for each finding this job found first
            reviews.openCases(id, region);
        } catch (RuntimeException | SQLException e) {
            status = "FAILED";
            error = "the job stopped: " + e.getClass().getSimpleName();
            LOG.warnf("screening job %s failed: %s", id, String.valueOf(e));
        }
        String end = status;
        String why = error;
        long left = suppressed;
        try {
            JdbcTransaction.run(dataSource, tx -> {
                ScreeningStore.finish(tx, id, end, why);
                Map<String, Object> after = snapshot(ScreeningQueries.job(tx, id));
                after.put("suppressed", left);
                audit.record(tx, Caller.system("screening"), "screening." + end.toLowerCase(), "screening-job", id.toString(), null, after);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("screening job %s: cannot record its end: %s", id, String.valueOf(e));
        }
    }

    /** The job, if the caller's region covers it. */
    public Job get(Caller caller, UUID id) throws SQLException {
        Job job;
        try (Connection c = dataSource.getConnection()) {
            job = ScreeningQueries.job(c, id);
        }
        if (job == null || !caller.scope().canSee(job.region())) {
            throw new DomainException.RecordNotFound("No screening job " + id + ".");
        }
        return job;
    }

    /** A finding as stored. */
    public record Finding(UUID id, String ruleCode, String knowledgePointId, int knowledgePointVersion, String resultType,
                          int sevDeg, String mdtrtId, String psnNo, String admdvs, String fixmedinsCode, List<String> feedetlSns,
                          java.math.BigDecimal amount, String reason, List<String> relatedMdtrtIds, String ruleSetVersion,
                          UUID jobId, OffsetDateTime foundAt, String status, String evidence) {
    }

    /** Which findings a list shows: every condition given must hold (the caller's region always does). */
    public record FindingFilter(UUID jobId, String mdtrtId, String fixmedinsCode, String ruleCode) {
    }

    /** A finding and the stored claim of its visit (null once the claim is no longer stored). */
    public record FindingDetail(Finding finding, Claim claim) {
    }

    /**
     * A page of findings in the caller's region, newest first; optionally only those of one job (the job that first
     * found them), visit, institution and rule.
     */
    public PageView<Finding> findings(Caller caller, FindingFilter filter, PageRequest paging) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long total = ScreeningQueries.countFindings(c, caller.scope(), filter);
            return PageView.of(ScreeningQueries.findings(c, caller.scope(), filter, paging), paging, total);
        }
    }

    /** A page of the screening jobs of the caller's region, newest first. */
    public PageView<Job> jobs(Caller caller, PageRequest paging) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long total = ScreeningQueries.countJobs(c, caller.scope());
            return PageView.of(ScreeningQueries.jobs(c, caller.scope(), paging), paging, total);
        }
    }

    /**
     * The findings with these ids and their visits' stored claims, for the review feature, which has already checked
     * that the caller may see them. Blocking.
     */
    public Map<UUID, FindingDetail> details(java.util.Collection<UUID> findingIds) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return ScreeningQueries.details(c, findingIds);
        }
    }

    private void progress(UUID id, long claims, long lines, long hits, long found) {
        try (Connection c = dataSource.getConnection()) {
            ScreeningStore.progress(c, id, claims, lines, hits, found);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the job's progress", e);
        }
    }

    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("no database connection", e);
        }
    }

    private static Map<String, Object> snapshot(Job job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", job.region());
        m.put("from", job.from().toString());
        m.put("to", job.to().toString());
        m.put("ruleSetVersion", job.ruleSetVersion());
        m.put("status", job.status());
        m.put("claims", job.claims());
        m.put("newFindings", job.newFindings());
        return m;
    }
}
