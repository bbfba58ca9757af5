package org.fundguard.monitoring.ingest;

/**
 * Deterministic synthetic claims for volume tests: visit {@code i} has {@value #LINES_PER_VISIT} fee lines and one
 * settlement; ids are zero-padded so file order is {@code mdtrt_id} order. Every 10th visit carries a refund line.
 */
final class ClaimGenerator {

    static final int LINES_PER_VISIT = 10;

    static final String MDTRT_HEADER = "mdtrt_id,psn_no,psn_name,gend,brdy,insutype,fixmedins_code,hosp_lv,med_type,"
            + "begntime,endtime,dscg_maindiag_code,dscg_maindiag_name,vali_flag\n";
    static final String SETL_HEADER = "setl_id,mdtrt_id,psn_no,setl_time,insutype,med_type,medfee_sumamt,"
            + "fulamt_ownpay_amt,inscp_amt,hifp_pay,fund_pay_sumamt,acct_pay,cash_payamt,refd_setl_flag,"
            + "mid_setl_flag,vali_flag,insu_admdvs,fix_blng_admdvs\n";
    static final String FEE_HEADER = "bkkp_sn,setl_id,mdtrt_id,psn_no,fee_ocur_time,hilist_code,hilist_name,"
            + "list_type,med_chrgitm_type,cnt,pric,det_item_fee_sumamt,prd_days,bilg_dr_code,bilg_dept_codg,"
            + "bilg_dept_name,medins_list_codg,medins_list_name,spec,memo,vali_flag\n";

    private ClaimGenerator() {
    }

    static String mdtrtId(long i) {
        return "M" + pad(i, 11);
    }

    private static String psnNo(long i) {
        return "43" + pad(i, 18);
    }

    /** {@code i} zero-padded to {@code width} digits (String.format is too slow for millions of rows). */
    private static String pad(long i, int width) {
        String digits = Long.toString(i);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    static String mdtrtRow(long i) {
        return mdtrtId(i) + "," + psnNo(i) + ",患者" + (i % 1000) + "," + (1 + i % 2)
                + ",1960-01-" + pad(1 + i % 28, 2) + ",310,H43010000001,01,21,"
                + "2024-03-01 09:00:00,2024-03-08 10:30:00,I63.900,脑梗死,1\n";
    }

    static String setlRow(long i) {
        return "S" + mdtrtId(i).substring(1) + "," + mdtrtId(i) + "," + psnNo(i)
                + ",2024-03-08 11:00:00,310,21,1234.56,0.00,1234.56,987.65,987.65,0.00,246.91,0,0,1,430100,430102\n";
    }

    static String feeRow(long i, int line) {
        boolean refund = line == LINES_PER_VISIT - 1 && i % 10 == 0;
        String cnt = refund ? "-2.0000" : "2.0000";
        String sum = refund ? "-25.20" : "25.20";
        return mdtrtId(i) + "-" + line + ",S" + mdtrtId(i).substring(1) + "," + mdtrtId(i) + ","
                + psnNo(i) + ",2024-03-0" + (1 + line % 7) + " 10:00:00,XC08CAA046A001010100937,"
                + "\"苯磺酸氨氯地平片,5mg\",101,09," + cnt + ",12.600000," + sum + ",14,D430100000001,0301,神经内科,"
                + "YP" + line + ",氨氯地平,5mg*7片,,1\n";
    }

    /** The fee_list_d rows of visit {@code i}. */
    static String feeRows(long i) {
        StringBuilder rows = new StringBuilder(LINES_PER_VISIT * 220);
        for (int line = 0; line < LINES_PER_VISIT; line++) {
            rows.append(feeRow(i, line));
        }
        return rows.toString();
    }

    /** One JSON line for visit {@code i}, in the interface dialect. */
    static String jsonLine(long i) {
        String id = mdtrtId(i);
        String psn = psnNo(i);
        StringBuilder json = new StringBuilder(4096);
        json.append("{\"fixmedins_code\":\"H43010000001\",\"hosp_lv\":\"01\",\"mdtrtinfo\":{\"mdtrt_id\":\"").append(id)
                .append("\",\"psn_no\":\"").append(psn).append("\",\"gend\":\"").append(1 + i % 2)
                .append("\",\"brdy\":\"1960-01-01\",\"insutype\":\"310\",\"med_type\":\"21\","
                        + "\"begntime\":\"2024-03-01 09:00:00\",\"endtime\":\"2024-03-08 10:30:00\"},"
                        + "\"diseinfo\":[{\"diag_code\":\"I63.900\",\"diag_name\":\"脑梗死\",\"maindiag_flag\":\"1\"}],"
                        + "\"feedetail\":[");
        for (int line = 0; line < LINES_PER_VISIT; line++) {
            boolean refund = line == LINES_PER_VISIT - 1 && i % 10 == 0;
            json.append(line == 0 ? "" : ",").append("{\"feedetl_sn\":\"").append(line)
                    .append("\",\"fee_ocur_time\":\"2024-03-0").append(1 + line % 7)
                    .append(" 10:00:00\",\"med_list_codg\":\"XC08CAA046A001010100937\",\"medins_list_codg\":\"YP")
                    .append(line).append("\",\"hilist_name\":\"苯磺酸氨氯地平片\",\"list_type\":\"101\","
                            + "\"med_chrgitm_type\":\"09\",\"cnt\":\"").append(refund ? "-2.0000" : "2.0000")
                    .append("\",\"pric\":\"12.600000\",\"det_item_fee_sumamt\":\"").append(refund ? "-25.20" : "25.20")
                    .append("\",\"prd_days\":\"14\",\"bilg_dept_codg\":\"0301\",\"bilg_dept_name\":\"神经内科\","
                            + "\"bilg_dr_codg\":\"D430100000001\",\"bilg_dr_name\":\"陈医生\",\"hosp_appr_flag\":\"0\"}");
        }
        json.append("],\"setlinfo\":{\"setl_id\":\"S").append(id.substring(1))
                .append("\",\"setl_time\":\"2024-03-08 11:00:00\",\"medfee_sumamt\":\"1234.56\","
                        + "\"hifp_pay\":\"987.65\",\"fund_pay_sumamt\":\"987.65\",\"psn_cash_pay\":\"246.91\"}}\n");
        return json.toString();
    }
}
