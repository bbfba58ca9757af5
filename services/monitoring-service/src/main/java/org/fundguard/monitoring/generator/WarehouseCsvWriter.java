package org.fundguard.monitoring.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.Diagnosis;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Settlement;
import org.fundguard.monitoring.claim.Visit;

/**
 * Writes claims as the warehouse extracts {@code WarehouseCsvIngest} reads: {@code mdtrt_d.csv}, {@code setl_d.csv}
 * and {@code fee_list_d.csv} with the §7 column names (bkkp_sn, bilg_dr_code, inscp_amt, cash_payamt …), RFC 4180,
 * UTF-8. Rows come out in generation order, which is {@code mdtrt_id} order, so the ingest streams them unsorted.
 */
public final class WarehouseCsvWriter implements Closeable {

    static final String MDTRT_HEADER = "mdtrt_id,psn_no,gend,brdy,insutype,fixmedins_code,hosp_lv,med_type,begntime,"
            + "endtime,fix_blng_admdvs,insu_admdvs,dscg_maindiag_code,dscg_maindiag_name,vali_flag";
    static final String SETL_HEADER = "setl_id,mdtrt_id,psn_no,setl_time,insutype,med_type,medfee_sumamt,"
            + "fulamt_ownpay_amt,inscp_amt,hifp_pay,fund_pay_sumamt,acct_pay,cash_payamt,refd_setl_flag,mid_setl_flag,"
            + "vali_flag";
    static final String FEE_HEADER = "bkkp_sn,setl_id,mdtrt_id,psn_no,fee_ocur_time,hilist_code,hilist_name,list_type,"
            + "med_chrgitm_type,cnt,pric,det_item_fee_sumamt,prd_days,bilg_dr_code,bilg_dept_codg,drug_trac_codg,"
            + "init_feedetl_sn,dscg_tkdrug_flag,hosp_appr_flag,exp_content,vali_flag";

    private final Writer mdtrt;
    private final Writer setl;
    private final Writer fee;
    private final StringBuilder row = new StringBuilder(512);

    public WarehouseCsvWriter(Path dir) throws IOException {
        Files.createDirectories(dir);
        mdtrt = open(dir.resolve("mdtrt_d.csv"), MDTRT_HEADER);
        setl = open(dir.resolve("setl_d.csv"), SETL_HEADER);
        fee = open(dir.resolve("fee_list_d.csv"), FEE_HEADER);
    }

    private static Writer open(Path file, String header) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
        w.write(header);
        w.write('\n');
        return w;
    }

    public void write(Claim c) throws IOException {
        Visit v = c.visit();
        Diagnosis main = v.diagnoses().isEmpty() ? null : v.diagnoses().get(0);
        row.setLength(0);
        cells(v.mdtrtId(), v.psnNo(), v.gend(), JsonLinesWriter.date(v.brdy()), v.insutype(), v.fixmedinsCode(),
                v.hospLv(), v.medType(), JsonLinesWriter.time(v.begntime()), JsonLinesWriter.time(v.endtime()),
                v.fixBlngAdmdvs(), v.insuplcAdmdvs(), main == null ? null : main.diagCode(),
                main == null ? null : main.diagName(), "1");
        mdtrt.append(row);
        for (Settlement s : c.settlements()) {
            row.setLength(0);
            cells(s.setlId(), s.mdtrtId(), s.psnNo(), JsonLinesWriter.time(s.setlTime()), s.insutype(), s.medType(),
                    n(s.medfeeSumamt()), n(s.fulamtOwnpayAmt()), n(s.inscpScpAmt()), n(s.hifpPay()),
                    n(s.fundPaySumamt()), n(s.acctPay()), n(s.psnCashPay()), s.refdSetlFlag(), s.midSetlFlag(), "1");
            setl.append(row);
        }
        for (FeeLine l : c.feeLines()) {
            row.setLength(0);
            cells(l.feedetlSn(), l.setlId(), l.mdtrtId(), l.psnNo(), JsonLinesWriter.time(l.feeOcurTime()),
                    l.hilistCode(), l.hilistName(), l.listType(), l.medChrgitmType(), n(l.cnt()), n(l.pric()),
                    n(l.detItemFeeSumamt()), n(l.prdDays()), l.bilgDrCodg(), l.bilgDeptCodg(),
                    l.drugTracCodg().isEmpty() ? null : String.join(",", l.drugTracCodg()), l.initFeedetlSn(),
                    l.dscgTkdrugFlag(), l.hospApprFlag(), l.erFlag() == null ? null : "{\"er_flag\":\"" + l.erFlag()
                            + "\"}", "1");
            fee.append(row);
        }
    }

    private static String n(java.math.BigDecimal v) {
        return JsonLinesWriter.num(v);
    }

    private void cells(String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            String v = values[i];
            if (v == null) {
                continue;
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                row.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                row.append(v);
            }
        }
        row.append('\n');
    }

    @Override
    public void close() throws IOException {
        try (mdtrt; setl; fee) {
            mdtrt.flush();
        }
    }
}
