package org.fundguard.monitoring.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.decision.DecisionRequest;
import org.fundguard.kit.decision.ViolationDecided;
import org.fundguard.kit.outbox.Outbox;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.Caller;
import org.fundguard.monitoring.MonitoringConfig;

import java.math.BigDecimal;
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
 * final decision publishes {@code violation.decided.v1} through the outbox in the same transaction.
 */
@ApplicationScoped
public class ReviewService {

    public enum Outcome { CONFIRM, DISMISS }

    /** A document sent with an appeal: name, media type (checked against its content) and bytes. */
    public record Document(String name, String mediaType, byte[] content) {
    }

    /** The decision as drafted: the handling decision, the institution's name on it and the persons responsible. */
    public record Draft(DecisionRequest decision, String institutionName, List<DecisionRequest.ResponsiblePerson> responsiblePersons) {
    }

    private final AuditLog audit;
    private final Outbox outbox;
    private final ReviewClock clock;
    private final MonitoringConfig.Review days;
    private final ObjectMapper json;

    public ReviewService(AuditLog audit, Outbox outbox, ReviewClock clock, MonitoringConfig config, ObjectMapper json) {
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.days = config.review();
        this.json = json;
    }

    /** A page of the cases in the caller's region; {@code overdue} = staff steps past their deadline, oldest deadline first. */
    @WithSession
    public Uni<List<ReviewCase>> list(Caller staff, ReviewStatus status, boolean overdue, String assignee, int page, int size,
                                      long[] total) {
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
        return ReviewCase.count(q.toString(), p).invoke(n -> total[0] = n)
                .chain(() -> ReviewCase.<ReviewCase>find(q + order, p).page(Page.of(page, size)).list());
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

    /** Reminders of cases in the caller's region assigned to the caller or to nobody, newest first (at most 200). */
    @WithSession
    public Uni<List<ReviewReminder>> reminders(Caller staff) {
        return ReviewReminder.<ReviewReminder>find("caseId in (select r.id from ReviewCase r where r.admdvs like ?1 "
                        + "and (r.assignee is null or r.assignee = ?2)) order by createdAt desc, id", staff.scope().likePattern(),
                staff.username()).page(Page.ofSize(200)).list();
    }

    @WithSession
    public Uni<ReviewCase> get(Caller staff, UUID id) {
        return visible(staff, id);
    }

    /** The open cases of the caller's own institution waiting for it (appeal or statement), newest first. */
    @WithSession
    public Uni<List<ReviewCase>> ofInstitution(Caller system) {
        return ReviewCase.<ReviewCase>find("fixmedinsCode = ?1 and status in ?2 order by createdAt desc, id",
                institution(system), List.of(ReviewStatus.APPEAL_OPEN, ReviewStatus.STATEMENT, ReviewStatus.INVESTIGATION,
                        ReviewStatus.DECISION, ReviewStatus.DECIDED)).page(Page.ofSize(200)).list();
    }

    @WithTransaction
    public Uni<ReviewCase> assign(Caller staff, UUID id, String assignee) {
        return change(staff, id, "review.assigned", c -> {
            requireOpen(c);
            c.assignee = assignee;
        });
    }

    /** 初审: confirm or dismiss; the case goes to second review either way. */
    @WithTransaction
    public Uni<ReviewCase> firstReview(Caller staff, UUID id, Outcome outcome, String reason) {
        return change(staff, id, "review.first-reviewed", c -> {
            requireStatus(c, ReviewStatus.FIRST_REVIEW);
            c.firstReviewer = staff.username();
            c.firstOutcome = outcome.name();
            c.firstReason = reason;
            c.firstAt = clock.now();
            step(c, ReviewStatus.SECOND_REVIEW, days.secondReviewDays());
        });
    }

    /**
     * 复审 by another auditor: confirm (the institution may then appeal) or dismiss (closed). A dismissal may suppress
     * the same rule and knowledge point's hits at this institution in later runs (its reason is recorded with it).
     */
    @WithTransaction
    public Uni<ReviewCase> secondReview(Caller staff, UUID id, Outcome outcome, String reason, boolean suppressSimilar) {
        if (suppressSimilar && outcome != Outcome.DISMISS) {
            return Uni.createFrom().failure(new DomainException.InvalidField("suppressSimilar", "only a dismissal suppresses later hits"));
        }
        return change(staff, id, "review.second-reviewed", c -> {
            requireStatus(c, ReviewStatus.SECOND_REVIEW);
            if (staff.username().equals(c.firstReviewer)) {
                throw new DomainException.AccessDenied("The second review must be by another auditor than the first ("
                        + c.firstReviewer + ").");
            }
            c.secondReviewer = staff.username();
            c.secondOutcome = outcome.name();
            c.secondReason = reason;
            c.secondAt = clock.now();
            if (outcome == Outcome.CONFIRM) {
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
            return ReviewDocument.persist(rows).replaceWith(c)
                    .call(x -> audit.record(system, "review.appealed", "review-case", c.id.toString(), before, snapshot(c)));
        });
    }

    /**
     * 调查核实: confirmed with the fund loss to recover, or unfounded (closed). From investigation (after an appeal) or
     * from the appeal step once its period has ended without one.
     */
    @WithTransaction
    public Uni<ReviewCase> investigate(Caller staff, UUID id, boolean confirmed, BigDecimal fundLoss, String note) {
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

    /** 处理: the handling decision drafted; the institution may now state and defend (陈述申辩). */
    @WithTransaction
    public Uni<ReviewCase> draftDecision(Caller staff, UUID id, Draft draft) {
        draft.decision().checkLegalRanges();
        return change(staff, id, "review.decision-drafted", c -> {
            requireStatus(c, ReviewStatus.DECISION);
            c.decision = write(draft);
            c.decisionDraftedBy = staff.username();
            step(c, ReviewStatus.STATEMENT, days.statementDays());
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
            revised.decision().checkLegalRanges();
        }
        return visible(staff, id).chain(c -> {
            requireStatus(c, ReviewStatus.STATEMENT);
            if (c.statementAt == null && !clock.today().isAfter(c.stepDue)) {
                throw new DomainException.StateConflict("The institution may state and defend until " + c.stepDue
                        + "; the decision becomes final after its statement or after that day.");
            }
            Map<String, Object> before = snapshot(c);
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
            return outbox.append("violation.decided.v1", event.decisionId(), event)
                    .call(x -> audit.record(staff, "review.decided", "review-case", c.id.toString(), before, snapshot(c)))
                    .replaceWith(c);
        });
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

    private static String institution(Caller system) {
        if (system.institution() == null) {
            throw new DomainException.AccessDenied("Only an institution's own system account may do this.");
        }
        return system.institution();
    }

    private void step(ReviewCase c, ReviewStatus next, int dueInDays) {
        c.status = next;
        c.stepDue = clock.today().plusDays(dueInDays);
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
        return clock.today().plusDays(status == ReviewStatus.APPEAL_OPEN ? days.appealDays() : days.firstReviewDays());
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
