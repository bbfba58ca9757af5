package org.fundguard.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.fundguard.monitoring.knowledge.AppliesPer;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleKind;

/**
 * Writes a {@link KnowledgePoint} as one row of the import format ({@code KnowledgeImporter}'s JSON keys), the form in
 * which points are stored and shown, so that a stored point is read back through the importer's own checks.
 */
public final class KnowledgeRows {

    private KnowledgeRows() {
    }

    /** The whole row: common columns then the parameters of the point's rule kind. */
    public static Map<String, Object> row(KnowledgePoint kp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule_class", kp.ruleClass().code());
        m.put("kp_id", kp.id());
        m.put("version", kp.version());
        m.put("eff_from", kp.effectiveFrom().toString());
        if (kp.effectiveTo() != null) {
            m.put("eff_to", kp.effectiveTo().toString());
        }
        m.put("scope", kp.scope().admdvs());
        if (!kp.codes().isEmpty()) {
            m.put("codes", kp.codes());
        }
        if (kp.name() != null) {
            m.put("name", kp.name());
        }
        if (kp.evidence() != null) {
            m.put("evidence", kp.evidence());
        }
        m.put("enabled", kp.enabled());
        if (kp.sevDeg() != null) {
            m.put("sev_deg", kp.sevDeg().toString());
        }
        m.putAll(params(kp));
        return m;
    }

    /** The kind parameters only, by import column; absent ones are left out. */
    public static Map<String, Object> params(KnowledgePoint kp) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RuleKind.Param p : RuleKind.Param.values()) {
            if (!kp.ruleClass().kind().params().contains(p)) {
                continue;
            }
            Object v = switch (p) {
                case GEND -> kp.gend();
                case AGE_MIN -> kp.ageMin();
                case AGE_MAX -> kp.ageMax();
                case AGE_UNIT -> kp.ageMin() == null && kp.ageMax() == null ? null : kp.ageUnit().name();
                case INSUTYPES -> sorted(kp.insutypes());
                case MED_TYPES -> kp.medTypes();
                case EXEMPT_MED_TYPES -> kp.exemptMedTypes();
                case HOSP_LVS -> sorted(kp.hospLvs());
                case MAX_DAYS -> plain(kp.maxDays());
                case MAX_QTY -> plain(kp.maxQuantity());
                case FREQ_MAX -> plain(kp.freqMax());
                case FREQ_UNIT -> kp.freqUnit() == null ? null : kp.freqUnit().name();
                case FREQ_PERIOD -> kp.freqMax() == null ? null : kp.freqPeriod();
                case PAIRED_CODES -> kp.pairedCodes();
                case DIAG_CODES -> kp.diagnosisCodes();
                case PRICE_CAP -> plain(kp.priceCap());
                case WINDOW_DAYS -> kp.windowDays();
                case MAX_COUNT -> kp.maxCount();
                case EXEMPT_DIAG_CODES -> kp.exemptDiagnosisCodes();
                case SAME_INSTITUTION -> kp.sameInstitution() ? Boolean.TRUE : null;
                case TOLERANCE_DAYS -> kp.toleranceDays() == 0 ? null : kp.toleranceDays();
                case APPLIES_PER -> kp.appliesPer() == AppliesPer.VISIT ? null : kp.appliesPer().name();
            };
            if (v == null || (v instanceof Collection<?> c && c.isEmpty())) {
                continue;
            }
            m.put(p.column(), v);
        }
        return m;
    }

    private static List<String> sorted(Collection<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
