package org.fundguard.qualification.credit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An institution rated, with the region that keeps its rating and its agreement-end flag. */
@Entity
@Table(name = "credit_institution")
public class CreditInstitution extends PanacheEntityBase {

    @Id
    @Column(name = "fixmedins_code")
    public String fixmedinsCode;

    @Column(name = "fixmedins_name")
    public String fixmedinsName;

    public String region;

    @Column(name = "agreement_end_year")
    public Integer agreementEndYear;

    @Column(name = "agreement_end_at")
    public OffsetDateTime agreementEndAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
