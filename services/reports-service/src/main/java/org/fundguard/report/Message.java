package org.fundguard.report;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message between the reporter (through the receipt) and the bureau; stored and returned as inert text. */
@Entity
@Table(name = "report_message")
public class Message extends PanacheEntityBase {

    /** Who wrote: the reporter, a handler, or the service itself (notices). */
    public enum Author { REPORTER, HANDLER, BUREAU }

    @Id
    public UUID id;

    @Column(name = "report_id")
    public UUID reportId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Author author;

    public String body;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}
