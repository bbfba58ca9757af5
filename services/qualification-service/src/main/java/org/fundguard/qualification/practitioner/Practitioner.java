package org.fundguard.qualification.practitioner;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** One person's file (一人一档), keyed by the national code; the institutions are {@link PractitionerInstitution}. */
@Entity
public class Practitioner extends PanacheEntityBase {

    @Id
    @Column(name = "national_code")
    public String nationalCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "person_type")
    public PersonType personType;

    @Column(name = "psn_name")
    public String psnName;

    /** The administrative code of the bureau that keeps the file. */
    public String region;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
