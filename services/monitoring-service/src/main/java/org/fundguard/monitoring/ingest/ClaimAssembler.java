package org.fundguard.monitoring.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.Diagnosis;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Settlement;
import org.fundguard.monitoring.claim.Visit;

/**
 * Turns the raw rows of one visit — its visit row, diagnoses, settlements and fee lines, as slot arrays from either
 * dialect — into a validated {@link Claim}: bad rows reported and left out, invalidated rows ({@code vali_flag = 0})
 * skipped, refunds kept and marked (data-formats §5.2, §7, §13.3).
 */
final class ClaimAssembler {

    /** A row of one kind: values by slot, the line it starts on, and the field-name prefix for JSON nodes. */
    record RawRow(String[] values, long line, String prefix) {
    }

    // ---- visit: 2203/2401 mdtrtinfo (+ 1101 baseinfo, envelope) or mdtrt_d ----
    static final FieldSet VISIT = FieldSet.of("mdtrt_id", "psn_no", "gend", "brdy", "insutype", "med_type",
            "fixmedins_code", "hosp_lv|medins_lv", "fix_blng_admdvs|mdtrtarea_admvs", "insuplc_admdvs|insu_admdvs",
            "begntime", "endtime", "dscg_maindiag_code", "dscg_maindiag_name", "vali_flag");
    static final int V_MDTRT_ID = 0;
    static final int V_PSN_NO = 1;
    static final int V_GEND = 2;
    static final int V_BRDY = 3;
    static final int V_INSUTYPE = 4;
    static final int V_MED_TYPE = 5;
    static final int V_FIXMEDINS_CODE = 6;
    static final int V_HOSP_LV = 7;
    static final int V_FIX_BLNG_ADMDVS = 8;
    static final int V_INSUPLC_ADMDVS = 9;
    static final int V_BEGNTIME = 10;
    static final int V_ENDTIME = 11;
    static final int V_MAINDIAG_CODE = 12;
    static final int V_MAINDIAG_NAME = 13;
    static final int V_VALI_FLAG = 14;
    static final int[] VISIT_REQUIRED = {V_MDTRT_ID, V_PSN_NO, V_MED_TYPE, V_BEGNTIME};

    // ---- diagnosis: diseinfo[] ----
    static final FieldSet DIAG = FieldSet.of("diag_code", "diag_name", "maindiag_flag", "diag_type", "vali_flag");
    static final int D_CODE = 0;
    static final int D_NAME = 1;
    static final int D_MAIN = 2;
    static final int D_TYPE = 3;
    static final int D_VALI_FLAG = 4;

    // ---- settlement: 2207/2304 setlinfo or setl_d ----
    static final FieldSet SETL = FieldSet.of("setl_id", "mdtrt_id", "psn_no", "setl_time", "insutype", "med_type",
            "medfee_sumamt", "fulamt_ownpay_amt", "inscp_scp_amt|inscp_amt", "hifp_pay", "fund_pay_sumamt",
            "acct_pay", "psn_cash_pay|cash_payamt", "refd_setl_flag", "mid_setl_flag", "vali_flag", "gend", "brdy",
            "fix_blng_admdvs|mdtrtarea_admvs", "insuplc_admdvs|insu_admdvs", "hosp_lv|medins_lv", "fixmedins_code");
    static final int S_SETL_ID = 0;
    static final int S_MDTRT_ID = 1;
    static final int S_PSN_NO = 2;
    static final int S_SETL_TIME = 3;
    static final int S_INSUTYPE = 4;
    static final int S_MED_TYPE = 5;
    static final int S_MEDFEE_SUMAMT = 6;
    static final int S_FULAMT_OWNPAY_AMT = 7;
    static final int S_INSCP_SCP_AMT = 8;
    static final int S_HIFP_PAY = 9;
    static final int S_FUND_PAY_SUMAMT = 10;
    static final int S_ACCT_PAY = 11;
    static final int S_PSN_CASH_PAY = 12;
    static final int S_REFD_SETL_FLAG = 13;
    static final int S_MID_SETL_FLAG = 14;
    static final int S_VALI_FLAG = 15;
    static final int S_GEND = 16;
    static final int S_BRDY = 17;
    static final int S_FIX_BLNG_ADMDVS = 18;
    static final int S_INSUPLC_ADMDVS = 19;
    static final int S_HOSP_LV = 20;
    static final int S_FIXMEDINS_CODE = 21;
    static final int[] SETL_REQUIRED = {S_SETL_ID, S_MDTRT_ID, S_PSN_NO, S_SETL_TIME, S_MEDFEE_SUMAMT};

    // ---- fee line: 2204/2301 feedetail[] (+ 2204 output result) or fee_list_d ----
    static final FieldSet FEE = FieldSet.of("feedetl_sn|bkkp_sn", "mdtrt_id", "psn_no", "setl_id", "fee_ocur_time",
            "hilist_code", "med_list_codg", "hilist_name", "list_type", "med_chrgitm_type", "cnt", "pric",
            "det_item_fee_sumamt", "prd_days", "bilg_dr_codg|bilg_dr_code", "bilg_dept_codg", "drug_trac_codg",
            "init_feedetl_sn", "refd_setl_flag", "dscg_tkdrug_flag", "hosp_appr_flag", "er_flag", "exp_content",
            "vali_flag");
    static final int F_FEEDETL_SN = 0;
    static final int F_MDTRT_ID = 1;
    static final int F_PSN_NO = 2;
    static final int F_SETL_ID = 3;
    static final int F_FEE_OCUR_TIME = 4;
    static final int F_HILIST_CODE = 5;
    static final int F_MED_LIST_CODG = 6;
    static final int F_HILIST_NAME = 7;
    static final int F_LIST_TYPE = 8;
    static final int F_MED_CHRGITM_TYPE = 9;
    static final int F_CNT = 10;
    static final int F_PRIC = 11;
    static final int F_SUMAMT = 12;
    static final int F_PRD_DAYS = 13;
    static final int F_BILG_DR_CODG = 14;
    static final int F_BILG_DEPT_CODG = 15;
    static final int F_DRUG_TRAC_CODG = 16;
    static final int F_INIT_FEEDETL_SN = 17;
    static final int F_REFD_SETL_FLAG = 18;
    static final int F_DSCG_TKDRUG_FLAG = 19;
    static final int F_HOSP_APPR_FLAG = 20;
    static final int F_ER_FLAG = 21;
    static final int F_EXP_CONTENT = 22;
    static final int F_VALI_FLAG = 23;
    /** fee_list_d must carry these columns; one of hilist_code / med_list_codg is checked separately. */
    static final int[] FEE_REQUIRED = {F_FEEDETL_SN, F_MDTRT_ID, F_FEE_OCUR_TIME, F_CNT, F_PRIC, F_SUMAMT};

    private final RowCheck visitCheck;
    private final RowCheck diagCheck;
    private final RowCheck setlCheck;
    private final RowCheck feeCheck;

    /** Rows of the last {@link #assemble} call that were rejected / skipped as invalidated. */
    private int rejected;
    private int invalidated;

    ClaimAssembler(RowCheck visitCheck, RowCheck diagCheck, RowCheck setlCheck, RowCheck feeCheck) {
        this.visitCheck = visitCheck;
        this.diagCheck = diagCheck;
        this.setlCheck = setlCheck;
        this.feeCheck = feeCheck;
    }

    int rejected() {
        return rejected;
    }

    int invalidated() {
        return invalidated;
    }

    /**
     * Assembles one visit.
     *
     * @param visitRow the visit row, or null when the input has none for this key (warehouse: no mdtrt_d row)
     * @param key the mdtrt_id the rows were grouped by (warehouse), or null (JSON: one line is one visit)
     * @return the claim, or null when the visit row is missing, rejected or invalidated (its other rows then count
     *     as rejected or invalidated too)
     */
    Claim assemble(RawRow visitRow, List<RawRow> diagRows, List<RawRow> setlRows, List<RawRow> feeRows, String key) {
        rejected = 0;
        invalidated = 0;
        if (visitRow == null) {
            int orphans = setlRows.size() + feeRows.size();
            RawRow first = !feeRows.isEmpty() ? feeRows.get(0) : setlRows.get(0);
            RowCheck check = !feeRows.isEmpty() ? feeCheck : setlCheck;
            check.at(first.line(), first.prefix(), key).failRow("mdtrt_id", "no valid visit row for mdtrt_id "
                    + key + "; " + setlRows.size() + " settlement and " + feeRows.size()
                    + " fee rows of this visit left out");
            rejected = orphans;
            return null;
        }
        String[] v = visitRow.values();
        String mdtrtId = v[V_MDTRT_ID];
        RowCheck vc = visitCheck.at(visitRow.line(), visitRow.prefix(), mdtrtId);
        String valid = vc.code(v, V_VALI_FLAG, Dictionary.VALI_FLAG, false);
        if (vc.failed()) {
            rejected = 1 + diagRows.size() + setlRows.size() + feeRows.size();
            leftOut(vc, setlRows.size(), feeRows.size());
            return null;
        }
        if ("0".equals(valid)) {
            invalidated = 1 + diagRows.size() + setlRows.size() + feeRows.size();
            return null;
        }

        // settlements first: fee lines inherit their refund flag, and the visit its person snapshot
        List<Settlement> settlements = new ArrayList<>(setlRows.size());
        Set<String> cancelledSetlIds = null;
        Map<String, Settlement> bySetlId = new HashMap<>();
        String[] firstSetl = null;
        for (RawRow row : setlRows) {
            String[] s = row.values();
            inherit(s, S_MDTRT_ID, mdtrtId);
            inherit(s, S_PSN_NO, v[V_PSN_NO]);
            RowCheck sc = setlCheck.at(row.line(), row.prefix(),
                    s[S_SETL_ID] == null ? mdtrtId : mdtrtId + "/" + s[S_SETL_ID]);
            String setlValid = sc.code(s, S_VALI_FLAG, Dictionary.VALI_FLAG, false);
            if ("0".equals(setlValid) && !sc.failed()) {
                // a cancelled settlement (2208/2305): its lines were not paid through it
                if (s[S_SETL_ID] != null) {
                    if (cancelledSetlIds == null) {
                        cancelledSetlIds = new HashSet<>();
                    }
                    cancelledSetlIds.add(s[S_SETL_ID]);
                }
                invalidated++;
                continue;
            }
            Settlement settlement = settlement(s, sc, mdtrtId, v[V_PSN_NO]);
            if (settlement != null && bySetlId.putIfAbsent(settlement.setlId(), settlement) != null) {
                sc.fail(S_SETL_ID, "duplicate setl_id " + settlement.setlId() + " in this visit");
                settlement = null;
            }
            if (settlement == null) {
                rejected++;
                continue;
            }
            settlements.add(settlement);
            if (firstSetl == null) {
                firstSetl = s;
            }
        }

        // the visit, with person/region attributes completed from its first settlement when the visit row lacks them
        if (firstSetl != null) {
            fill(v, V_GEND, firstSetl[S_GEND]);
            fill(v, V_BRDY, firstSetl[S_BRDY]);
            fill(v, V_INSUTYPE, firstSetl[S_INSUTYPE]);
            fill(v, V_FIX_BLNG_ADMDVS, firstSetl[S_FIX_BLNG_ADMDVS]);
            fill(v, V_INSUPLC_ADMDVS, firstSetl[S_INSUPLC_ADMDVS]);
            fill(v, V_HOSP_LV, firstSetl[S_HOSP_LV]);
            fill(v, V_FIXMEDINS_CODE, firstSetl[S_FIXMEDINS_CODE]);
        }
        List<Diagnosis> diagnoses = diagnoses(diagRows, v, mdtrtId);
        Visit visit = visit(v, vc.at(visitRow.line(), visitRow.prefix(), mdtrtId), diagnoses);
        if (visit == null) {
            rejected = 1 + diagRows.size() + setlRows.size() + feeRows.size() - invalidated;
            leftOut(vc, setlRows.size(), feeRows.size());
            return null;
        }

        List<FeeLine> lines = new ArrayList<>(feeRows.size());
        Set<String> lineKeys = new HashSet<>(feeRows.size() * 2);
        for (RawRow row : feeRows) {
            String[] f = row.values();
            RowCheck fc = feeCheck.at(row.line(), row.prefix(),
                    f[F_FEEDETL_SN] == null ? mdtrtId : mdtrtId + "/" + f[F_FEEDETL_SN]);
            String lineValid = fc.code(f, F_VALI_FLAG, Dictionary.VALI_FLAG, false);
            if (!fc.failed() && ("0".equals(lineValid)
                    || (cancelledSetlIds != null && f[F_SETL_ID] != null && cancelledSetlIds.contains(f[F_SETL_ID])))) {
                invalidated++;
                continue;
            }
            FeeLine line = fc.failed() ? null : feeLine(f, fc, visit, bySetlId);
            if (line != null && !lineKeys.add(line.feedetlSn())) {
                fc.fail(F_FEEDETL_SN, "duplicate feedetl_sn " + line.feedetlSn() + " in this visit");
                line = null;
            }
            if (line == null) {
                rejected++;
                continue;
            }
            lines.add(line);
        }
        return new Claim(visit, lines, settlements);
    }

    /** Reports a second valid visit row for the same mdtrt_id (warehouse); the first one is used. */
    void duplicateVisit(long line, String mdtrtId) {
        visitCheck.at(line, "", mdtrtId).fail(V_MDTRT_ID, "duplicate visit row for this mdtrt_id; the first is used");
    }

    /** Says, on the rejected visit row, what else went with it, so the rows do not vanish unexplained. */
    private static void leftOut(RowCheck visitCheck, int settlements, int feeLines) {
        if (settlements + feeLines > 0) {
            visitCheck.failRow(null, "visit rejected: its " + settlements + " settlement and " + feeLines
                    + " fee rows are left out too");
        }
    }

    private List<Diagnosis> diagnoses(List<RawRow> diagRows, String[] v, String mdtrtId) {
        List<Diagnosis> diagnoses = new ArrayList<>(diagRows.size() + 1);
        for (RawRow row : diagRows) {
            String[] d = row.values();
            RowCheck dc = diagCheck.at(row.line(), row.prefix(), mdtrtId);
            String valid = dc.code(d, D_VALI_FLAG, Dictionary.VALI_FLAG, false);
            String code = dc.text(d, D_CODE, true);
            String main = dc.code(d, D_MAIN, Dictionary.FLAG, false);
            if (dc.failed()) {
                rejected++;
            } else if ("0".equals(valid)) {
                invalidated++;
            } else {
                diagnoses.add(new Diagnosis(code, d[D_NAME], main, d[D_TYPE]));
            }
        }
        // mdtrt_d / 2401 carry the main discharge diagnosis on the visit row itself
        if (diagnoses.isEmpty() && v[V_MAINDIAG_CODE] != null) {
            diagnoses.add(new Diagnosis(v[V_MAINDIAG_CODE], v[V_MAINDIAG_NAME], "1", null));
        }
        return diagnoses;
    }

    private static Visit visit(String[] v, RowCheck c, List<Diagnosis> diagnoses) {
        String mdtrtId = c.text(v, V_MDTRT_ID, true);
        String psnNo = c.text(v, V_PSN_NO, true);
        String gend = c.code(v, V_GEND, Dictionary.GEND, false);
        LocalDate brdy = c.date(v, V_BRDY, false);
        String medType = c.text(v, V_MED_TYPE, true);
        LocalDateTime begntime = c.dateTime(v, V_BEGNTIME, true);
        LocalDateTime endtime = c.dateTime(v, V_ENDTIME, false);
        if (c.failed()) {
            return null;
        }
        String hospLv = v[V_HOSP_LV] == null ? null : Values.twoDigitCode(v[V_HOSP_LV]);
        return new Visit(mdtrtId, psnNo, gend, brdy, v[V_INSUTYPE], medType, v[V_FIXMEDINS_CODE], hospLv,
                v[V_FIX_BLNG_ADMDVS], v[V_INSUPLC_ADMDVS], begntime, endtime, diagnoses);
    }

    private static Settlement settlement(String[] s, RowCheck c, String mdtrtId, String psnNo) {
        String setlId = c.text(s, S_SETL_ID, true);
        sameAsVisit(s, S_MDTRT_ID, mdtrtId, c);
        sameAsVisit(s, S_PSN_NO, psnNo, c);
        LocalDateTime setlTime = c.dateTime(s, S_SETL_TIME, true);
        BigDecimal medfee = c.amount(s, S_MEDFEE_SUMAMT, true);
        BigDecimal fulamt = c.amount(s, S_FULAMT_OWNPAY_AMT, false);
        BigDecimal inscp = c.amount(s, S_INSCP_SCP_AMT, false);
        BigDecimal hifp = c.amount(s, S_HIFP_PAY, false);
        BigDecimal fund = c.amount(s, S_FUND_PAY_SUMAMT, false);
        BigDecimal acct = c.amount(s, S_ACCT_PAY, false);
        BigDecimal cash = c.amount(s, S_PSN_CASH_PAY, false);
        String refund = c.code(s, S_REFD_SETL_FLAG, Dictionary.FLAG, false);
        String mid = c.code(s, S_MID_SETL_FLAG, Dictionary.FLAG, false);
        if (c.failed()) {
            return null;
        }
        return new Settlement(setlId, mdtrtId, psnNo, setlTime, s[S_INSUTYPE], s[S_MED_TYPE], medfee, fulamt, inscp,
                hifp, fund, acct, cash, refund, mid);
    }

    private static FeeLine feeLine(String[] f, RowCheck c, Visit visit, Map<String, Settlement> settlements) {
        String sn = c.text(f, F_FEEDETL_SN, true);
        sameAsVisit(f, F_MDTRT_ID, visit.mdtrtId(), c);
        sameAsVisit(f, F_PSN_NO, visit.psnNo(), c);
        LocalDateTime time = c.dateTime(f, F_FEE_OCUR_TIME, true);
        String code = f[F_HILIST_CODE] != null ? f[F_HILIST_CODE] : f[F_MED_LIST_CODG];
        if (code == null) {
            c.fail(F_MED_LIST_CODG, "required field missing (med_list_codg or hilist_code)");
        }
        String listType = c.code(f, F_LIST_TYPE, Dictionary.LIST_TYPE, false);
        String chrgitmType = c.code(f, F_MED_CHRGITM_TYPE, Dictionary.MED_CHRGITM_TYPE, false);
        BigDecimal cnt = c.decimal(f, F_CNT, 16, 4, true);
        BigDecimal pric = c.decimal(f, F_PRIC, 16, 6, true);
        BigDecimal sumamt = c.amount(f, F_SUMAMT, true);
        BigDecimal prdDays = c.decimal(f, F_PRD_DAYS, 4, 2, false);
        String refund = c.code(f, F_REFD_SETL_FLAG, Dictionary.FLAG, false);
        String takeHome = c.code(f, F_DSCG_TKDRUG_FLAG, Dictionary.FLAG, false);
        String approval = c.code(f, F_HOSP_APPR_FLAG, Dictionary.HOSP_APPR_FLAG, false);
        if (f[F_ER_FLAG] == null && f[F_EXP_CONTENT] != null) {
            f[F_ER_FLAG] = erFlagOf(f[F_EXP_CONTENT]);
        }
        String erFlag = c.code(f, F_ER_FLAG, Dictionary.ER_FLAG, false);
        if (cnt != null && pric != null && sumamt != null && cnt.signum() * pric.signum() * sumamt.signum() < 0) {
            // a refund (2301: 退单时数量填写负数) is negative in quantity and amount alike
            c.fail(F_SUMAMT, "sign of det_item_fee_sumamt " + sumamt + " does not match cnt " + cnt + " × pric "
                    + pric);
        }
        if (c.failed()) {
            return null;
        }
        String setlId = f[F_SETL_ID];
        if (refund == null && setlId != null) {
            Settlement settlement = settlements.get(setlId);
            if (settlement != null && settlement.isRefund()) {
                refund = "1";
            }
        }
        return new FeeLine(sn, visit.mdtrtId(), visit.psnNo(), setlId, time, code, f[F_HILIST_NAME], listType,
                chrgitmType, cnt, pric, sumamt, prdDays, f[F_BILG_DR_CODG], f[F_BILG_DEPT_CODG],
                traceCodes(f[F_DRUG_TRAC_CODG]), f[F_INIT_FEEDETL_SN], refund, takeHome, approval, erFlag);
    }

    /** Trace codes as ingest carries them in one slot: separated by commas or semicolons. */
    private static List<String> traceCodes(String joined) {
        if (joined == null) {
            return List.of();
        }
        if (joined.indexOf(',') < 0 && joined.indexOf(';') < 0) {
            return List.of(joined);
        }
        return Arrays.stream(joined.split("[,;]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * {@code er_flag} inside {@code exp_content} (a JSON string such as {@code {"er_flag":"1"}}, data-formats §5.1),
     * found by a scan rather than a JSON parse since most lines have no such content; null when absent.
     */
    static String erFlagOf(String expContent) {
        int at = expContent.indexOf("\"er_flag\"");
        if (at < 0) {
            return null;
        }
        int i = at + 9;
        int n = expContent.length();
        while (i < n && (expContent.charAt(i) == ' ' || expContent.charAt(i) == ':' || expContent.charAt(i) == '"')) {
            i++;
        }
        int start = i;
        while (i < n && Character.isLetterOrDigit(expContent.charAt(i))) {
            i++;
        }
        return i > start ? expContent.substring(start, i) : null;
    }

    private static void sameAsVisit(String[] values, int slot, String visitValue, RowCheck c) {
        String value = values[slot];
        if (value != null && visitValue != null && !value.equals(visitValue)) {
            c.fail(slot, "'" + Values.abbreviate(value) + "' differs from the visit's '" + visitValue + "'");
        }
    }

    private static void inherit(String[] values, int slot, String value) {
        if (values[slot] == null) {
            values[slot] = value;
        }
    }

    private static void fill(String[] values, int slot, String value) {
        if (values[slot] == null && value != null) {
            values[slot] = value;
        }
    }
}
