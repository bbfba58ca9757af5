package org.fundguard.monitoring.generator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.Diagnosis;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Settlement;
import org.fundguard.monitoring.claim.Visit;

/**
 * Writes claims in the interface dialect {@code JsonLinesIngest} reads: one visit per line, built from the 2203A/2401
 * {@code mdtrtinfo}, {@code diseinfo}, 2204/2301 {@code feedetail} and 2207/2304 {@code setlinfo} nodes, institution
 * fields at the top level (envelope style), numbers as strings.
 */
public final class JsonLinesWriter implements Closeable {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final OutputStream out;
    private final JsonGenerator g;

    public JsonLinesWriter(OutputStream out) throws IOException {
        this.out = out;
        this.g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setRootValueSeparator(null);
    }

    public void write(Claim c) throws IOException {
        Visit v = c.visit();
        g.writeStartObject();
        g.writeStringField("fixmedins_code", v.fixmedinsCode());
        g.writeStringField("hosp_lv", v.hospLv());
        g.writeStringField("mdtrtarea_admvs", v.fixBlngAdmdvs());
        g.writeStringField("insuplc_admdvs", v.insuplcAdmdvs());
        g.writeObjectFieldStart("baseinfo");
        g.writeStringField("psn_no", v.psnNo());
        g.writeStringField("gend", v.gend());
        g.writeStringField("brdy", date(v.brdy()));
        g.writeEndObject();
        g.writeObjectFieldStart("mdtrtinfo");
        g.writeStringField("mdtrt_id", v.mdtrtId());
        g.writeStringField("psn_no", v.psnNo());
        g.writeStringField("med_type", v.medType());
        g.writeStringField("insutype", v.insutype());
        g.writeStringField("begntime", time(v.begntime()));
        if (v.endtime() != null) {
            g.writeStringField("endtime", time(v.endtime()));
        }
        g.writeEndObject();
        g.writeArrayFieldStart("diseinfo");
        for (Diagnosis d : v.diagnoses()) {
            g.writeStartObject();
            g.writeStringField("diag_type", d.diagType());
            g.writeStringField("maindiag_flag", d.maindiagFlag());
            g.writeStringField("diag_code", d.diagCode());
            g.writeStringField("diag_name", d.diagName());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("feedetail");
        for (FeeLine l : c.feeLines()) {
            g.writeStartObject();
            g.writeStringField("feedetl_sn", l.feedetlSn());
            g.writeStringField("setl_id", l.setlId());
            g.writeStringField("fee_ocur_time", time(l.feeOcurTime()));
            g.writeStringField("med_list_codg", l.hilistCode());
            g.writeStringField("hilist_name", l.hilistName());
            g.writeStringField("list_type", l.listType());
            g.writeStringField("med_chrgitm_type", l.medChrgitmType());
            g.writeStringField("cnt", num(l.cnt()));
            g.writeStringField("pric", num(l.pric()));
            g.writeStringField("det_item_fee_sumamt", num(l.detItemFeeSumamt()));
            if (l.prdDays() != null) {
                g.writeStringField("prd_days", num(l.prdDays()));
            }
            g.writeStringField("bilg_dr_codg", l.bilgDrCodg());
            g.writeStringField("bilg_dept_codg", l.bilgDeptCodg());
            g.writeStringField("hosp_appr_flag", l.hospApprFlag());
            g.writeStringField("dscg_tkdrug_flag", l.dscgTkdrugFlag());
            if (l.initFeedetlSn() != null) {
                g.writeStringField("init_feedetl_sn", l.initFeedetlSn());
            }
            if (!l.drugTracCodg().isEmpty()) {
                g.writeArrayFieldStart("drugtracinfo");
                for (String code : l.drugTracCodg()) {
                    g.writeStartObject();
                    g.writeStringField("drug_trac_codg", code);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (l.erFlag() != null) {
                g.writeStringField("exp_content", "{\"er_flag\":\"" + l.erFlag() + "\"}");
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("setlinfo");
        for (Settlement s : c.settlements()) {
            g.writeStartObject();
            g.writeStringField("setl_id", s.setlId());
            g.writeStringField("setl_time", time(s.setlTime()));
            g.writeStringField("insutype", s.insutype());
            g.writeStringField("med_type", s.medType());
            g.writeStringField("medfee_sumamt", num(s.medfeeSumamt()));
            g.writeStringField("fulamt_ownpay_amt", num(s.fulamtOwnpayAmt()));
            g.writeStringField("inscp_scp_amt", num(s.inscpScpAmt()));
            g.writeStringField("hifp_pay", num(s.hifpPay()));
            g.writeStringField("fund_pay_sumamt", num(s.fundPaySumamt()));
            g.writeStringField("acct_pay", num(s.acctPay()));
            g.writeStringField("psn_cash_pay", num(s.psnCashPay()));
            g.writeStringField("refd_setl_flag", s.refdSetlFlag());
            g.writeStringField("mid_setl_flag", s.midSetlFlag());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        g.close();
        out.flush();
    }

    static String num(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /** yyyy-MM-dd HH:mm:ss (LocalDateTime.toString drops zero seconds). */
    static String time(LocalDateTime t) {
        if (t == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(19);
        b.append(t.toLocalDate()).append(' ');
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        two(b, t.getSecond());
        return b.toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        if (v < 10) {
            b.append('0');
        }
        return b.append(v);
    }
}
