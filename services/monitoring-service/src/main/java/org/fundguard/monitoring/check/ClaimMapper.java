package org.fundguard.monitoring.check;

import org.fundguard.kit.problem.DomainException;

import org.fundguard.kit.problem.Problem;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.Diagnosis;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a 3101/3102 message into the claims the engine screens, checking what the rules cannot do without and naming
 * each bad field by its path in the message ({@code input.data.patient_dtos[0].fsi_encounter_dtos[0].adm_date}).
 *
 * <p>Per patient, the encounter named by {@code curr_mdtrt_id} is screened; the other encounters are the patient's
 * history (分解住院, 频繁就诊, 限支付疗程). An encounter becomes a {@link Visit}: {@code patn_id} as psn_no (the institution's
 * own id, §9), the region from the envelope's {@code mdtrtarea_admvs} (else {@code medins_admdvs}, else
 * {@code poolarea}), {@code medins_lv} as hosp_lv, {@code adm_date}/{@code dscg_date} as the stay; each order
 * ({@code fsi_order_dtos[]}) a {@link FeeLine} keyed by {@code rx_id}, billed by {@code drord_dr_codg} (else the
 * encounter's {@code dr_codg}), dated {@code drord_begn_date} (else {@code adm_date}).
 *
 * <p>Required (the rest of the spec's 必填 fields are not enforced, §11 "warn, don't reject"): infno, fixmedins_code,
 * input.data, patient_dtos (non-empty); per patient patn_id, gend, brdy, curr_mdtrt_id naming one of its encounters;
 * per encounter mdtrt_id, med_type, adm_date; per order rx_id (unique in the encounter), hilist_code, cnt, pric, sumamt.
 *
 * <p>Refused as well: an order's {@code cnt}, {@code pric} or {@code sumamt} below zero (a prescription is not a refund,
 * and a negative line would be netted against another line of the same code and hide it from the rules) or with more
 * digits than the national field allows (cnt N16,4, pric N16,6, sumamt N16,2: e.g. {@code 1e308}); an encounter whose
 * {@code medins_id} is another institution than the message's {@code fixmedins_code}.
 */
public final class ClaimMapper {

    /** One patient's current visit to screen, with their earlier encounters. */
    public record Mapped(String patnId, Claim current, List<Claim> history) {
    }

    private static final Set<String> GEND = Set.of("0", "1", "2", "9");
    private static final Set<String> PRE = Set.of("1", "2", "3", "4", "5");
    private static final Set<String> IN = Set.of("6", "7", "8", "9", "10");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private ClaimMapper() {
    }

    /** Maps the message or throws {@link DomainException.InvalidFields} listing every bad field. */
    public static List<Mapped> map(String infno, CheckMessage m) {
        ClaimMapper mapper = new ClaimMapper();
        List<Mapped> out = mapper.run(infno, m);
        if (!mapper.errors.isEmpty()) {
            throw new DomainException.InvalidFields(mapper.errors);
        }
        return out;
    }

    private List<Mapped> run(String infno, CheckMessage m) {
        List<Mapped> out = new ArrayList<>();
        if (m == null) {
            error("body", "is required");
            return out;
        }
        if (blank(m.infno())) {
            error("infno", "is required");
        } else if (!m.infno().equals(infno)) {
            error("infno", "must be " + infno + " on this path");
        }
        if (blank(m.fixmedinsCode())) {
            error("fixmedins_code", "is required");
        }
        CheckMessage.Data data = m.input() == null ? null : m.input().data();
        if (data == null) {
            error("input.data", "is required");
            return out;
        }
        if (!blank(data.trigScen())) {
            Set<String> allowed = infno.equals("3101") ? PRE : IN;
            for (String s : data.trigScen().split(",")) {
                if (!allowed.contains(s.trim())) {
                    error("input.data.trig_scen", infno.equals("3101")
                            ? "must be 1–5 (事前) for 3101" : "must be 6–10 (事中) for 3102");
                    break;
                }
            }
        }
        if (data.patientDtos() == null || data.patientDtos().isEmpty()) {
            error("input.data.patient_dtos", "must list at least one patient");
            return out;
        }
        String region = firstNonBlank(m.mdtrtareaAdmvs());
        for (int p = 0; p < data.patientDtos().size(); p++) {
            CheckMessage.Patient pt = data.patientDtos().get(p);
            String at = "input.data.patient_dtos[" + p + "]";
            if (pt == null) {
                error(at, "is required");
                continue;
            }
            require(at + ".patn_id", pt.patnId());
            if (blank(pt.gend())) {
                error(at + ".gend", "is required");
            } else if (!GEND.contains(pt.gend())) {
                error(at + ".gend", "must be 0, 1, 2 or 9");
            }
            LocalDate brdy = date(at + ".brdy", pt.brdy(), true);
            require(at + ".curr_mdtrt_id", pt.currMdtrtId());
            List<CheckMessage.Encounter> encounters = pt.fsiEncounterDtos() == null ? List.of() : pt.fsiEncounterDtos();
            if (encounters.isEmpty()) {
                error(at + ".fsi_encounter_dtos", "must list at least the current encounter");
                continue;
            }
            Claim current = null;
            List<Claim> history = new ArrayList<>();
            for (int e = 0; e < encounters.size(); e++) {
                CheckMessage.Encounter enc = encounters.get(e);
                String eat = at + ".fsi_encounter_dtos[" + e + "]";
                if (enc == null) {
                    error(eat, "is required");
                    continue;
                }
                Claim c = claim(eat, m, pt, brdy, enc, region);
                if (enc.mdtrtId() != null && enc.mdtrtId().equals(pt.currMdtrtId())) {
                    current = c;
                } else {
                    history.add(c);
                }
            }
            if (current == null && !blank(pt.currMdtrtId())) {
                error(at + ".curr_mdtrt_id", "names no encounter of fsi_encounter_dtos");
            }
            out.add(new Mapped(pt.patnId(), current, history));
        }
        return out;
    }

    private Claim claim(String at, CheckMessage m, CheckMessage.Patient pt, LocalDate brdy, CheckMessage.Encounter enc,
                        String envelopeRegion) {
        require(at + ".mdtrt_id", enc.mdtrtId());
        require(at + ".med_type", enc.medType());
        LocalDateTime adm = dateTime(at + ".adm_date", enc.admDate(), true);
        LocalDateTime dscg = dateTime(at + ".dscg_date", enc.dscgDate(), false);
        List<Diagnosis> diagnoses = new ArrayList<>();
        List<CheckMessage.Diagnose> dx = enc.fsiDiagnoseDtos() == null ? List.of() : enc.fsiDiagnoseDtos();
        for (int d = 0; d < dx.size(); d++) {
            CheckMessage.Diagnose g = dx.get(d);
            if (g == null || blank(g.diseCodg())) {
                error(at + ".fsi_diagnose_dtos[" + d + "].dise_codg", "is required");
                continue;
            }
            diagnoses.add(new Diagnosis(g.diseCodg(), g.diseName(), "1".equals(g.maindiseFlag()) ? "1" : "0", null));
        }
        if (diagnoses.isEmpty() && !blank(enc.dscgMainDiseCodg())) {
            diagnoses.add(new Diagnosis(enc.dscgMainDiseCodg(), enc.dscgMainDiseName(), "1", null));
        }
        if (!blank(enc.medinsId()) && !blank(m.fixmedinsCode()) && !enc.medinsId().equals(m.fixmedinsCode())) {
            error(at + ".medins_id", "must be the message's fixmedins_code: an institution sends only its own encounters");
        }
        String region = firstNonBlank(envelopeRegion, enc.medinsAdmdvs(), pt.poolarea());
        String institution = firstNonBlank(enc.medinsId(), m.fixmedinsCode());
        Visit v = new Visit(enc.mdtrtId(), pt.patnId(), pt.gend(), brdy, enc.insutype(), enc.medType(), institution,
                enc.medinsLv(), region, firstNonBlank(m.insuplcAdmdvs(), pt.poolarea()), adm, dscg, diagnoses);
        List<FeeLine> lines = new ArrayList<>();
        List<CheckMessage.Order> orders = enc.fsiOrderDtos() == null ? List.of() : enc.fsiOrderDtos();
        Set<String> seen = new java.util.HashSet<>();
        for (int o = 0; o < orders.size(); o++) {
            CheckMessage.Order od = orders.get(o);
            String oat = at + ".fsi_order_dtos[" + o + "]";
            if (od == null) {
                error(oat, "is required");
                continue;
            }
            if (require(oat + ".rx_id", od.rxId()) && !seen.add(od.rxId())) {
                error(oat + ".rx_id", "is not unique in the encounter");
            }
            require(oat + ".hilist_code", od.hilistCode());
            amount(oat + ".cnt", od.cnt(), 4);
            amount(oat + ".pric", od.pric(), 6);
            amount(oat + ".sumamt", od.sumamt(), 2);
            LocalDateTime begn = dateTime(oat + ".drord_begn_date", od.drordBegnDate(), false);
            lines.add(new FeeLine(od.rxId(), enc.mdtrtId(), pt.patnId(), null, begn != null ? begn : adm, od.hilistCode(),
                    od.hilistName(), od.hilistType(), od.chrgType(), od.cnt(), od.pric(), od.sumamt(), null,
                    firstNonBlank(od.drordDrCodg(), enc.drCodg()), od.drordDeptCodg(), List.of(), null, null, null, null, null));
        }
        return new Claim(v, lines);
    }

    private boolean require(String field, String value) {
        if (blank(value)) {
            error(field, "is required");
            return false;
        }
        return true;
    }

    /** A required quantity or amount of at most 16 digits, {@code scale} of them after the point (N16,scale), not negative. */
    private void amount(String field, BigDecimal value, int scale) {
        if (value == null) {
            error(field, "is required");
            return;
        }
        if (value.signum() < 0) {
            error(field, "must not be negative");
            return;
        }
        BigDecimal v = value.stripTrailingZeros();
        int fraction = Math.max(0, v.scale());
        // precision - scale is the number of digits before the point; 1e308 has 309, so no huge number is ever expanded
        long whole = Math.max(0L, (long) v.precision() - v.scale());
        if (whole > 16 - scale || fraction > scale) {
            error(field, "must have at most " + (16 - scale) + " digits before the point and " + scale + " after (N16," + scale + ")");
        }
    }

    private LocalDate date(String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            error(field, "must be a date yyyy-MM-dd");
            return null;
        }
    }

    private LocalDateTime dateTime(String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay();
            }
            return LocalDateTime.parse(value.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            error(field, "must be a date-time yyyy-MM-dd HH:mm:ss (or a date yyyy-MM-dd)");
            return null;
        }
    }

    private void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return v;
            }
        }
        return null;
    }
}
