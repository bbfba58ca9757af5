package org.fundguard.report;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A fraud report (举报) about an institution's or a person's conduct, owned by the region where it happened. */
@Entity
public class Report extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Administrative code of where the conduct happened; decides which bureau handles it and who may see it. */
    public String region;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    @Column(name = "institution_code")
    public String institutionCode;

    @Column(name = "institution_name")
    public String institutionName;

    public String conduct;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "received_by")
    public String receivedBy;
}
