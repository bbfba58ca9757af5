package org.fundguard.monitoring.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.Diagnosis;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Visit;

/**
 * Test data: a visit with fee lines. Defaults: an inpatient stay (med_type 21) of a 45-year-old man, 职工医保 (310), at
 * H34110200001 (滁州, level 02) from 2025-03-01 08:00 to 2025-03-10 10:00, main diagnosis I10.x00.
 */
public final class ClaimBuilder {

    private String mdtrtId = "M1";
    private String psnNo = "P1";
    private String gend = "1";
    private LocalDate brdy = LocalDate.of(1980, 1, 1);
    private String insutype = "310";
    private String medType = "21";
    private String fixmedins = "H34110200001";
    private String hospLv = "02";
    private String admdvs = "341102";
    private LocalDateTime begin = LocalDateTime.of(2025, 3, 1, 8, 0);
    private LocalDateTime end = LocalDateTime.of(2025, 3, 10, 10, 0);
    private final List<Diagnosis> diagnoses = new ArrayList<>(List.of(Diagnosis.main("I10.x00")));
    private final List<FeeLine> lines = new ArrayList<>();

    public static ClaimBuilder visit(String mdtrtId) {
        ClaimBuilder b = new ClaimBuilder();
        b.mdtrtId = mdtrtId;
        return b;
    }

    /** An outpatient visit (med_type 11) on one day. */
    public static ClaimBuilder outpatient(String mdtrtId, String day) {
        return visit(mdtrtId).medType("11").begin(day + " 09:00").end(null);
    }

    public ClaimBuilder psn(String v) { psnNo = v; return this; }
    public ClaimBuilder gend(String v) { gend = v; return this; }
    public ClaimBuilder brdy(String v) { brdy = LocalDate.parse(v); return this; }
    public ClaimBuilder insutype(String v) { insutype = v; return this; }
    public ClaimBuilder medType(String v) { medType = v; return this; }
    public ClaimBuilder fixmedins(String v) { fixmedins = v; return this; }
    public ClaimBuilder hospLv(String v) { hospLv = v; return this; }
    public ClaimBuilder admdvs(String v) { admdvs = v; return this; }
    public ClaimBuilder begin(String v) { begin = time(v); return this; }
    public ClaimBuilder end(String v) { end = v == null ? null : time(v); return this; }

    public ClaimBuilder stay(String from, String to) {
        return begin(from + " 08:00").end(to + " 10:00");
    }

    public ClaimBuilder diagnoses(String... codes) {
        diagnoses.clear();
        for (int i = 0; i < codes.length; i++) {
            diagnoses.add(i == 0 ? Diagnosis.main(codes[i]) : Diagnosis.other(codes[i]));
        }
        return this;
    }

    public ClaimBuilder line(LineBuilder l) {
        lines.add(l.build(mdtrtId, psnNo));
        return this;
    }

    public Claim build() {
        Visit v = new Visit(mdtrtId, psnNo, gend, brdy, insutype, medType, fixmedins, hospLv, admdvs, null, begin, end,
                diagnoses);
        return new Claim(v, lines);
    }

    /** "2025-03-01" (10:00) or "2025-03-01 08:30". */
    public static LocalDateTime time(String v) {
        return v.length() == 10 ? LocalDate.parse(v).atTime(10, 0) : LocalDateTime.parse(v.replace(' ', 'T'));
    }

    /** A fee line; defaults: a drug (list_type 101), cnt 1 × pric 10.00 on 2025-03-02 10:00, doctor D341102000001. */
    public static final class LineBuilder {
        private final String sn;
        private final String code;
        private String name;
        private String listType = "101";
        private LocalDateTime at = LocalDateTime.of(2025, 3, 2, 10, 0);
        private BigDecimal cnt = BigDecimal.ONE;
        private BigDecimal pric = new BigDecimal("10.00");
        private BigDecimal sum;
        private BigDecimal days;
        private String dr = "D341102000001";
        private List<String> trace = List.of();
        private String initSn;
        private String refd;
        private String er;

        private LineBuilder(String sn, String code) {
            this.sn = sn;
            this.code = code;
        }

        public static LineBuilder line(String sn, String code) {
            return new LineBuilder(sn, code);
        }

        public static LineBuilder item(String sn, String code) {
            return new LineBuilder(sn, code).listType("201");
        }

        public LineBuilder name(String v) { name = v; return this; }
        public LineBuilder listType(String v) { listType = v; return this; }
        public LineBuilder at(String v) { at = time(v); return this; }
        public LineBuilder cnt(String v) { cnt = new BigDecimal(v); return this; }
        public LineBuilder pric(String v) { pric = new BigDecimal(v); return this; }
        public LineBuilder sum(String v) { sum = new BigDecimal(v); return this; }
        public LineBuilder days(String v) { days = new BigDecimal(v); return this; }
        public LineBuilder dr(String v) { dr = v; return this; }
        public LineBuilder trace(String... v) { trace = List.of(v); return this; }
        public LineBuilder er(String v) { er = v; return this; }
        public LineBuilder refd(String v) { refd = v; return this; }

        /** A refund of {@code qty} (given positive) of the line {@code initSn}. */
        public LineBuilder refundOf(String initSn, String qty) {
            this.initSn = initSn;
            this.cnt = new BigDecimal(qty).negate();
            return this;
        }

        public FeeLine build(String mdtrtId, String psnNo) {
            BigDecimal amount = sum != null ? sum : cnt.multiply(pric).setScale(2, java.math.RoundingMode.HALF_UP);
            return new FeeLine(sn, mdtrtId, psnNo, null, at, code, name, listType, null, cnt, pric, amount, days, dr,
                    null, trace, initSn, refd, null, null, er);
        }
    }
}
