package org.fundguard.bench.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Visit;

/**
 * The fact the Drools rules match: one fee line with the attributes of its visit, read from the very same {@link FeeLine}
 * and {@link Visit} objects FundGuard screens (no copy of the values), as JavaBean getters for DRL. Everything a rule
 * needs is on the one fact, so every rule is a single pattern: an alpha network only, no joins (Drools' best case).
 * Age is computed when a rule asks for it, at the fee date, exactly as FundGuard does.
 */
public final class LineFact {

    private final FeeLine line;
    private final Visit visit;
    private final LocalDate feeDate;

    public LineFact(FeeLine line, Visit visit) {
        this.line = line;
        this.visit = visit;
        this.feeDate = (line.feeOcurTime() != null ? line.feeOcurTime() : visit.begntime()).toLocalDate();
    }

    public String getCode() {
        return line.hilistCode();
    }

    public String getGend() {
        return visit.gend();
    }

    public LocalDate getBrdy() {
        return visit.brdy();
    }

    /** Completed years at the fee date (FundGuard: {@code AgeUnit.YEAR.ageAt(brdy, feeDate)}). */
    public long getAge() {
        return visit.brdy().until(feeDate, ChronoUnit.YEARS);
    }

    public String getInsutype() {
        return visit.insutype();
    }

    public String getMedType() {
        return visit.medType();
    }

    public String getHospLv() {
        return visit.hospLv();
    }

    public BigDecimal getPric() {
        return line.pric();
    }

    public BigDecimal getCnt() {
        return line.cnt();
    }

    public BigDecimal getPrdDays() {
        return line.prdDays();
    }
}
