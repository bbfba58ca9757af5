package org.fundguard.monitoring.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A rule's hits at an institution that later runs leave out, recorded when a reviewer dismissed one with a reason. */
@Entity
@Table(name = "hit_suppression")
public class HitSuppression extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "rule_code")
    public String ruleCode;
    @Column(name = "knowledge_point_id")
    public String knowledgePointId;
    @Column(name = "fixmedins_code")
    public String fixmedinsCode;
    @Column(name = "case_id")
    public UUID caseId;
    public String reason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
