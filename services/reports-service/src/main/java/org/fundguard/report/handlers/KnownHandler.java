package org.fundguard.report.handlers;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A report handler the service has seen sign in: username and the region of their token. */
@Entity
@Table(name = "report_handler")
public class KnownHandler extends PanacheEntityBase {

    @Id
    public String username;

    public String region;

    @Column(name = "first_seen_at")
    public OffsetDateTime firstSeenAt;

    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;
}
