package org.fundguard.qualification.credit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An institution's evaluation of one year: score, grade, inspection frequency and the explanation (JSON). */
@Entity
@Table(name = "credit_evaluation")
public class CreditEvaluationRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "fixmedins_code")
    public String fixmedinsCode;

    public int year;

    public String region;

    @Column(name = "catalogue_id")
    public String catalogueId;

    public int score;

    @Column(name = "score_grade")
    public String scoreGrade;

    public String grade;

    @Column(name = "forced_reason")
    public String forcedReason;

    @Column(name = "inspections_per_year")
    public int inspectionsPerYear;

    @Column(columnDefinition = "text")
    public String explanation;

    @Column(name = "evaluated_at")
    public OffsetDateTime evaluatedAt;

    @Column(name = "evaluated_by")
    public String evaluatedBy;
}
