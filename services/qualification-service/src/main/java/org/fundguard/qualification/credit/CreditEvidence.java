package org.fundguard.qualification.credit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An evidence file of an officer's deduction; its type was decided from its content by the kit's UploadChecker. */
@Entity
@Table(name = "credit_evidence")
public class CreditEvidence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "deduction_id")
    public UUID deductionId;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    @Column(name = "added_at")
    public OffsetDateTime addedAt;
}
