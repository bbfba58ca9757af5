/**
 * Streaming ingest of claims into the claim model: two input dialects, one output — a
 * {@link org.fundguard.monitoring.claim.Claim} per visit handed to a {@code Consumer<Claim>} as soon as it is
 * complete — with a per-row error report and progress. Field names are the national ones throughout
 * ({@code data-formats.md} §13.1).
 *
 * <h2>Interface dialect: JSON lines ({@link org.fundguard.monitoring.ingest.JsonLinesIngest})</h2>
 * UTF-8 (a BOM is skipped), one JSON object per line, <b>one visit per line</b>, built from the interface's own nodes
 * (§13.1a) so that a hospital-side extract of 2203A/2204/2207 (or 2401/2301/2304) messages converts line for line:
 * <pre>{@code
 * {"fixmedins_code":"H43010000001","mdtrtarea_admvs":"430102","insuplc_admdvs":"430100","hosp_lv":"01",
 *  "baseinfo":  {"psn_no":"…","gend":"1","brdy":"1950-03-15"},                          // 1101, optional
 *  "mdtrtinfo": {"mdtrt_id":"…","psn_no":"…","med_type":"21","insutype":"310",
 *                "begntime":"2024-03-01 09:00:00","endtime":"2024-03-08 10:30:00"},     // 2203A/2401(+2402)
 *  "diseinfo":  [{"diag_code":"I63.900","diag_name":"脑梗死","maindiag_flag":"1","diag_type":"1"}],
 *  "feedetail": [{"feedetl_sn":"1","fee_ocur_time":"2024-03-01 10:00:00","med_list_codg":"XB01ACA056A001010100396",
 *                 "cnt":"30","pric":"0.500000","det_item_fee_sumamt":"15.00","setl_id":"…",
 *                 "list_type":"101","med_chrgitm_type":"09",                            // 2204 output result[]
 *                 "init_feedetl_sn":null,"drugtracinfo":[{"drug_trac_codg":"…"}], …}],  // 2204/2301
 *  "setlinfo":  [{"setl_id":"…","setl_time":"…","medfee_sumamt":"10.00","hifp_pay":"8.00",
 *                 "refd_setl_flag":"0","vali_flag":"1", …}]}                            // 2207/2304 output
 * }</pre>
 * <ul>
 * <li>{@code mdtrtinfo} is required; {@code setlinfo} may be one object or an array (a visit can be settled more than
 * once: 中途结算, a refund settlement); the other arrays may be absent.</li>
 * <li>Visit attributes are taken from {@code mdtrtinfo}, else {@code baseinfo}, else the top-level (envelope-style)
 * fields, else the first valid settlement's person snapshot (§6.2). Fee lines and settlements inherit {@code mdtrt_id}
 * and {@code psn_no} from the visit; when they carry their own, it must match.</li>
 * <li>Numbers may be JSON numbers or strings; either way the text is parsed to {@code BigDecimal} (no {@code double}).
 * {@code drug_trac_codg} may be a string or an array; {@code exp_content} (a JSON string or object) is searched for
 * {@code er_flag}. Fields the model does not carry are ignored, as are unknown fields and nodes.</li>
 * <li>Warehouse names are accepted as aliases in every node ({@code bkkp_sn}, {@code inscp_amt}, {@code cash_payamt},
 * {@code bilg_dr_code}, {@code insu_admdvs}; §7 "naming deltas"), and {@code hilist_code} beside
 * {@code med_list_codg}.</li>
 * </ul>
 * Why one visit per line rather than one row per line with a {@code type}: a line is then a complete unit — the
 * visit is handed over when its line is read, without any grouping state, in constant memory (one line, at most
 * {@link org.fundguard.monitoring.ingest.JsonLinesIngest#MAX_LINE_BYTES}), and a malformed line costs that one visit
 * only. Lines are split on the bytes and parsed with Jackson's streaming parser, one parser per line.
 *
 * <h2>Warehouse dialect: CSV ({@link org.fundguard.monitoring.ingest.WarehouseCsvIngest})</h2>
 * Three extracts {@code mdtrt_d}, {@code setl_d}, {@code fee_list_d} with the §7 column names, RFC 4180 (our own
 * {@link org.fundguard.monitoring.ingest.CsvReader}), UTF-8 with or without BOM. The header row names the columns, in
 * any order, matched case-insensitively; unknown columns are ignored; a row may end with one extra empty field (a
 * trailing comma). Required columns — missing ones are a {@link org.fundguard.monitoring.ingest.FileError} and nothing
 * is ingested: {@code mdtrt_d}: mdtrt_id, psn_no, med_type, begntime; {@code setl_d}: setl_id, mdtrt_id, psn_no,
 * setl_time, medfee_sumamt; {@code fee_list_d}: bkkp_sn (or feedetl_sn), mdtrt_id, fee_ocur_time, cnt, pric,
 * det_item_fee_sumamt, and hilist_code or med_list_codg. Visits are assembled by a merge join on {@code mdtrt_id}
 * (one visit's rows in memory); files not in {@code mdtrt_id} order are sorted externally first with bounded memory —
 * see {@link org.fundguard.monitoring.ingest.WarehouseCsvIngest} and
 * {@link org.fundguard.monitoring.ingest.IngestOptions.WarehouseOrder}. Type quirks of §7 are absorbed: integer
 * {@code hosp_lv}/{@code med_chrgitm_type} ({@code 1} → {@code 01}); padded CHAR values are trimmed; the main
 * diagnosis comes from {@code dscg_maindiag_code}.
 *
 * <h2>Validation (both dialects), row by row</h2>
 * <ul>
 * <li>Required values: visit mdtrt_id, psn_no, med_type, begntime; settlement setl_id, setl_time, medfee_sumamt; fee
 * line feedetl_sn/bkkp_sn, fee_ocur_time, med_list_codg/hilist_code, cnt, pric, det_item_fee_sumamt; diagnosis
 * diag_code. These are the spec's 必填 fields the rules cannot do without; other 必填 fields (names, departments) are
 * not enforced, since a missing doctor name should not hide a claim from screening.</li>
 * <li>Types (§0, §13.2): amounts 数值型 16,2, cnt 16,4, pric 16,6, prd_days 4,2 — plain decimals parsed exactly, more
 * decimals than the scale only when they are zeros; dates {@code yyyy-MM-dd}, date-times {@code yyyy-MM-dd HH:mm:ss}
 * (also with {@code T} or fractional seconds, as databases export them), real calendar dates only.</li>
 * <li>Closed dictionaries (§10): gend, vali_flag, refd_setl_flag, mid_setl_flag, dscg_tkdrug_flag, maindiag_flag,
 * hosp_appr_flag, er_flag, list_type, med_chrgitm_type ({@link org.fundguard.monitoring.ingest.Dictionary}). Open or
 * provincial ones (med_type, insutype, hosp_lv, psn_type, [VAR]) are kept as strings, unchecked; code shapes
 * (fixmedins_code, doctor codes, ICD-10) are the rules' business (§11: "warn, don't reject").</li>
 * <li>Consistency: a fee line or settlement whose mdtrt_id/psn_no differs from its visit's; a duplicate feedetl_sn
 * (unique within a visit, §5.1) or setl_id in one visit; a duplicate visit row; a fee line whose amount sign does not
 * match cnt × pric.</li>
 * </ul>
 * A bad row is left out and listed ({@link org.fundguard.monitoring.ingest.RowError}: file, line, field, reason, key);
 * the rest of the visit is kept. A bad visit row takes its settlements and fee lines with it (one extra error says
 * so), as do fee/settlement rows whose mdtrt_id has no visit row. The error list is capped
 * ({@link org.fundguard.monitoring.ingest.IngestOptions#maxErrors()}); beyond it errors are only counted.
 *
 * <h2>Refunds and invalidated rows</h2>
 * <ul>
 * <li>Refund fee lines are kept: negative {@code cnt} with a negative amount (2301 "退单时数量填写负数", §5.2), with
 * {@code init_feedetl_sn} naming the refunded line when given (§13.3); a fee line of a refund settlement
 * ({@code refd_setl_flag = 1}, §7, §10) gets {@code refd_setl_flag = "1"} from its settlement.
 * {@link org.fundguard.monitoring.claim.FeeLine#isRefund()} recognises all of these.</li>
 * <li>Refund settlements ({@code refd_setl_flag = 1}, negative amounts, §7) are kept as settlements of the visit.</li>
 * <li>{@code vali_flag = 0} rows are skipped, not rejected ("always filter vali_flag=1", §7, §13.3) and counted in
 * {@link org.fundguard.monitoring.ingest.IngestReport#rowsInvalidated()}: an invalid visit row skips the whole
 * visit; an invalid settlement (cancelled by 2208/2305) also skips the fee lines that point at it, since they were not
 * paid through it; an invalid fee line or diagnosis skips itself. A missing {@code vali_flag} means valid.</li>
 * <li>{@code fee_list_d.setl_id} empty = not yet settled (§7): kept with a null setl_id.</li>
 * </ul>
 *
 * <h2>Push or pull</h2>
 * {@code ingest(…, Consumer<Claim>)} pushes each visit as it completes; {@code stream(…)} returns the same run as a
 * {@link org.fundguard.monitoring.ingest.ClaimStream} ({@code Iterator<Claim>}) for callers that pull. Order: JSON lines
 * in file order, the warehouse dialect in {@code mdtrt_id} order. A consumer that needs visits grouped by
 * {@code psn_no} in time order (the engine's {@code BatchScreener.screenSorted}) needs JSON lines written in that
 * order; the warehouse order is fixed by the join.
 *
 * <h2>Progress and speed</h2>
 * A {@link org.fundguard.monitoring.ingest.ProgressListener} gets rows read, rows rejected, bytes read and visits every
 * N rows and at the end. Hot paths avoid regular expressions, {@code DateTimeFormatter}, {@code BigDecimal(String)} for
 * short numbers and Jackson's tree model; the CSV reader decodes only the columns ingest reads and reuses the previous
 * row's {@code String} when a column repeats (ids, codes).
 */
package org.fundguard.monitoring.ingest;
