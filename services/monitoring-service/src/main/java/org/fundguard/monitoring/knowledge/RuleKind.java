package org.fundguard.monitoring.knowledge;

import java.util.EnumSet;
import java.util.Set;

/**
 * The evaluator that applies a rule class's knowledge points, with the parameters its knowledge points may carry.
 *
 * <p>A <em>coded</em> kind is driven by the national codes a knowledge point lists (fee lines whose {@code hilist_code}
 * matches); the others apply to every visit or line of the region and list no codes ({@link #FREQUENT_VISITS} may list
 * codes to count only purchases of those drugs).
 */
public enum RuleKind {
    SEX(true, Param.GEND),
    AGE(true, Param.AGE_MIN, Param.AGE_MAX, Param.AGE_UNIT),
    INSURANCE_TYPE(true, Param.INSUTYPES),
    VISIT_TYPE(true, Param.MED_TYPES),
    INSTITUTION_LEVEL(true, Param.HOSP_LVS),
    PRICE_CAP(true, Param.PRICE_CAP),
    MAX_SUPPLY(true, Param.MAX_DAYS, Param.MAX_QTY),
    INDICATION(true, Param.DIAG_CODES),
    PAIR(true, Param.PAIRED_CODES, Param.APPLIES_PER),
    FREQUENCY(true, Param.FREQ_MAX, Param.FREQ_UNIT, Param.FREQ_PERIOD),
    PAYMENT_COURSE(true, Param.MAX_DAYS, Param.WINDOW_DAYS),
    FEE_DATE(false, Param.MED_TYPES, Param.TOLERANCE_DAYS),
    READMISSION(false, Param.MED_TYPES, Param.WINDOW_DAYS, Param.EXEMPT_DIAG_CODES),
    FREQUENT_VISITS(false, Param.MED_TYPES, Param.WINDOW_DAYS, Param.MAX_COUNT, Param.SAME_INSTITUTION),
    TRACE_CODE_REUSED(false),
    AFTER_DEATH(false, Param.TOLERANCE_DAYS),
    PRACTITIONER_BARRED(false, Param.EXEMPT_MED_TYPES),
    /** Knowledge points are kept in the base but no evaluator applies them yet. */
    NOT_IMPLEMENTED(false, Param.values());

    /** Kind-specific parameters of a knowledge point (column names of the import files). */
    public enum Param {
        GEND("gend"), AGE_MIN("age_min"), AGE_MAX("age_max"), AGE_UNIT("age_unit"), INSUTYPES("insutypes"),
        MED_TYPES("med_types"), EXEMPT_MED_TYPES("exempt_med_types"), HOSP_LVS("hosp_lvs"), MAX_DAYS("max_days"),
        MAX_QTY("max_qty"), FREQ_MAX("freq_max"), FREQ_UNIT("freq_unit"), FREQ_PERIOD("freq_period"),
        PAIRED_CODES("paired_codes"), DIAG_CODES("diag_codes"), PRICE_CAP("price_cap"), WINDOW_DAYS("window_days"),
        MAX_COUNT("max_count"), EXEMPT_DIAG_CODES("exempt_diag_codes"), SAME_INSTITUTION("same_institution"),
        TOLERANCE_DAYS("tolerance_days"), APPLIES_PER("applies_per");

        private final String column;

        Param(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    private final boolean coded;
    private final Set<Param> params;

    RuleKind(boolean coded, Param... params) {
        this.coded = coded;
        this.params = params.length == 0 ? EnumSet.noneOf(Param.class) : EnumSet.of(params[0], params);
    }

    /** True when knowledge points of this kind must list the national codes they cover. */
    public boolean coded() {
        return coded;
    }

    /** The parameters a knowledge point of this kind may carry. */
    public Set<Param> params() {
        return params;
    }
}
