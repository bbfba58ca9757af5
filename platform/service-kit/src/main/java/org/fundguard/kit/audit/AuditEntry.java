package org.fundguard.kit.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One audited state change: who (subject, username, agency, region), what, when, request id, before and after. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    public OffsetDateTime at;

    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "actor_username")
    public String actorUsername;

    @Column(name = "actor_agency")
    public String actorAgency;

    @Column(name = "actor_region")
    public String actorRegion;

    public String action;

    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "entity_id")
    public String entityId;

    @Column(name = "request_id")
    public String requestId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state")
    public String before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state")
    public String after;
}
