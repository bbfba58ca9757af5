package org.fundguard.monitoring.screening;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.monitoring.MonitoringConfig;
import org.fundguard.monitoring.RuleSetHolder;
import org.fundguard.monitoring.review.ReviewClock;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.ingest.ClaimStream;
import org.fundguard.monitoring.ingest.IngestReport;
import org.fundguard.monitoring.replica.QualificationCache;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Batch screening for staff: loading claims in the national dialects, screening jobs over a region and period in the
 * background with progress, and their findings. Claims and findings are bulk data on plain JDBC (COPY, cursors, batched
 * inserts) on worker threads; the audit entries go through service-kit's audit log like every other state change.
 */
@ApplicationScoped
public class ScreeningService {

    private static final Logger LOG = Logger.getLogger(ScreeningService.class);

    /** What a claims load did: the ingest report and the visits stored, and visits refused as outside the caller's region. */
    public record LoadResult(UUID loadId, IngestReport ingest, long visitsStored, long linesStored, long outsideRegion) {
    }

    /** A screening job as stored. */
    public record Job(UUID id, String region, LocalDate from, LocalDate to, String ruleSetVersion, String status,
                      long claims, long lines, long hits, long newFindings, String startedBy, OffsetDateTime startedAt,
                      OffsetDateTime finishedAt, String error) {
    }

    private final DataSource dataSource;
    private final RuleSetHolder rules;
    private final QualificationCache qualifications;
    private final AuditLog audit;
    private final ManagedExecutor executor;
    private final ReviewClock clock;
    private final MonitoringConfig.Review days;

    public ScreeningService(DataSource dataSource, RuleSetHolder rules, QualificationCache qualifications, AuditLog audit,
                            ManagedExecutor executor, ReviewClock clock, MonitoringConfig config) {
        this.clock = clock;
        this.days = config.review();
        this.dataSource = dataSource;
        this.rules = rules;
        this.qualifications = qualifications;
        this.audit = audit;
        this.executor = executor;
    }

    /** Stores the claims of one file (all or nothing); a visit outside the caller's region is refused and counted. Blocking. */
    public LoadResult load(Caller caller, ClaimStream claims) throws SQLException, IOException {
        RegionScope scope = caller.scope();
        long[] outside = {0};
        Iterator<Claim> inScope = new Iterator<>() {
            Claim next;

            @Override
            public boolean hasNext() {
                while (next == null && claims.hasNext()) {
                    Claim c = claims.next();
                    if (scope.canSee(c.visit().regionAdmdvs())) {
                        next = c;
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
                return c;
            }
        };
        ClaimStore.Loaded loaded;
        try (Connection c = dataSource.getConnection(); claims) {
            loaded = ClaimStore.load(c, inScope, () -> claims.report().fileErrors().isEmpty());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("visits", loaded.visits());
        after.put("lines", loaded.lines());
        after.put("rowsRejected", claims.report().rowsRejected());
        after.put("outsideRegion", outside[0]);
        record(caller, "claims.loaded", "claim-load", loaded.loadId().toString(), after);
        return new LoadResult(loaded.loadId(), claims.report(), loaded.visits(), loaded.lines(), outside[0]);
    }

    /**
     * Demo data: when no claim is stored, a year of the seeded generator's claims (with its death registry) is loaded and
     * screened for Anhui as {@code actor}, so reviews have cases. Blocking.
     */
    public void loadDemoClaims(Caller actor) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM claim_visit");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return;
            }
        }
        org.fundguard.monitoring.generator.ClaimGenerator generator = new org.fundguard.monitoring.generator.ClaimGenerator(
                org.fundguard.monitoring.generator.GeneratorConfig.of(20251201L, 500).withViolationRate(0.2));
        ClaimStore.Loaded loaded;
        try (Connection c = dataSource.getConnection()) {
            loaded = ClaimStore.load(c, generator);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO death_record (psn_no, death_date, source) VALUES (?, ?, 'demo') "
                    + "ON CONFLICT (psn_no) DO NOTHING")) {
                for (org.fundguard.monitoring.generator.ClaimGenerator.Death d : generator.deathEntries()) {
                    ps.setString(1, d.psnNo());
                    ps.setObject(2, d.deathDate());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        record(actor, "claims.loaded", "claim-load", loaded.loadId().toString(), Map.of("visits", loaded.visits(), "lines", loaded.lines(),
                "source", "demo generator"));
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

    private Job startJob(Caller caller, String region, LocalDate from, LocalDate to, Integer ruleSetVersion) throws SQLException {
        if (to.isBefore(from)) {
            throw new DomainException.InvalidField("to", "must not be before from");
        }
        if (from.plusYears(1).isBefore(to)) {
            throw new DomainException.InvalidField("to", "a job covers at most one year");
        }
        RuleSetHolder.Compiled compiled = ruleSet(ruleSetVersion);
        String version = Integer.toString(compiled.version());
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO screening_job (id, region, period_from, period_to, rule_set_version, status, started_by, started_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, now())")) {
            ps.setObject(1, id);
            ps.setString(2, region);
            ps.setObject(3, from);
            ps.setObject(4, to);
            ps.setString(5, version);
            ps.setString(6, caller.username());
            ps.executeUpdate();
        }
        Job job = job(id);
        record(caller, "screening.started", "screening-job", id.toString(), snapshot(job));
        executor.execute(() -> run(id, region, from, to, compiled));
        return job;
    }

    private RuleSetHolder.Compiled ruleSet(Integer wanted) throws SQLException {
        RuleSetHolder.Compiled inUse = rules.current();
        if (wanted == null || wanted == inUse.version()) {
            return inUse;
        }
        try (Connection c = dataSource.getConnection()) {
            int latest;
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) FROM rule_set_version");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                latest = rs.getInt(1);
            }
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
            suppressed = new ScreeningRun(this::connection, compiled.rules(), qualifications)
                    .run(id, region, from, to, 90, (claims, lines, hits, found) -> progress(id, claims, lines, hits, found, null, null)).suppressed();
            openReviews(id, region);
        } catch (RuntimeException | SQLException e) {
            status = "FAILED";
            error = "the job stopped: " + e.getClass().getSimpleName();
            LOG.warnf("screening job %s failed: %s", id, String.valueOf(e));
        }
        try {
            progress(id, -1, -1, -1, -1, status, error);
            Map<String, Object> end = snapshot(job(id));
            end.put("suppressed", suppressed);
            record(Caller.system("screening"), "screening." + status.toLowerCase(), "screening-job", id.toString(), end);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("screening job %s: cannot record its end: %s", id, String.valueOf(e));
        }
    }

    /**
     * Opens a review case for each finding the job found first: a suspect at first review, a definite violation at the
     * institution's appeal step, each with its step's deadline. A finding has one case, however often it is found.
     */
    private void openReviews(UUID jobId, String region) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO review_case (id, finding_id, admdvs, fixmedins_code, rule_code, knowledge_point_id, result_type, amount, "
                        + "status, step_due, created_at) SELECT gen_random_uuid(), f.id, coalesce(f.admdvs, ?), coalesce(f.fixmedins_code, ''), "
                        + "f.rule_code, f.knowledge_point_id, f.result_type, f.amount, "
                        + "CASE WHEN f.result_type = 'DEFINITE' THEN 'APPEAL_OPEN' ELSE 'FIRST_REVIEW' END, "
                        + "CASE WHEN f.result_type = 'DEFINITE' THEN ? ELSE ? END, ? FROM finding f WHERE f.job_id = ? "
                        + "ON CONFLICT (finding_id) DO NOTHING")) {
            LocalDate today = clock.today();
            ps.setString(1, region);
            ps.setObject(2, today.plusDays(days.appealDays()));
            ps.setObject(3, today.plusDays(days.firstReviewDays()));
            ps.setObject(4, clock.now());
            ps.setObject(5, jobId);
            ps.executeUpdate();
        }
    }

    /** The job, if the caller's region covers it. */
    public Job get(Caller caller, UUID id) throws SQLException {
        Job job = job(id);
        if (job == null || !caller.scope().canSee(job.region())) {
            throw new DomainException.RecordNotFound("No screening job " + id + ".");
        }
        return job;
    }

    /** A finding as stored. */
    public record Finding(UUID id, String ruleCode, String knowledgePointId, int knowledgePointVersion, String resultType,
                          int sevDeg, String mdtrtId, String psnNo, String admdvs, String fixmedinsCode, List<String> feedetlSns,
                          java.math.BigDecimal amount, String reason, List<String> relatedMdtrtIds, String ruleSetVersion,
                          UUID jobId, OffsetDateTime foundAt, String status) {
    }

    /** A page of findings in the caller's region, newest first; optionally of one job (the job that first found them). */
    public List<Finding> findings(Caller caller, UUID jobId, int page, int size, long[] total) throws SQLException {
        String where = " WHERE admdvs LIKE ?" + (jobId == null ? "" : " AND job_id = ?");
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM finding" + where)) {
                bind(ps, caller, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total[0] = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, rule_code, knowledge_point_id, knowledge_point_version, "
                    + "result_type, sev_deg, mdtrt_id, psn_no, admdvs, fixmedins_code, feedetl_sns, amount, reason, related_mdtrt_ids, "
                    + "rule_set_version, job_id, found_at, status FROM finding" + where
                    + " ORDER BY found_at DESC, id LIMIT ? OFFSET ?")) {
                int i = bind(ps, caller, jobId);
                ps.setInt(i++, size);
                ps.setLong(i, (long) page * size);
                List<Finding> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Finding(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                split(rs.getString(11)), rs.getBigDecimal(12), rs.getString(13), split(rs.getString(14)),
                                rs.getString(15), rs.getObject(16, UUID.class), rs.getObject(17, OffsetDateTime.class), rs.getString(18)));
                    }
                }
                return out;
            }
        }
    }

    private static int bind(PreparedStatement ps, Caller caller, UUID jobId) throws SQLException {
        ps.setString(1, caller.scope().likePattern());
        if (jobId != null) {
            ps.setObject(2, jobId);
            return 3;
        }
        return 2;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private Job job(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, region, period_from, period_to, rule_set_version, status, claims_screened, lines_screened, hits, "
                        + "findings_new, started_by, started_at, finished_at, error FROM screening_job WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class),
                        rs.getObject(13, OffsetDateTime.class), rs.getString(14));
            }
        }
    }

    private void progress(UUID id, long claims, long lines, long hits, long found, String status, String error) {
        String sql = status == null
                ? "UPDATE screening_job SET claims_screened = ?, lines_screened = ?, hits = ?, findings_new = ? WHERE id = ?"
                : "UPDATE screening_job SET status = ?, error = ?, finished_at = now() WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (status == null) {
                ps.setLong(1, claims);
                ps.setLong(2, lines);
                ps.setLong(3, hits);
                ps.setLong(4, found);
                ps.setObject(5, id);
            } else {
                ps.setString(1, status);
                ps.setString(2, error);
                ps.setObject(3, id);
            }
            ps.executeUpdate();
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

    private void record(Caller actor, String action, String type, String id, Map<String, Object> after) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> audit.record(actor, action, type, id, null, after)));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot write the audit entry", e);
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
