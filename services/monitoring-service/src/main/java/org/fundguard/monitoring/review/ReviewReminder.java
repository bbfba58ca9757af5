package org.fundguard.monitoring.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A reminder of a staff step coming due (DUE_SOON) or past its deadline (OVERDUE); table {@code review_reminder}. */
@Entity
@Table(name = "review_reminder")
public class ReviewReminder extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    public String status;
    @Column(name = "step_due")
    public LocalDate stepDue;
    public String kind;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
