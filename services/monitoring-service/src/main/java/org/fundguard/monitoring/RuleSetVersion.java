package org.fundguard.monitoring;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One change of the knowledge base (an import or an edit): the rule set compiled after it carries this number. */
@Entity
@Table(name = "rule_set_version")
public class RuleSetVersion extends PanacheEntityBase {

    @Id
    public int version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public String reason;

    public int changed;
}
