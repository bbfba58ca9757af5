package org.fundguard.monitoring.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The review of one finding, from first review to decision (table {@code review_case}). */
@Entity
@Table(name = "review_case")
public class ReviewCase extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "finding_id")
    public UUID findingId;
    public String admdvs;
    @Column(name = "fixmedins_code")
    public String fixmedinsCode;
    @Column(name = "rule_code")
    public String ruleCode;
    @Column(name = "knowledge_point_id")
    public String knowledgePointId;
    /** DEFINITE or SUSPECT, as the finding. */
    @Column(name = "result_type")
    public String resultType;
    public BigDecimal amount;
    @Enumerated(EnumType.STRING)
    public ReviewStatus status;
    /** Deadline of the current step (inclusive); null once closed. */
    @Column(name = "step_due")
    public LocalDate stepDue;
    public String assignee;
    @Column(name = "first_reviewer")
    public String firstReviewer;
    /** The first reviewer's token subject (for separation of duties; never shown). */
    @Column(name = "first_reviewer_subject")
    public String firstReviewerSubject;
    @Column(name = "first_outcome")
    public String firstOutcome;
    @Column(name = "first_reason")
    public String firstReason;
    @Column(name = "first_at")
    public OffsetDateTime firstAt;
    @Column(name = "second_reviewer")
    public String secondReviewer;
    /** The second reviewer's token subject (for separation of duties; never shown). */
    @Column(name = "second_reviewer_subject")
    public String secondReviewerSubject;
    @Column(name = "second_outcome")
    public String secondOutcome;
    @Column(name = "second_reason")
    public String secondReason;
    @Column(name = "second_at")
    public OffsetDateTime secondAt;
    @Column(name = "appeal_text")
    public String appealText;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "appeal_documents")
    public String appealDocuments;
    @Column(name = "appealed_at")
    public OffsetDateTime appealedAt;
    /** Why the institution's appeal did not hold, as the institution is told (the investigation note stays internal). */
    @Column(name = "appeal_answer")
    public String appealAnswer;
    public String investigator;
    @Column(name = "investigation_note")
    public String investigationNote;
    @Column(name = "fund_loss")
    public BigDecimal fundLoss;
    @Column(name = "investigated_at")
    public OffsetDateTime investigatedAt;
    /** The drafted decision ({@code DecisionRequest} and responsible persons) as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String decision;
    /** 1 for the first draft, +1 for each correction sent to the institution (each with its own statement period). */
    @Column(name = "draft_revision")
    public int draftRevision;
    @Column(name = "decision_drafted_by")
    public String decisionDraftedBy;
    @Column(name = "statement_text")
    public String statementText;
    @Column(name = "statement_at")
    public OffsetDateTime statementAt;
    @Column(name = "decision_id")
    public UUID decisionId;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "closed_reason")
    public String closedReason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public int version;
}
