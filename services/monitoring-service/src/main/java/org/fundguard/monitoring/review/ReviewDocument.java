package org.fundguard.monitoring.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

/** A document an institution sent with its appeal (table {@code review_document}); kept whole with its SHA-256. */
@Entity
@Table(name = "review_document")
public class ReviewDocument extends PanacheEntityBase {

    /** The kinds of document an appeal may carry, recognised by their first bytes, never by name. */
    public static final java.util.List<String> MEDIA_TYPES = java.util.List.of("application/pdf", "image/jpeg", "image/png");

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    public String name;
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
        r.mediaType = d.mediaType();
        r.sizeBytes = d.content().length;
        r.sha256 = sha256(d.content());
        r.content = d.content();
        r.uploadedBy = by;
        r.uploadedAt = at;
        return r;
    }

    /** The media type the content is, by its signature: PDF, JPEG or PNG; null for anything else. */
    public static String sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A
                && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
