package org.fundguard.monitoring.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.calendar.WorkingDayCalendar;
import org.fundguard.kit.decision.DecisionRequest;
import org.fundguard.kit.decision.DecisionSeverity;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.decision.ViolationDecided;
import org.fundguard.kit.outbox.Outbox;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.upload.CheckedFile;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.kit.security.SeparationOfDuties;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.monitoring.JdbcTransaction;
import org.fundguard.monitoring.MonitoringConfig;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The review of findings (初审 → 复审 → 申诉 → 调查核实 → 处理 with 陈述申辩 before the decision is final). Staff steps
 * are for auditors of the case's region (以上查下: the province sees its cities); the appeal and the statement are for
 * the institution's own system account. First and second review are by different auditors. Every step is audited; the
 * final decision publishes {@code violation.decided.v1} through the outbox in the same transaction. Also the cases a
 * screening job opens, reminders, quality sampling (抽样复核) and the reviewers' outcomes and statistics: bulk work on
 * plain JDBC ({@code *Store} writes with their audit entry in one transaction, {@code *Queries} reads), blocking.
 */
@ApplicationScoped
public class ReviewService {

    /** What a reviewer, an investigator or a re-checker found: one vocabulary for every step. */
    public enum Outcome { CONFIRMED, DISMISSED }

    /**
     * A document sent with an appeal as service-kit's upload checker passed it: the name shown (no control or bidi-override
     * characters), the name as sent, the media type its content shows, its bytes and their SHA-256.
     */
    public record Document(String name, String originalName, String mediaType, byte[] content, String sha256) {

        public static Document of(CheckedFile f) {
            return new Document(f.displayName(), f.originalName(), f.mediaType(), f.content(), f.sha256());
        }
    }

    /** The decision as drafted: the handling decision, the institution's name on it and the persons responsible. */
    public record Draft(DecisionRequest decision, String institutionName, List<DecisionRequest.ResponsiblePerson> responsiblePersons) {
    }

    /** How a sample is drawn. */
    public enum SampleMethod { RANDOM, AMOUNT, VARIANCE }

    /** One case of a sample, with its re-check once made. */
    public record SampleItem(UUID caseId, int position, String ruleCode, BigDecimal amount, String originalOutcome,
                             String recheckOutcome, String recheckReason, String recheckedBy) {
    }

    /** A sample of second-reviewed cases and their re-checks. */
    public record Sample(UUID id, String region, String method, int requestedSize, long seed, String createdBy, List<SampleItem> items) {

        public int rechecked() {
            return (int) items.stream().filter(i -> i.recheckOutcome() != null).count();
        }

        /** Re-checks that disagree with the second review. */
        public int disagreements() {
            return (int) items.stream().filter(i -> i.recheckOutcome() != null && !i.recheckOutcome().equals(i.originalOutcome())).count();
        }

        /** disagreements / rechecked, 4 decimals; null before any re-check. */
        public BigDecimal errorRate() {
            int n = rechecked();
            return n == 0 ? null : BigDecimal.valueOf(disagreements()).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP);
        }
    }

    /** One rule and knowledge point's findings and what reviewers made of them. */
    public record RuleOutcome(String ruleCode, String knowledgePointId, long findings, long confirmed, long dismissed, long open,
                              BigDecimal confirmedShare) {
    }

    /** The figures of one region, rule and month (YYYY-MM). */
    public record MonthFigures(String region, String ruleCode, String month, long findings, long confirmed, long dismissed,
                               long decided, BigDecimal recovered, BigDecimal fines) {
    }

    private final AuditLog audit;
    private final Outbox outbox;
    private final BusinessClock clock;
    private final WorkingDayCalendar calendar;
    private final MonitoringConfig.Review days;
    private final ObjectMapper json;
    private final DataSource dataSource;

    public ReviewService(AuditLog audit, Outbox outbox, BusinessClock clock, WorkingDayCalendar calendar, MonitoringConfig config,
                         ObjectMapper json, DataSource dataSource) {
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.calendar = calendar;
        this.days = config.review();
        this.json = json;
        this.dataSource = dataSource;
    }

    /** A page of the cases in the caller's region; {@code overdue} = staff steps past their deadline, oldest deadline first. */
    @WithSession
    public Uni<PageView<ReviewCase>> list(Caller staff, ReviewStatus status, boolean overdue, String assignee, PageRequest paging) {
        StringBuilder q = new StringBuilder("admdvs like :region");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("region", staff.scope().likePattern());
        if (status != null) {
            q.append(" and status = :status");
            p.put("status", status);
        }
        if (overdue) {
            q.append(" and status in :staffSteps and stepDue < :today");
            p.put("staffSteps", staffSteps());
            p.put("today", clock.today());
        }
        if (assignee != null) {
            q.append(" and assignee = :assignee");
            p.put("assignee", assignee);
        }
        String order = overdue ? " order by stepDue, createdAt, id" : " order by createdAt desc, id";
        return ReviewCase.count(q.toString(), p).chain(n -> ReviewCase.<ReviewCase>find(q + order, p)
                .page(paging.panache()).list().map(l -> PageView.of(l, paging, n)));
    }

    private static List<ReviewStatus> staffSteps() {
        List<ReviewStatus> out = new ArrayList<>();
        for (ReviewStatus s : ReviewStatus.values()) {
            if (s.staffStep()) {
                out.add(s);
            }
        }
        return out;
    }

    /** A page of the reminders of cases in the caller's region assigned to the caller or to nobody, newest first. */
    @WithSession
    public Uni<PageView<ReviewReminder>> reminders(Caller staff, PageRequest paging) {
        String q = "caseId in (select r.id from ReviewCase r where r.admdvs like ?1 and (r.assignee is null or r.assignee = ?2))";
        Object[] p = {staff.scope().likePattern(), staff.username()};
        return ReviewReminder.count(q, p).chain(n -> ReviewReminder.<ReviewReminder>find(q + " order by createdAt desc, id", p)
                .page(paging.panache()).list().map(l -> PageView.of(l, paging, n)));
    }

    @WithSession
    public Uni<ReviewCase> get(Caller staff, UUID id) {
        return visible(staff, id);
    }

    /** A page of the cases of the caller's own institution that concern it (appeal, investigation, decision), newest first. */
    @WithSession
    public Uni<PageView<ReviewCase>> ofInstitution(Caller system, PageRequest paging) {
        String q = "fixmedinsCode = ?1 and status in ?2";
        Object[] p = {institution(system), List.of(ReviewStatus.APPEAL_OPEN, ReviewStatus.STATEMENT, ReviewStatus.INVESTIGATION,
                ReviewStatus.DECISION, ReviewStatus.DECIDED)};
        return ReviewCase.count(q, p).chain(n -> ReviewCase.<ReviewCase>find(q + " order by createdAt desc, id", p)
                .page(paging.panache()).list().map(l -> PageView.of(l, paging, n)));
    }

    @WithTransaction
    public Uni<ReviewCase> assign(Caller staff, UUID id, String assignee) {
        return change(staff, id, "review.assigned", c -> {
            requireOpen(c);
            if (c.status == ReviewStatus.SECOND_REVIEW && assignee.equals(c.firstReviewer)) {
                throw new DomainException.AccessDenied("Separation of duties: the second review must be by another auditor than the first.");
            }
            c.assignee = assignee;
        });
    }

    /** 初审: confirm or dismiss; the case goes to second review either way. */
    @WithTransaction
    public Uni<ReviewCase> firstReview(Caller staff, UUID id, Outcome outcome, String reason) {
        return change(staff, id, "review.first-reviewed", c -> {
            requireStatus(c, ReviewStatus.FIRST_REVIEW);
            c.firstReviewer = staff.username();
            c.firstReviewerSubject = staff.subject();
            c.firstOutcome = outcome.name();
            c.firstReason = reason;
            c.firstAt = clock.now();
            // the case is free for a second reviewer: the first may not take it (SECOND_REVIEW refuses them)
            c.assignee = null;
            step(c, ReviewStatus.SECOND_REVIEW, days.secondReviewDays());
        });
    }

    /**
     * 复审 by another auditor: confirm (the institution may then appeal) or dismiss (closed). A dismissal may suppress
     * the same rule and knowledge point's hits at this institution in later runs (its reason is recorded with it).
     */
    @WithTransaction
    public Uni<ReviewCase> secondReview(Caller staff, UUID id, Outcome outcome, String reason, boolean suppressSimilar) {
        if (suppressSimilar && outcome != Outcome.DISMISSED) {
            return Uni.createFrom().failure(new DomainException.InvalidField("suppressSimilar", "only a dismissal suppresses later hits"));
        }
        return change(staff, id, "review.second-reviewed", c -> {
            requireStatus(c, ReviewStatus.SECOND_REVIEW);
            SeparationOfDuties.requireDifferentPerson(staff, earlier(staff, c.firstReviewerSubject, c.firstReviewer),
                    "the second review must be by another auditor than the first");
            c.secondReviewer = staff.username();
            c.secondReviewerSubject = staff.subject();
            c.secondOutcome = outcome.name();
            c.secondReason = reason;
            c.secondAt = clock.now();
            if (outcome == Outcome.CONFIRMED) {
                step(c, ReviewStatus.APPEAL_OPEN, days.appealDays());
            } else {
                close(c, ReviewStatus.DISMISSED, "dismissed at second review: " + reason);
            }
        }).call(c -> !suppressSimilar ? Uni.createFrom().voidItem()
                : HitSuppression.count("ruleCode = ?1 and knowledgePointId = ?2 and fixmedinsCode = ?3", c.ruleCode,
                        c.knowledgePointId, c.fixmedinsCode).chain(n -> {
                    if (n > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    HitSuppression h = new HitSuppression();
                    h.id = UUID.randomUUID();
                    h.ruleCode = c.ruleCode;
                    h.knowledgePointId = c.knowledgePointId;
                    h.fixmedinsCode = c.fixmedinsCode;
                    h.caseId = c.id;
                    h.reason = reason;
                    h.createdBy = staff.username();
                    h.createdAt = clock.now();
                    return h.persist().call(x -> audit.record(staff, "review.suppressed", "hit-suppression", h.id.toString(), null,
                            Map.of("ruleCode", h.ruleCode, "knowledgePointId", h.knowledgePointId, "fixmedinsCode", h.fixmedinsCode,
                                    "caseId", c.id.toString(), "reason", reason))).replaceWithVoid();
                }));
    }

    /** 申诉: the institution's appeal with documents, within the appeal period; the case goes to investigation. */
    @WithTransaction
    public Uni<ReviewCase> appeal(Caller system, UUID id, String text, List<Document> documents) {
        String own = institution(system);
        return ReviewCase.<ReviewCase>findById(id).chain(c -> {
            if (c == null || !own.equals(c.fixmedinsCode)) {
                throw new DomainException.RecordNotFound("No review case " + id + " of institution " + own + ".");
            }
            requireStatus(c, ReviewStatus.APPEAL_OPEN);
            if (clock.today().isAfter(c.stepDue)) {
                throw new DomainException.StateConflict("The appeal period of case " + id + " ended on " + c.stepDue + ".");
            }
            Map<String, Object> before = snapshot(c);
            List<Map<String, Object>> stored = new ArrayList<>();
            List<ReviewDocument> rows = new ArrayList<>();
            for (Document d : documents) {
                ReviewDocument row = ReviewDocument.of(c.id, d, system.username(), clock.now());
                rows.add(row);
                stored.add(Map.of("id", row.id.toString(), "name", row.name, "mediaType", row.mediaType, "sizeBytes", row.sizeBytes,
                        "sha256", row.sha256));
            }
            c.appealText = text;
            c.appealDocuments = write(Map.of("documents", stored)); // a JSON object: the reactive client maps jsonb to objects
            c.appealedAt = clock.now();
            step(c, ReviewStatus.INVESTIGATION, days.investigationDays());
            // no documents is allowed: persisting an empty batch is not
            Uni<Void> saved = rows.isEmpty() ? Uni.createFrom().voidItem() : ReviewDocument.persist(rows);
            return saved.replaceWith(c)
                    .call(x -> audit.record(system, "review.appealed", "review-case", c.id.toString(), before, snapshot(c)));
        });
    }

    /**
     * 调查核实: confirmed with the fund loss to recover, or unfounded (closed). From investigation (after an appeal) or
     * from the appeal step once its period has ended without one.
     */
    @WithTransaction
    public Uni<ReviewCase> investigate(Caller staff, UUID id, Outcome outcome, BigDecimal fundLoss, String note, String appealAnswer) {
        boolean confirmed = outcome == Outcome.CONFIRMED;
        return change(staff, id, "review.investigated", c -> {
            if (c.status == ReviewStatus.APPEAL_OPEN && !clock.today().isAfter(c.stepDue)) {
                throw new DomainException.StateConflict("Case " + id + " is open to the institution's appeal until " + c.stepDue + ".");
            }
            if (c.status != ReviewStatus.APPEAL_OPEN) {
                requireStatus(c, ReviewStatus.INVESTIGATION);
            }
            if (confirmed && fundLoss == null) {
                throw new DomainException.InvalidField("fundLoss", "a confirmed violation needs the fund loss to recover");
            }
            if (confirmed && c.appealedAt != null && (appealAnswer == null || appealAnswer.isBlank())) {
                throw new DomainException.InvalidField("appealAnswer", "say why the institution's appeal does not hold; the institution sees it");
            }
            c.appealAnswer = c.appealedAt == null ? null : appealAnswer;
            c.investigator = staff.username();
            c.investigationNote = note;
            c.fundLoss = confirmed ? fundLoss : null;
            c.investigatedAt = clock.now();
            if (confirmed) {
                step(c, ReviewStatus.DECISION, days.decisionDays());
            } else {
                close(c, ReviewStatus.DISMISSED, "unfounded on investigation: " + note);
            }
        });
    }

    /**
     * 处理: the handling decision drafted, its fields checked against each other; the institution may now state and
     * defend (陈述申辩). A draft already sent may be corrected until the decision is final: the correction replaces it,
     * the institution's statement on the earlier draft stays in the audit trail, and a new statement period begins
     * (行政处罚法 art. 44–45: the party is heard on the decision that will be made).
     */
    @WithTransaction
    public Uni<ReviewCase> draftDecision(Caller staff, UUID id, Draft draft) {
        draft.decision().checkConsistent("decision.");
        return visible(staff, id).chain(c -> {
            boolean correction = c.status == ReviewStatus.STATEMENT;
            if (!correction) {
                requireStatus(c, ReviewStatus.DECISION);
            }
            Map<String, Object> before = snapshot(c);
            if (correction) {
                before.put("draft", c.decision);
                before.put("statementText", c.statementText);
            }
            c.decision = write(draft);
            c.decisionDraftedBy = staff.username();
            c.draftRevision = correction ? c.draftRevision + 1 : 1;
            c.statementText = null;
            c.statementAt = null;
            step(c, ReviewStatus.STATEMENT, days.statementDays());
            return audit.record(staff, correction ? "review.decision-corrected" : "review.decision-drafted", "review-case",
                    c.id.toString(), before, snapshot(c)).replaceWith(c);
        });
    }

    /** 陈述申辩: the institution's statement against the draft, within its period. */
    @WithTransaction
    public Uni<ReviewCase> statement(Caller system, UUID id, String text) {
        String own = institution(system);
        return ReviewCase.<ReviewCase>findById(id).chain(c -> {
            if (c == null || !own.equals(c.fixmedinsCode)) {
                throw new DomainException.RecordNotFound("No review case " + id + " of institution " + own + ".");
            }
            requireStatus(c, ReviewStatus.STATEMENT);
            if (clock.today().isAfter(c.stepDue)) {
                throw new DomainException.StateConflict("The statement period of case " + id + " ended on " + c.stepDue + ".");
            }
            if (c.statementAt != null) {
                throw new DomainException.StateConflict("Case " + id + " already has the institution's statement.");
            }
            Map<String, Object> before = snapshot(c);
            c.statementText = text;
            c.statementAt = clock.now();
            return audit.record(system, "review.statement", "review-case", c.id.toString(), before, snapshot(c)).replaceWith(c);
        });
    }

    /**
     * The decision made final — after the institution's statement or once its period has ended — and published as
     * {@code violation.decided.v1}. A revised decision may replace the draft (after hearing the statement).
     */
    @WithTransaction
    public Uni<ReviewCase> finalDecision(Caller staff, UUID id, Draft revised) {
        if (revised != null) {
            revised.decision().checkConsistent("revised.decision.");
        }
        return visible(staff, id).chain(c -> {
            requireStatus(c, ReviewStatus.STATEMENT);
            if (c.statementAt == null && !clock.today().isAfter(c.stepDue)) {
                throw new DomainException.StateConflict("The institution may state and defend until " + c.stepDue
                        + "; the decision becomes final after its statement or after that day.");
            }
            Map<String, Object> before = snapshot(c);
            if (revised != null) {
                List<Problem.FieldError> heavier = heavier(revised, read(c.decision));
                if (!heavier.isEmpty()) {
                    throw new DomainException.InvalidFields("The final decision may not be heavier than the draft the institution "
                            + "was heard on (行政处罚法 art. 44–45): correct the draft (POST …/reviews/" + id
                            + "/decision), which starts a new statement period.", heavier);
                }
            }
            Draft draft = revised != null ? revised : read(c.decision);
            if (revised != null) {
                c.decision = write(revised);
            }
            c.decidedBy = staff.username();
            c.decidedAt = clock.now();
            close(c, ReviewStatus.DECIDED, null);
            ViolationDecided event = draft.decision().event("MONITORING", c.findingId.toString(), c.decidedAt, c.admdvs,
                    new ViolationDecided.Institution(c.fixmedinsCode, draft.institutionName()), c.fundLoss,
                    DecisionRequest.persons(draft.responsiblePersons()));
            c.decisionId = UUID.fromString(event.decisionId());
            return outbox.append(ViolationDecided.TYPE, event.decisionId(), event)
                    .call(x -> audit.record(staff, "review.decided", "review-case", c.id.toString(), before, snapshot(c)))
                    .replaceWith(c);
        });
    }

    /**
     * Where {@code revised} is heavier than the draft {@code heard}: the decision by service-kit's
     * {@link DecisionSeverity} ordering, and a responsible person not named in the draft or at a higher level of
     * responsibility (一般 &lt; 重要 &lt; 主要; their points follow the decision).
     */
    static List<Problem.FieldError> heavier(Draft revised, Draft heard) {
        List<Problem.FieldError> out = new ArrayList<>(DecisionSeverity.heavier(revised.decision(), heard.decision(), "revised.decision."));
        List<DecisionRequest.ResponsiblePerson> persons = revised.responsiblePersons() == null ? List.of() : revised.responsiblePersons();
        List<DecisionRequest.ResponsiblePerson> named = heard.responsiblePersons() == null ? List.of() : heard.responsiblePersons();
        for (int i = 0; i < persons.size(); i++) {
            DecisionRequest.ResponsiblePerson p = persons.get(i);
            boolean covered = named.stream().anyMatch(h -> h.nationalCode().equals(p.nationalCode())
                    && h.responsibilityLevel().compareTo(p.responsibilityLevel()) >= 0);
            if (!covered) {
                out.add(new Problem.FieldError("revised.responsiblePersons[" + i + "]",
                        "not named in the draft at this level of responsibility"));
            }
        }
        return out;
    }

    /** An appeal document of a case in the auditor's region. */
    @WithSession
    public Uni<ReviewDocument> document(Caller staff, UUID caseId, UUID documentId) {
        return visible(staff, caseId).chain(c -> documentOf(c, documentId));
    }

    /** An appeal document of a case of the caller's own institution. */
    @WithSession
    public Uni<ReviewDocument> institutionDocument(Caller system, UUID caseId, UUID documentId) {
        return own(system, caseId).chain(c -> documentOf(c, documentId));
    }

    /** A case of the caller's own institution (404 for any other). */
    @WithSession
    public Uni<ReviewCase> ofOwn(Caller system, UUID caseId) {
        return own(system, caseId);
    }

    private Uni<ReviewCase> own(Caller system, UUID caseId) {
        String own = institution(system);
        return ReviewCase.<ReviewCase>findById(caseId).map(c -> {
            if (c == null || !own.equals(c.fixmedinsCode)) {
                throw new DomainException.RecordNotFound("No review case " + caseId + " of institution " + own + ".");
            }
            return c;
        });
    }

    private static Uni<ReviewDocument> documentOf(ReviewCase c, UUID documentId) {
        return ReviewDocument.<ReviewDocument>find("id = ?1 and caseId = ?2", documentId, c.id).firstResult().map(d -> {
            if (d == null) {
                throw new DomainException.RecordNotFound("No document " + documentId + " of review case " + c.id + ".");
            }
            return d;
        });
    }

    // ------------------------------------------------------------------------------------------------ blocking, JDBC

    /**
     * Opens a review case for each finding the screening job found first (a finding has one case, however often it is
     * found): a suspect at first review, a definite violation at the institution's appeal step. Answers how many. Blocking.
     */
    public int openCases(UUID jobId, String region) throws SQLException {
        return JdbcTransaction.run(dataSource, tx -> ReviewCaseStore.openForJob(tx, jobId, region,
                initialDue(ReviewStatus.APPEAL_OPEN), initialDue(ReviewStatus.FIRST_REVIEW), clock.now()));
    }

    /** Writes the reminders now due, and one audit entry for them, in one transaction; answers how many. Blocking. */
    public int remind() throws SQLException {
        LocalDate today = clock.today();
        return JdbcTransaction.run(dataSource, tx -> {
            List<String> created = ReviewCaseStore.remind(tx, today, calendar.addWorkingDays(today, days.remindDaysBefore()), clock.now());
            if (!created.isEmpty()) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("reminders", created.size());
                after.put("cases", created.subList(0, Math.min(created.size(), 50)));
                audit.record(tx, Caller.system("review-reminders"), "review.reminded", "review-reminder", today.toString(), null, after);
            }
            return created.size();
        });
    }

    /** Draws a sample of the region's second-reviewed cases; stored and audited in one transaction. Blocking. */
    public Sample drawSample(Caller staff, String region, SampleMethod method, int size, Long seed) throws SQLException {
        if (!staff.scope().canSee(region)) {
            throw new DomainException.AccessDenied("Region " + region + " is outside your region.");
        }
        long drawSeed = seed == null ? System.nanoTime() : seed;
        UUID id = UUID.randomUUID();
        return JdbcTransaction.run(dataSource, tx -> {
            int drawn = SamplingStore.draw(tx, id, region, method, size, drawSeed, staff.username(), clock.now());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("region", region);
            after.put("method", method.name());
            after.put("size", drawn);
            audit.record(tx, staff, "review.sample-drawn", "review-sample", id.toString(), null, after);
            return SamplingQueries.sample(tx, id);
        });
    }

    /** A sample of the caller's region. Blocking. */
    public Sample sample(Caller staff, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return visibleSample(staff, c, id);
        }
    }

    /** The re-check of a sampled case by an auditor who did neither review; recorded and audited in one transaction. Blocking. */
    public Sample recheck(Caller staff, UUID id, UUID caseId, Outcome outcome, String reason) throws SQLException {
        return JdbcTransaction.run(dataSource, tx -> {
            visibleSample(staff, tx, id);
            SamplingQueries.SampledCase sampled = SamplingQueries.sampledCase(tx, id, caseId);
            if (sampled == null) {
                throw new DomainException.RecordNotFound("Case " + caseId + " is not in sample " + id + ".");
            }
            String rule = "a re-check is by an auditor who did not review the case";
            SeparationOfDuties.requireDifferentPerson(staff, earlier(staff, sampled.firstReviewerSubject(), sampled.firstReviewer()), rule);
            SeparationOfDuties.requireDifferentPerson(staff, earlier(staff, sampled.secondReviewerSubject(), sampled.secondReviewer()), rule);
            if (sampled.recheckOutcome() != null
                    || !SamplingStore.recheck(tx, id, caseId, outcome.name(), reason, staff.username(), clock.now())) {
                throw new DomainException.StateConflict("Case " + caseId + " is already re-checked in this sample.");
            }
            audit.record(tx, staff, "review.rechecked", "review-sample", id.toString(), null,
                    new LinkedHashMap<>(Map.of("caseId", caseId.toString(), "outcome", outcome.name())));
            return SamplingQueries.sample(tx, id);
        });
    }

    private static Sample visibleSample(Caller staff, Connection c, UUID id) throws SQLException {
        Sample s = SamplingQueries.sample(c, id);
        if (s == null || !staff.scope().canSee(s.region())) {
            throw new DomainException.RecordNotFound("No review sample " + id + " in your region.");
        }
        return s;
    }

    /** Reviewers' outcomes per rule and knowledge point of the findings in {@code scope}, most findings first. Blocking. */
    public List<RuleOutcome> ruleOutcomes(RegionScope scope) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return OutcomeQueries.outcomes(c, scope.likePattern());
        }
    }

    /**
     * The caller's region's figures by region, rule and month: of the findings found from {@code from} to {@code to},
     * and/or of the claims settled ({@code setl_time}) from {@code claimFrom} to {@code claimTo} (each pair whole or
     * absent, at least one given; with a claim period the month is the claim's). Blocking.
     */
    public List<MonthFigures> statistics(Caller staff, LocalDate from, LocalDate to, LocalDate claimFrom, LocalDate claimTo)
            throws SQLException {
        List<Problem.FieldError> errors = new ArrayList<>();
        pair(errors, "from", from, "to", to);
        pair(errors, "claimPeriodFrom", claimFrom, "claimPeriodTo", claimTo);
        if (errors.isEmpty() && from == null && claimFrom == null) {
            errors.add(new Problem.FieldError("from", "give the period found (from, to) or the claim period (claimPeriodFrom, claimPeriodTo)"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidFields(errors);
        }
        try (Connection c = dataSource.getConnection()) {
            return OutcomeQueries.statistics(c, staff.scope().likePattern(), from, to, claimFrom, claimTo);
        }
    }

    private static void pair(List<Problem.FieldError> errors, String fromName, LocalDate from, String toName, LocalDate to) {
        if (from == null && to != null) {
            errors.add(new Problem.FieldError(fromName, "is required with " + toName));
        } else if (from != null && to == null) {
            errors.add(new Problem.FieldError(toName, "is required with " + fromName));
        } else if (from != null && to.isBefore(from)) {
            errors.add(new Problem.FieldError(toName, "must not be before " + fromName));
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private interface Step {
        void apply(ReviewCase c);
    }

    private Uni<ReviewCase> change(Caller staff, UUID id, String action, Step step) {
        return visible(staff, id).chain(c -> {
            Map<String, Object> before = snapshot(c);
            step.apply(c);
            return audit.record(staff, action, "review-case", c.id.toString(), before, snapshot(c)).replaceWith(c);
        });
    }

    private Uni<ReviewCase> visible(Caller staff, UUID id) {
        return ReviewCase.<ReviewCase>findById(id).map(c -> {
            if (c == null || !staff.scope().canSee(c.admdvs)) {
                throw new DomainException.RecordNotFound("No review case " + id + " in your region.");
            }
            return c;
        });
    }

    /**
     * The subject of the person who took an earlier step: its recorded subject, or — for a step recorded before subjects
     * were kept — the caller's own subject when the recorded username is the caller's.
     */
    private static String earlier(Caller staff, String subject, String username) {
        if (subject != null) {
            return subject;
        }
        return username != null && username.equals(staff.username()) ? staff.subject() : null;
    }

    private static String institution(Caller system) {
        if (system.institution() == null) {
            throw new DomainException.AccessDenied("Only an institution's own system account may do this.");
        }
        return system.institution();
    }

    /** The next step, due {@code dueInWorkingDays} working days after today (business time, holidays and 调休 counted). */
    private void step(ReviewCase c, ReviewStatus next, int dueInWorkingDays) {
        c.status = next;
        c.stepDue = calendar.addWorkingDays(clock.today(), dueInWorkingDays);
    }

    private static void close(ReviewCase c, ReviewStatus end, String reason) {
        c.status = end;
        c.stepDue = null;
        c.closedReason = reason;
    }

    private static void requireStatus(ReviewCase c, ReviewStatus expected) {
        if (c.status != expected) {
            throw new DomainException.StateConflict("Case " + c.id + " is at " + c.status + ", not " + expected + ".");
        }
    }

    private static void requireOpen(ReviewCase c) {
        if (c.status.closed()) {
            throw new DomainException.StateConflict("Case " + c.id + " is closed (" + c.status + ").");
        }
    }

    /** Initial step and deadline of a new case: a suspect is reviewed first, a definite violation goes to the institution. */
    public static ReviewStatus initialStatus(String resultType) {
        return "DEFINITE".equals(resultType) ? ReviewStatus.APPEAL_OPEN : ReviewStatus.FIRST_REVIEW;
    }

    public LocalDate initialDue(ReviewStatus status) {
        return calendar.addWorkingDays(clock.today(), status == ReviewStatus.APPEAL_OPEN ? days.appealDays() : days.firstReviewDays());
    }

    private static Map<String, Object> snapshot(ReviewCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", c.status.name());
        m.put("stepDue", c.stepDue == null ? null : c.stepDue.toString());
        m.put("assignee", c.assignee);
        m.put("firstReviewer", c.firstReviewer);
        m.put("firstOutcome", c.firstOutcome);
        m.put("secondReviewer", c.secondReviewer);
        m.put("secondOutcome", c.secondOutcome);
        m.put("appealed", c.appealedAt != null);
        m.put("fundLoss", c.fundLoss == null ? null : c.fundLoss.toPlainString());
        m.put("statement", c.statementAt != null);
        m.put("draftRevision", c.draftRevision);
        m.put("decisionId", c.decisionId == null ? null : c.decisionId.toString());
        return m;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Draft read(String text) {
        try {
            return json.readValue(text, Draft.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored draft decision is unreadable", e);
        }
    }
}
