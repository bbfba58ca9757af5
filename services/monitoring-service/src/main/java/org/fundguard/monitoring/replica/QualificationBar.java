package org.fundguard.monitoring.replica;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A period in which a practitioner may not bill the fund, as qualification-service announced it. */
@Entity
@Table(name = "qualification_bar")
public class QualificationBar extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "practitioner_code")
    public String practitionerCode;

    @Column(name = "person_type")
    public String personType;

    /** SUSPENDED or TERMINATED ({@link org.fundguard.monitoring.engine.BarPeriod.Status}). */
    public String status;

    @Column(name = "from_date")
    public LocalDate fromDate;

    /** Last day barred, inclusive; null = open (a termination, until a restoration). */
    @Column(name = "to_date")
    public LocalDate toDate;

    @Column(name = "decision_id")
    public UUID decisionId;

    public String region;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
