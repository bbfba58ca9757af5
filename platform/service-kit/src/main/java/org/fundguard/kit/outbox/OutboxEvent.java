package org.fundguard.kit.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event waiting in the outbox (or already sent): written in the same transaction as the change it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Publication order; assigned by the database. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String type;
    public String source;
    public String subject;
    public String topic;

    @Column(name = "event_time")
    public OffsetDateTime time;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
