package org.fundguard.qualification.practitioner;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of a file, as it was before and after (JSON of {@link FileSnapshot}); the audit log has it too. */
@Entity
@Table(name = "practitioner_change")
public class PractitionerChange extends PanacheEntityBase {

    /** What changed. */
    public enum Kind {
        CREATED, UPDATED, INSTITUTION_ADDED, INSTITUTION_CHANGED, INSTITUTION_ENDED
    }

    @Id
    public UUID id;

    @Column(name = "national_code")
    public String nationalCode;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    /** The token subject of who changed it ({@code system:<name>} for the service's own work). */
    @Column(name = "changed_by")
    public String changedBy;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @JdbcTypeCode(SqlTypes.JSON)
    public String before;

    @JdbcTypeCode(SqlTypes.JSON)
    public String after;
}
