package org.fundguard.monitoring.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A document an institution sent with its appeal (table {@code review_document}); kept whole with its SHA-256. */
@Entity
@Table(name = "review_document")
public class ReviewDocument extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    /** The name shown: service-kit's safe display name. */
    public String name;
    /** The name as sent. */
    @Column(name = "original_name")
    public String originalName;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "size_bytes")
    public int sizeBytes;
    public String sha256;
    public byte[] content;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;

    static ReviewDocument of(UUID caseId, ReviewService.Document d, String by, OffsetDateTime at) {
        ReviewDocument r = new ReviewDocument();
        r.id = UUID.randomUUID();
        r.caseId = caseId;
        r.name = d.name();
        r.originalName = d.originalName();
        r.mediaType = d.mediaType();
        r.sizeBytes = d.content().length;
        r.sha256 = d.sha256();
        r.content = d.content();
        r.uploadedBy = by;
        r.uploadedAt = at;
        return r;
    }
}
