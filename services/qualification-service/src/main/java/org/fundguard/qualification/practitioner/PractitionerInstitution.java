package org.fundguard.qualification.practitioner;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** An institution where a person practises ({@code fixmedins_code}); several per person are normal. */
@Entity
@Table(name = "practitioner_institution")
@IdClass(PractitionerInstitution.Key.class)
public class PractitionerInstitution extends PanacheEntityBase {

    @Id
    @Column(name = "national_code")
    public String nationalCode;

    @Id
    @Column(name = "fixmedins_code")
    public String fixmedinsCode;

    @Column(name = "fixmedins_name")
    public String fixmedinsName;

    /** The institution's administrative code. */
    public String admdvs;

    public LocalDate begndate;

    public LocalDate enddate;

    public static class Key implements Serializable {
        public String nationalCode;
        public String fixmedinsCode;

        public Key() {
        }

        public Key(String nationalCode, String fixmedinsCode) {
            this.nationalCode = nationalCode;
            this.fixmedinsCode = fixmedinsCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(nationalCode, k.nationalCode) && Objects.equals(fixmedinsCode, k.fixmedinsCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(nationalCode, fixmedinsCode);
        }
    }
}
