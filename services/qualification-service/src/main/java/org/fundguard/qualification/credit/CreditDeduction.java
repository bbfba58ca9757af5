package org.fundguard.qualification.credit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Points taken off one indicator of an institution's year, from a decision or by an officer with evidence. */
@Entity
@Table(name = "credit_deduction")
public class CreditDeduction extends PanacheEntityBase {

    public static final String FROM_DECISION = "DECISION";
    public static final String BY_OFFICER = "OFFICER";

    @Id
    public UUID id;

    @Column(name = "fixmedins_code")
    public String fixmedinsCode;

    public int year;

    @Column(name = "catalogue_id")
    public String catalogueId;

    @Column(name = "indicator_code")
    public String indicatorCode;

    public int points;

    public String origin;

    @Column(name = "decision_id")
    public String decisionId;

    public String reason;

    @Column(name = "serious_dishonesty")
    public boolean seriousDishonesty;

    @Column(name = "recorded_on")
    public LocalDate recordedOn;

    @Column(name = "repair_deadline")
    public LocalDate repairDeadline;

    @Column(name = "repaired_on")
    public LocalDate repairedOn;

    @Column(name = "repair_note")
    public String repairNote;

    @Column(name = "repaired_by")
    public String repairedBy;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
