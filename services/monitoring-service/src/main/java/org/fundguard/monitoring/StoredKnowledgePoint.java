package org.fundguard.monitoring;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One version of a knowledge point as stored; {@code body} is the point in the import format. Never updated. */
@Entity
@Table(name = "knowledge_point")
public class StoredKnowledgePoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "rule_class")
    public String ruleClass;

    @Column(name = "kp_id")
    public String kpId;

    public int version;

    public String scope;

    @Column(name = "eff_from")
    public LocalDate effFrom;

    @Column(name = "eff_to")
    public LocalDate effTo;

    public boolean enabled;

    @JdbcTypeCode(SqlTypes.JSON)
    public String body;

    @Column(name = "rule_set_version")
    public int ruleSetVersion;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public String source;
}
