package org.fundguard.qualification.practitioner;

/**
 * Who is in scope (医保发〔2024〕23号): in designated medical institutions doctors, nurses, pharmacists, technicians and
 * staff who review fees or settle insurance; in designated pharmacies the main person in charge. The names are those of
 * {@code violation.decided.v1} and the {@code qualification.*} events.
 */
public enum PersonType {
    DOCTOR, NURSE, PHARMACIST, TECHNICIAN, FEE_REVIEWER, PHARMACY_PRINCIPAL
}
