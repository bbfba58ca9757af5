package org.fundguard.monitoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.Diagnosis;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Visit;
import org.fundguard.monitoring.knowledge.AppliesPer;
import org.fundguard.monitoring.knowledge.FrequencyUnit;
import org.fundguard.monitoring.knowledge.KnowledgeCandidates;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.Region;
import org.fundguard.monitoring.knowledge.RuleKind;

/**
 * Screens one visit with its fee lines against a {@link RuleSet}, consulting a {@link CrossClaimContext} for rules that
 * look beyond the visit. Stateless and thread-safe; each call works on its own small evaluation object.
 *
 * <p>Hot path (per fee line): one {@link CodeTable} lookup by {@code hilist_code} gives every check for that code; each
 * check resolves its knowledge point from a precompiled array (region keys and epoch days, no allocation) and compares
 * primitives, strings and decimals. Lines that pass allocate nothing; reasons, amounts and lists are built only on a hit.
 *
 * <p>Dates: per-line rules and the payment course resolve knowledge points on the fee date; visit-level rules (重复收费,
 * 限定频次, 分解住院, 频繁就诊, 死亡后费用) on the visit's begin date, except a pairing rule that applies per day
 * ({@link AppliesPer#DAY}), which is decided day by day on the point in force that day.
 */
public final class RuleEngine {

    /** No date known for a line. */
    private static final long NO_DAY = Long.MIN_VALUE;

    private final RuleSet rules;

    public RuleEngine(RuleSet rules) {
        this.rules = rules;
    }

    public RuleSet ruleSet() {
        return rules;
    }

    /** Screens the claim and returns its hits in a list. */
    public List<Hit> evaluate(Claim claim, CrossClaimContext context) {
        List<Hit> hits = new ArrayList<>();
        evaluate(claim, context, hits::add);
        return hits;
    }

    /**
     * Decides the traceability-code hit of a line kept by a single pass's log, now that the log holds every use. The
     * log must be the context's trace-code index.
     */
    void traceCode(TraceCodeLog.Use use, CrossClaimContext context, HitSink sink) {
        new Evaluation(rules, use.visit, List.of(), context, sink).traceCode(use);
    }

    /** Screens the claim and hands each hit to the sink, in order: per-line hits by line, then visit-level hits. */
    public void evaluate(Claim claim, CrossClaimContext context, HitSink sink) {
        Visit v = claim.visit();
        if (v == null) {
            return;
        }
        new Evaluation(rules, v, claim.feeLines(), context, sink).run();
    }

    /** The work on one visit. */
    private static final class Evaluation {
        private final RuleSet rules;
        private final Visit v;
        private final List<FeeLine> lines;
        private final CrossClaimContext ctx;
        private final HitSink sink;
        private final Region region;
        private final NetLines net;
        private List<KnowledgeCandidates> pending;
        private List<String> afterDeath;
        private BigDecimal afterDeathAmount;
        private LocalDate firstAfterDeath;
        private KnowledgePoint feeDateKp;
        private boolean feeDateApplies;

        Evaluation(RuleSet rules, Visit v, List<FeeLine> lines, CrossClaimContext ctx, HitSink sink) {
            this.rules = rules;
            this.v = v;
            this.lines = lines;
            this.ctx = ctx;
            this.sink = sink;
            this.region = Region.of(v.regionAdmdvs());
            this.net = NetLines.of(lines);
        }

        void run() {
            LocalDate visitDate = visitDate();
            long deathLimit = Long.MAX_VALUE;
            KnowledgePoint deathKp = null;
            LocalDate deathDate = null;
            if (rules.death != null && visitDate != null) {
                deathDate = ctx.deaths().deathDate(v.psnNo());
                if (deathDate != null) {
                    deathKp = enabled(rules.death.resolve(visitDate.toEpochDay(), region));
                    if (deathKp != null) {
                        deathLimit = deathDate.toEpochDay() + deathKp.toleranceDays();
                    }
                }
            }
            int n = lines.size();
            for (int i = 0; i < n; i++) {
                FeeLine line = lines.get(i);
                if (!NetLines.live(net, line, i)) {
                    continue;
                }
                LocalDateTime t = line.feeOcurTime() != null ? line.feeOcurTime() : v.begntime();
                if (t == null) {
                    continue;
                }
                LocalDate date = t.toLocalDate();
                long day = date.toEpochDay();
                Object checks = rules.byCode.get(line.hilistCode());
                if (checks != null) {
                    if (checks instanceof KnowledgeCandidates one) {
                        lineCheck(one, line, i, date, day);
                    } else {
                        KnowledgeCandidates[] all = (KnowledgeCandidates[]) checks;
                        for (int c = 0; c < all.length; c++) {
                            lineCheck(all[c], line, i, date, day);
                        }
                    }
                }
                if (rules.feeDate != null) {
                    feeDate(line, i, date, day);
                }
                if (rules.barred != null && line.bilgDrCodg() != null) {
                    barred(line, i, date, day);
                }
                if (rules.traceCode != null && !line.drugTracCodg().isEmpty()) {
                    if (ctx.traceCodes() instanceof TraceCodeLog log) {
                        log.record(v, line, sn(line), t, amount(line, i));
                    } else {
                        traceCode(line, i, t, day);
                    }
                }
                if (day > deathLimit) {
                    noteAfterDeath(line, i, date);
                }
            }
            if (pending != null) {
                for (KnowledgeCandidates c : pending) {
                    visitCheck(c, visitDate);
                }
            }
            if (visitDate != null) {
                if (rules.readmission != null) {
                    readmission(visitDate);
                }
                for (KnowledgeCandidates g : rules.frequentVisits) {
                    frequentVisits(g, visitDate);
                }
                if (deathKp != null && (afterDeath != null || visitDate.toEpochDay() > deathLimit)) {
                    deathHit(deathKp, deathDate);
                }
            }
        }

        private LocalDate visitDate() {
            if (v.begntime() != null) {
                return v.begntime().toLocalDate();
            }
            for (FeeLine l : lines) {
                if (l.feeOcurTime() != null) {
                    return l.feeOcurTime().toLocalDate();
                }
            }
            return null;
        }

        // ---------------------------------------------------------------- per-line rules

        private void lineCheck(KnowledgeCandidates c, FeeLine line, int i, LocalDate date, long day) {
            RuleKind kind = c.kind();
            if (kind == RuleKind.PAIR || kind == RuleKind.FREQUENCY || kind == RuleKind.FREQUENT_VISITS) {
                if (pending == null) {
                    pending = new ArrayList<>(4);
                }
                if (!pending.contains(c)) {
                    pending.add(c);
                }
                return;
            }
            KnowledgePoint kp = c.resolve(day, region);
            if (kp == null || !kp.enabled()) {
                return;
            }
            switch (kind) {
                case SEX -> {
                    String g = v.gend();
                    if (("1".equals(g) || "2".equals(g)) && !g.equals(kp.gend())) {
                        lineHit(kp, line, i, amount(line, i), label(kp) + "：" + item(line) + " " + ref(kp)
                                + " 仅限" + sex(kp.gend()) + "性，患者性别为" + sex(g));
                    }
                }
                case AGE -> {
                    if (v.brdy() != null) {
                        long age = kp.ageUnit().ageAt(v.brdy(), date);
                        if ((kp.ageMin() != null && age < kp.ageMin()) || (kp.ageMax() != null && age > kp.ageMax())) {
                            lineHit(kp, line, i, amount(line, i), label(kp) + "：" + item(line) + " " + ref(kp)
                                    + " 限" + band(kp) + "，患者费用发生日（" + date + "）年龄为 " + age
                                    + kp.ageUnit().label());
                        }
                    }
                }
                case INSURANCE_TYPE -> {
                    String ins = v.insutype();
                    if (ins != null && !kp.insutypes().contains(ins)) {
                        lineHit(kp, line, i, amount(line, i), label(kp) + "：" + item(line) + " " + ref(kp)
                                + " 仅限险种 " + String.join("/", kp.insutypes()) + " 支付，本次险种为 " + ins);
                    }
                }
                case VISIT_TYPE -> {
                    String mt = v.medType();
                    if (mt != null && !prefixMatch(mt, kp.medTypes())) {
                        lineHit(kp, line, i, amount(line, i), label(kp) + "：" + item(line) + " " + ref(kp)
                                + " 仅限医疗类别 " + String.join("/", kp.medTypes()) + "（前缀），本次医疗类别为 " + mt);
                    }
                }
                case INSTITUTION_LEVEL -> {
                    String lv = v.hospLv();
                    if (lv != null && !kp.hospLvs().contains(lv)) {
                        lineHit(kp, line, i, amount(line, i), label(kp) + "：" + item(line) + " " + ref(kp)
                                + " 仅限医疗机构等级 " + String.join("/", kp.hospLvs()) + "，机构 " + v.fixmedinsCode()
                                + " 等级为 " + lv);
                    }
                }
                case PRICE_CAP -> {
                    BigDecimal pric = line.pric();
                    if (pric != null && pric.compareTo(kp.priceCap()) > 0) {
                        BigDecimal cnt = NetLines.cnt(net, line, i);
                        BigDecimal over = pric.subtract(kp.priceCap());
                        lineHit(kp, line, i, money(over.multiply(cnt)), label(kp) + "：" + item(line) + " " + ref(kp)
                                + " 限价 " + plain(kp.priceCap()) + " 元，实收单价 " + plain(pric) + " 元，超出 "
                                + plain(over) + " 元 × 数量 " + plain(cnt));
                    }
                }
                case MAX_SUPPLY -> maxSupply(kp, line, i);
                case INDICATION -> {
                    if (!diagnosisMatch(kp.diagnosisCodes())) {
                        lineHit(kp, line, i, amount(line, i), label(kp) + "：" + item(line) + " " + ref(kp)
                                + " 限诊断 " + String.join("/", kp.diagnosisCodes()) + "，本次诊断 "
                                + (v.diagnoses().isEmpty() ? "无" : diagnosisList()) + " 均不符合");
                    }
                }
                case PAYMENT_COURSE -> paymentCourse(kp, line, i, day);
                default -> {
                    // not a per-line kind
                }
            }
        }

        /** The share of the line beyond the limit is at issue: the larger of excess quantity / quantity and excess days / days. */
        private void maxSupply(KnowledgePoint kp, FeeLine line, int i) {
            BigDecimal cnt = NetLines.cnt(net, line, i);
            BigDecimal excess = null;
            BigDecimal of = null;
            String detail = null;
            if (kp.maxQuantity() != null && cnt.compareTo(kp.maxQuantity()) > 0) {
                excess = cnt.subtract(kp.maxQuantity());
                of = cnt;
                detail = "限最大开药量 " + plain(kp.maxQuantity()) + "，本次数量 " + plain(cnt);
            }
            BigDecimal days = line.prdDays();
            if (kp.maxDays() != null && days != null && days.compareTo(kp.maxDays()) > 0) {
                BigDecimal dayExcess = days.subtract(kp.maxDays());
                // dayExcess / days > excess / of, compared without dividing (both denominators are positive)
                if (excess == null || dayExcess.multiply(of).compareTo(excess.multiply(days)) > 0) {
                    excess = dayExcess;
                    of = days;
                }
                String d = "限最大开药天数 " + plain(kp.maxDays()) + " 天，本次开药 " + plain(days) + " 天";
                detail = detail == null ? d : detail + "；" + d;
            }
            if (excess != null) {
                lineHit(kp, line, i, amount(line, i).multiply(excess).divide(of, 2, RoundingMode.HALF_UP),
                        label(kp) + "：" + item(line) + " " + ref(kp) + " " + detail);
            }
        }

        /**
         * 限支付疗程: the course is kp.maxDays days counted from the patient's first paid use of the code (day 1), looking
         * back kp.windowDays days (null = all history). A line covering days beyond the course hits, pro rata.
         */
        private void paymentCourse(KnowledgePoint kp, FeeLine line, int i, long day) {
            String code = line.hilistCode();
            long from = kp.windowDays() == null ? Long.MIN_VALUE : day - kp.windowDays() + 1;
            long first = day;
            String firstVisit = null;
            if (v.begntime() != null && v.mdtrtId() != null) {
                List<CodeUse> uses = ctx.history().uses(v.psnNo(), code);
                for (int u = 0, n = uses.size(); u < n; u++) {
                    CodeUse use = uses.get(u);
                    if (use.feeEpochDay() > day) {
                        break;
                    }
                    if (use.feeEpochDay() >= from && use.feeEpochDay() < first
                            && VisitRecord.compareOrder(use.visitBegntime(), use.mdtrtId(), v.begntime(), v.mdtrtId())
                            < 0) {
                        first = use.feeEpochDay();
                        firstVisit = use.mdtrtId();
                        break;
                    }
                }
            }
            for (int j = 0, n = lines.size(); j < n; j++) {
                FeeLine o = lines.get(j);
                if (j == i || !code.equals(o.hilistCode()) || !NetLines.live(net, o, j) || o.feeOcurTime() == null) {
                    continue;
                }
                long d = o.feeOcurTime().toLocalDate().toEpochDay();
                if (d >= from && d < first) {
                    first = d;
                    firstVisit = v.mdtrtId();
                }
            }
            BigDecimal supply = line.prdDays() != null && line.prdDays().signum() > 0 ? line.prdDays() : BigDecimal.ONE;
            BigDecimal end = BigDecimal.valueOf(day - first).add(supply);
            BigDecimal excess = end.subtract(kp.maxDays());
            if (excess.signum() > 0) {
                BigDecimal paidExcess = excess.min(supply);
                BigDecimal amt = money(amount(line, i).multiply(paidExcess).divide(supply, 8, RoundingMode.HALF_UP));
                List<String> related = firstVisit == null || firstVisit.equals(v.mdtrtId()) ? List.of()
                        : List.of(firstVisit);
                emit(kp, List.of(sn(line)), amt, label(kp) + "：" + item(line) + " " + ref(kp) + " 限支付疗程 "
                        + plain(kp.maxDays()) + " 天（自 " + LocalDate.ofEpochDay(first) + " 首次支付起算），本次费用 "
                        + LocalDate.ofEpochDay(day) + " 开药 " + plain(supply) + " 天，超出疗程 " + plain(paidExcess)
                        + " 天", related);
            }
        }

        /** 计费日期与住院时间不符: the fee date lies before the admission date or after the discharge date. */
        private void feeDate(FeeLine line, int i, LocalDate date, long day) {
            if (v.begntime() == null) {
                return;
            }
            KnowledgePoint kp = enabled(rules.feeDate.resolve(day, region));
            if (kp == null) {
                return;
            }
            if (kp != feeDateKp) {
                // the visit type is the same for every line: judge it once per knowledge point
                feeDateKp = kp;
                feeDateApplies = kp.medTypes().isEmpty() || prefixMatch(v.medType(), kp.medTypes());
            }
            if (!feeDateApplies) {
                return;
            }
            long adm = v.begntime().toLocalDate().toEpochDay();
            int tol = kp.toleranceDays();
            if (day < adm - tol || (v.endtime() != null && day > v.endtime().toLocalDate().toEpochDay() + tol)) {
                lineHit(kp, line, i, amount(line, i), label(kp) + "：" + item(line) + " 费用发生于 " + date
                        + "，住院期间为 " + v.begntime().toLocalDate() + " 至 "
                        + (v.endtime() == null ? "在院" : v.endtime().toLocalDate().toString()) + "，" + ref(kp));
            }
        }

        /**
         * A practitioner whose payment qualification is suspended or terminated on the fee date; 急诊/抢救 excepted: a line
         * flagged emergency, the knowledge point's exempt med_types and the service kit's shared emergency list.
         */
        private void barred(FeeLine line, int i, LocalDate date, long day) {
            BarPeriod bar = ctx.qualifications().barredOn(line.bilgDrCodg(), date);
            if (bar == null) {
                return;
            }
            KnowledgePoint kp = enabled(rules.barred.resolve(day, region));
            if (kp == null || line.isEmergency() || prefixMatch(v.medType(), kp.exemptMedTypes())
                    || prefixMatch(v.medType(), rules.emergencyMedTypes)) {
                return;
            }
            lineHit(kp, line, i, amount(line, i), label(kp) + "：开单医生 " + line.bilgDrCodg() + " 的医保支付资格自 "
                    + bar.from() + (bar.to() == null ? " 起" : " 至 " + bar.to()) + bar.status().label()
                    + (bar.decisionNo() == null ? "" : "（" + bar.decisionNo() + "）") + "，" + item(line)
                    + " 发生于 " + date + "，非急诊抢救，" + ref(kp));
        }

        /** 回流药: a traceability code already settled on another (earlier) line, here or anywhere else. */
        private void traceCode(FeeLine line, int i, LocalDateTime t, long day) {
            List<String> codes = line.drugTracCodg();
            String sn = sn(line);
            String mdtrt = v.mdtrtId() == null ? "" : v.mdtrtId();
            int dup = 0;
            TraceUse earlier = null;
            String dupCode = null;
            for (int k = 0, n = codes.size(); k < n; k++) {
                String code = codes.get(k);
                TraceUse first = ctx.traceCodes().firstUse(code);
                if (first != null && !first.sameLine(mdtrt, sn)) {
                    if (first.compareOrder(t, mdtrt, sn) < 0) {
                        dup++;
                        earlier = earlier == null ? first : earlier;
                        dupCode = dupCode == null ? code : dupCode;
                    }
                    continue;
                }
                TraceUse inVisit = earlierInVisit(code, i, t, sn);
                if (inVisit != null) {
                    dup++;
                    earlier = earlier == null ? inVisit : earlier;
                    dupCode = dupCode == null ? code : dupCode;
                }
            }
            if (dup > 0) {
                traceHit(sn, item(line), amount(line, i), codes.size(), day, dup, earlier, dupCode);
            }
        }

        /**
         * A line whose codes all come from the log of a single pass, now complete: every use is known, so a code's
         * first use is its earliest anywhere (this visit included).
         */
        void traceCode(TraceCodeLog.Use use) {
            String mdtrt = use.mdtrtId;
            int dup = 0;
            TraceUse earlier = null;
            String dupCode = null;
            for (int k = 0, n = use.codes.size(); k < n; k++) {
                String code = use.codes.get(k);
                TraceUse first = ctx.traceCodes().firstUse(code);
                if (first != null && !first.sameLine(mdtrt, use.feedetlSn)
                        && first.compareOrder(use.time, mdtrt, use.feedetlSn) < 0) {
                    dup++;
                    earlier = earlier == null ? first : earlier;
                    dupCode = dupCode == null ? code : dupCode;
                }
            }
            if (dup > 0) {
                traceHit(use.feedetlSn, item(use.listType, use.hilistCode, use.hilistName), use.amount,
                        use.codes.size(), use.time.toLocalDate().toEpochDay(), dup, earlier, dupCode);
            }
        }

        private void traceHit(String sn, String item, BigDecimal lineAmount, int codeCount, long day, int dup,
                TraceUse earlier, String dupCode) {
            KnowledgePoint kp = enabled(rules.traceCode.resolve(day, region));
            if (kp == null) {
                return;
            }
            String mdtrt = v.mdtrtId() == null ? "" : v.mdtrtId();
            BigDecimal amt = money(lineAmount.multiply(BigDecimal.valueOf(dup))
                    .divide(BigDecimal.valueOf(codeCount), 8, RoundingMode.HALF_UP));
            String where = earlier.mdtrtId().equals(mdtrt) ? "本次就诊费用 " + earlier.feedetlSn()
                    : "机构 " + earlier.fixmedinsCode() + "（就诊 " + earlier.mdtrtId() + "）";
            emit(kp, List.of(sn), amt, label(kp) + "：" + item + " 药品追溯码 " + dupCode + " 已于 "
                    + earlier.feeOcurTime().toLocalDate() + " 在" + where + "结算，本次再次结算"
                    + (dup > 1 ? "（本行共 " + dup + " 个追溯码重复）" : "") + "，" + ref(kp),
                    earlier.mdtrtId().equals(mdtrt) ? List.of() : List.of(earlier.mdtrtId()));
        }

        private TraceUse earlierInVisit(String code, int i, LocalDateTime t, String sn) {
            for (int j = 0, n = lines.size(); j < n; j++) {
                FeeLine o = lines.get(j);
                if (j == i || o.drugTracCodg().isEmpty() || !o.drugTracCodg().contains(code)
                        || !NetLines.live(net, o, j)) {
                    continue;
                }
                LocalDateTime ot = o.feeOcurTime() != null ? o.feeOcurTime() : v.begntime();
                if (ot == null) {
                    continue;
                }
                int c = ot.compareTo(t);
                if (c < 0 || (c == 0 && sn(o).compareTo(sn) < 0)) {
                    return new TraceUse(code, v.mdtrtId(), sn(o), v.psnNo(), v.fixmedinsCode(), ot);
                }
            }
            return null;
        }

        private void noteAfterDeath(FeeLine line, int i, LocalDate date) {
            if (afterDeath == null) {
                afterDeath = new ArrayList<>();
                afterDeathAmount = BigDecimal.ZERO;
            }
            afterDeath.add(sn(line));
            afterDeathAmount = afterDeathAmount.add(amount(line, i));
            if (firstAfterDeath == null || date.isBefore(firstAfterDeath)) {
                firstAfterDeath = date;
            }
        }

        private void deathHit(KnowledgePoint kp, LocalDate deathDate) {
            int count = afterDeath == null ? 0 : afterDeath.size();
            emit(kp, afterDeath == null ? List.of() : afterDeath,
                    money(afterDeathAmount == null ? BigDecimal.ZERO : afterDeathAmount),
                    label(kp) + "：患者死亡登记日期为 " + deathDate + "，本次就诊（" + v.mdtrtId() + "，开始于 "
                            + (v.begntime() == null ? "未知" : v.begntime().toLocalDate().toString()) + "）有 " + count
                            + " 条费用发生在死亡之后" + (firstAfterDeath == null ? "" : "（最早 " + firstAfterDeath + "）")
                            + "，" + ref(kp),
                    List.of());
        }

        // ---------------------------------------------------------------- per-visit rules

        private void visitCheck(KnowledgeCandidates c, LocalDate visitDate) {
            if (visitDate == null) {
                return;
            }
            KnowledgePoint kp = enabled(c.resolve(visitDate.toEpochDay(), region));
            if (kp == null) {
                return;
            }
            switch (c.kind()) {
                case PAIR -> {
                    if (kp.appliesPer() == AppliesPer.DAY) {
                        pairPerDay(c, c.code(), c.subject());
                    } else {
                        pair(kp, c.code(), c.subject());
                    }
                }
                case FREQUENCY -> frequency(kp, c.code());
                case FREQUENT_VISITS -> frequentPurchases(kp, c.code(), visitDate);
                default -> {
                    // per-line kinds never reach here
                }
            }
        }

        /** 重复收费: code and paired code both charged (net of refunds) in this visit; the paired lines are at issue. */
        private void pair(KnowledgePoint kp, String code, String paired) {
            List<String> violating = new ArrayList<>();
            List<String> involved = new ArrayList<>();
            BigDecimal amt = BigDecimal.ZERO;
            FeeLine a = null;
            FeeLine b = null;
            for (int i = 0, n = lines.size(); i < n; i++) {
                FeeLine l = lines.get(i);
                if (!NetLines.live(net, l, i) || l.hilistCode() == null) {
                    continue;
                }
                if (l.hilistCode().equals(paired)) {
                    violating.add(sn(l));
                    amt = amt.add(amount(l, i));
                    b = b == null ? l : b;
                } else if (l.hilistCode().equals(code)) {
                    involved.add(sn(l));
                    a = a == null ? l : a;
                }
            }
            if (violating.isEmpty() || involved.isEmpty()) {
                return;
            }
            violating.addAll(involved);
            emit(kp, violating, money(amt), label(kp) + "：" + item(a) + " 与 " + item(b) + " 在同一次就诊中同时收费，"
                    + ref(kp) + " 规定二者不得同时收取，重复收取 " + plain(money(amt)) + " 元", List.of());
        }

        /**
         * 重复收费 per day ({@link AppliesPer#DAY}, e.g. 同一日只能收取一个护理级别): one hit for each day on which both the
         * code and the paired code are charged (net of refunds), with that day's lines and the amount of that day's paired
         * lines; the knowledge point is the one in force on that day. A line's day is its fee date, else the visit's.
         */
        private void pairPerDay(KnowledgeCandidates c, String code, String paired) {
            int n = lines.size();
            long[] codeDays = new long[4];
            int codeDayCount = 0;
            for (int i = 0; i < n; i++) {
                FeeLine l = lines.get(i);
                if (code.equals(l.hilistCode()) && NetLines.live(net, l, i)) {
                    long d = lineDay(l);
                    if (d != NO_DAY && indexOf(codeDays, codeDayCount, d) < 0) {
                        if (codeDayCount == codeDays.length) {
                            codeDays = java.util.Arrays.copyOf(codeDays, codeDayCount * 2);
                        }
                        codeDays[codeDayCount++] = d;
                    }
                }
            }
            if (codeDayCount == 0) {
                return;
            }
            long[] done = new long[codeDayCount];
            int doneCount = 0;
            for (int i = 0; i < n && doneCount < codeDayCount; i++) {
                FeeLine l = lines.get(i);
                if (!paired.equals(l.hilistCode()) || !NetLines.live(net, l, i)) {
                    continue;
                }
                long d = lineDay(l);
                if (d == NO_DAY || indexOf(codeDays, codeDayCount, d) < 0 || indexOf(done, doneCount, d) >= 0) {
                    continue;
                }
                done[doneCount++] = d;
                KnowledgePoint kp = enabled(c.resolve(d, region));
                if (kp == null) {
                    continue;
                }
                List<String> violating = new ArrayList<>();
                List<String> involved = new ArrayList<>();
                BigDecimal amt = BigDecimal.ZERO;
                FeeLine a = null;
                for (int j = 0; j < n; j++) {
                    FeeLine m = lines.get(j);
                    if (m.hilistCode() == null || !NetLines.live(net, m, j) || lineDay(m) != d) {
                        continue;
                    }
                    if (m.hilistCode().equals(paired)) {
                        violating.add(sn(m));
                        amt = amt.add(amount(m, j));
                    } else if (m.hilistCode().equals(code)) {
                        involved.add(sn(m));
                        a = a == null ? m : a;
                    }
                }
                violating.addAll(involved);
                emit(kp, violating, money(amt), label(kp) + "：" + item(a) + " 与 " + item(l) + " 于 "
                        + LocalDate.ofEpochDay(d) + " 同日收费，" + ref(kp) + " 规定同一日二者不得同时收取，重复收取 "
                        + plain(money(amt)) + " 元", List.of());
            }
        }

        /** The epoch day a line is charged on: its fee date, else the visit's begin date, else {@link #NO_DAY}. */
        private long lineDay(FeeLine l) {
            LocalDateTime t = l.feeOcurTime() != null ? l.feeOcurTime() : v.begntime();
            return t == null ? NO_DAY : t.toLocalDate().toEpochDay();
        }

        private static int indexOf(long[] values, int count, long value) {
            for (int k = 0; k < count; k++) {
                if (values[k] == value) {
                    return k;
                }
            }
            return -1;
        }

        /**
         * 限定频次: at most kp.freqMax per kp.freqPeriod units. For each charge (by fee time, then feedetl_sn) the quantity
         * in the window of that length ending at it (DAY: calendar days d-P+1..d; HOUR: (t-P h, t]) is summed; what
         * exceeds the limit is the excess of that charge. The patient's earlier visits count in the window too (their
         * paid uses of the code in the history, e.g. the other encounters a 3101 message carries), before this visit's
         * charges of the same time; only this visit's charges hit, the earlier visits are named as related.
         */
        private void frequency(KnowledgePoint kp, String code) {
            int[] idx = new int[lines.size()];
            int count = 0;
            for (int i = 0, n = lines.size(); i < n; i++) {
                FeeLine l = lines.get(i);
                if (code.equals(l.hilistCode()) && NetLines.live(net, l, i) && l.feeOcurTime() != null) {
                    // insertion sort by fee time, then feedetl_sn: few lines per code and visit
                    int k = count++;
                    while (k > 0 && chargeOrder(lines.get(idx[k - 1]), l) > 0) {
                        idx[k] = idx[k - 1];
                        k--;
                    }
                    idx[k] = i;
                }
            }
            if (count == 0) {
                return;
            }
            boolean hours = kp.freqUnit() == FrequencyUnit.HOUR;
            long span = hours ? kp.freqPeriod() * 3600L : kp.freqPeriod();
            List<CodeUse> earlier = earlierUses(code, hours, position(lines.get(idx[0]), hours) - span,
                    position(lines.get(idx[count - 1]), hours));
            // the charges in order: earlier visits' uses (index -1 - u) merged before this visit's lines of the same time
            int total = earlier.size() + count;
            int[] order = new int[total];
            long[] pos = new long[total];
            BigDecimal[] qty = new BigDecimal[total];
            for (int r = 0, e = 0, c = 0; r < total; r++) {
                boolean fromHistory = c == count || e < earlier.size()
                        && position(earlier.get(e).feeTime(), hours) <= position(lines.get(idx[c]), hours);
                if (fromHistory) {
                    CodeUse u = earlier.get(e);
                    order[r] = -1 - e++;
                    pos[r] = position(u.feeTime(), hours);
                    qty[r] = u.cnt();
                } else {
                    int i = idx[c++];
                    order[r] = i;
                    pos[r] = position(lines.get(i), hours);
                    qty[r] = NetLines.cnt(net, lines.get(i), i);
                }
            }
            List<String> hitLines = new ArrayList<>();
            List<String> related = new ArrayList<>();
            BigDecimal excessQty = BigDecimal.ZERO;
            BigDecimal amt = BigDecimal.ZERO;
            BigDecimal worst = BigDecimal.ZERO;
            LocalDateTime worstAt = null;
            BigDecimal window = BigDecimal.ZERO;
            int left = 0;
            for (int r = 0; r < total; r++) {
                window = window.add(qty[r]);
                while (pos[r] - pos[left] >= span) {
                    window = window.subtract(qty[left++]);
                }
                BigDecimal over = window.subtract(kp.freqMax());
                if (over.signum() <= 0 || order[r] < 0) {
                    continue;
                }
                int i = order[r];
                FeeLine l = lines.get(i);
                BigDecimal cnt = qty[r];
                BigDecimal ex = over.min(cnt);
                hitLines.add(sn(l));
                excessQty = excessQty.add(ex);
                amt = amt.add(l.pric() != null ? l.pric().multiply(ex)
                        : amount(l, i).multiply(ex).divide(cnt, 8, RoundingMode.HALF_UP));
                if (window.compareTo(worst) > 0) {
                    worst = window;
                    worstAt = l.feeOcurTime();
                }
                for (int k = left; k < r; k++) {
                    String visit = order[k] < 0 ? earlier.get(-1 - order[k]).mdtrtId() : null;
                    if (visit != null && !related.contains(visit)) {
                        related.add(visit);
                    }
                }
            }
            if (hitLines.isEmpty()) {
                return;
            }
            FeeLine any = lines.get(idx[0]);
            emit(kp, hitLines, money(amt), label(kp) + "：" + item(any) + " " + ref(kp) + " 限每 "
                    + kp.freqPeriod() + " " + kp.freqUnit().label() + "不超过 " + plain(kp.freqMax()) + " 次，截至 "
                    + fmt(worstAt, hours) + " 的 " + kp.freqPeriod() + " " + kp.freqUnit().label() + "内计费 "
                    + plain(worst) + " 次" + (related.isEmpty() ? "" : "（含此前 " + related.size() + " 次就诊）")
                    + "，共超出 " + plain(excessQty) + " 次", related);
        }

        /**
         * The patient's paid uses of the code in visits before this one, at positions in (from, to], sorted by position
         * (empty without history, or when this visit cannot be ordered).
         */
        private List<CodeUse> earlierUses(String code, boolean hours, long from, long to) {
            if (v.begntime() == null || v.mdtrtId() == null) {
                return List.of();
            }
            List<CodeUse> uses = ctx.history().uses(v.psnNo(), code);
            if (uses.isEmpty()) {
                return List.of();
            }
            List<CodeUse> out = new ArrayList<>(2);
            for (int k = 0, n = uses.size(); k < n; k++) {
                CodeUse u = uses.get(k);
                long p = position(u.feeTime(), hours);
                if (p <= from || p > to || u.cnt() == null || u.cnt().signum() <= 0 || u.mdtrtId().equals(v.mdtrtId())
                        || VisitRecord.compareOrder(u.visitBegntime(), u.mdtrtId(), v.begntime(), v.mdtrtId()) >= 0) {
                    continue;
                }
                out.add(u);
            }
            out.sort(java.util.Comparator.comparingLong(u -> position(u.feeTime(), hours)));
            return out;
        }

        private static int chargeOrder(FeeLine a, FeeLine b) {
            int c = a.feeOcurTime().compareTo(b.feeOcurTime());
            return c != 0 ? c : sn(a).compareTo(sn(b));
        }

        private static long position(FeeLine l, boolean hours) {
            return position(l.feeOcurTime(), hours);
        }

        private static long position(LocalDateTime t, boolean hours) {
            return hours ? t.toLocalDate().toEpochDay() * 86400L + t.toLocalTime().toSecondOfDay()
                    : t.toLocalDate().toEpochDay();
        }

        private static String fmt(LocalDateTime t, boolean hours) {
            return hours ? t.toString().replace('T', ' ') : t.toLocalDate().toString();
        }

        /**
         * 分解住院: an earlier stay of the patient at the same institution ended d days before this admission, with
         * 0 ≤ d ≤ N (discharge day = day 0, so with N = 15 readmission on the 15th day hits and on the 16th does not),
         * unless a diagnosis of this stay is on the exemption list (e.g. Z51.1 化疗).
         */
        private void readmission(LocalDate visitDate) {
            if (v.begntime() == null || v.mdtrtId() == null || v.fixmedinsCode() == null) {
                return;
            }
            KnowledgePoint kp = enabled(rules.readmission.resolve(visitDate.toEpochDay(), region));
            if (kp == null || !visitTypeMatches(kp)) {
                return;
            }
            long adm = visitDate.toEpochDay();
            VisitRecord prev = null;
            long best = Long.MAX_VALUE;
            List<VisitRecord> visits = ctx.history().visits(v.psnNo());
            for (int k = 0, n = visits.size(); k < n; k++) {
                VisitRecord r = visits.get(k);
                if (r.endtime() == null || r.mdtrtId().equals(v.mdtrtId()) || !r.before(v.begntime(), v.mdtrtId())
                        || !v.fixmedinsCode().equals(r.fixmedinsCode())
                        || (!kp.medTypes().isEmpty() && !prefixMatch(r.medType(), kp.medTypes()))) {
                    continue;
                }
                long d = adm - r.endtime().toLocalDate().toEpochDay();
                if (d >= 0 && d < best) {
                    best = d;
                    prev = r;
                }
            }
            if (prev == null || best > kp.windowDays() || diagnosisMatch(kp.exemptDiagnosisCodes())) {
                return;
            }
            emit(kp, List.of(), money(visitTotal()), label(kp) + "：患者于 " + prev.endtime().toLocalDate() + " 从机构 "
                    + v.fixmedinsCode() + " 出院（就诊 " + prev.mdtrtId() + "），第 " + best + " 天（" + visitDate
                    + "）再次入院，" + ref(kp) + " 规定出院后 " + kp.windowDays() + " 天内再次入住同一机构为可疑分解住院",
                    List.of(prev.mdtrtId()));
        }

        /** 频繁门诊/购药/住院: more than kp.maxCount visits of the listed types within kp.windowDays days (this one included). */
        private void frequentVisits(KnowledgeCandidates g, LocalDate visitDate) {
            if (v.begntime() == null || v.mdtrtId() == null) {
                return;
            }
            KnowledgePoint kp = enabled(g.resolve(visitDate.toEpochDay(), region));
            if (kp == null || !visitTypeMatches(kp)) {
                return;
            }
            long from = visitDate.toEpochDay() - kp.windowDays() + 1;
            List<String> counted = null;
            List<VisitRecord> visits = ctx.history().visits(v.psnNo());
            for (int k = 0, n = visits.size(); k < n; k++) {
                VisitRecord r = visits.get(k);
                if (r.begntime() == null || r.mdtrtId().equals(v.mdtrtId()) || !r.before(v.begntime(), v.mdtrtId())
                        || r.begntime().toLocalDate().toEpochDay() < from
                        || (!kp.medTypes().isEmpty() && !prefixMatch(r.medType(), kp.medTypes()))
                        || (kp.sameInstitution() && !r.fixmedinsCode().equals(v.fixmedinsCode()))) {
                    continue;
                }
                if (counted == null) {
                    counted = new ArrayList<>();
                }
                counted.add(r.mdtrtId());
            }
            int count = 1 + (counted == null ? 0 : counted.size());
            if (count > kp.maxCount()) {
                emit(kp, List.of(), money(visitTotal()), label(kp) + "：患者在 " + kp.windowDays() + " 天内（"
                        + LocalDate.ofEpochDay(from) + " 至 " + visitDate + "）" + (kp.sameInstitution() ? "在同一机构" : "")
                        + "就诊 " + count + " 次（含本次），超过" + ref(kp) + " 的上限 " + kp.maxCount() + " 次", counted);
            }
        }

        /** 频繁购药 of listed drugs: more than kp.maxCount visits with a paid use of the code within kp.windowDays days. */
        private void frequentPurchases(KnowledgePoint kp, String code, LocalDate visitDate) {
            if (v.begntime() == null || v.mdtrtId() == null || !visitTypeMatches(kp)) {
                return;
            }
            long to = visitDate.toEpochDay();
            long from = to - kp.windowDays() + 1;
            List<String> counted = new ArrayList<>();
            List<CodeUse> uses = ctx.history().uses(v.psnNo(), code);
            for (int k = 0, n = uses.size(); k < n; k++) {
                CodeUse u = uses.get(k);
                if (u.feeEpochDay() < from || u.feeEpochDay() > to || u.mdtrtId().equals(v.mdtrtId())
                        || VisitRecord.compareOrder(u.visitBegntime(), u.mdtrtId(), v.begntime(), v.mdtrtId()) >= 0
                        || counted.contains(u.mdtrtId())) {
                    continue;
                }
                counted.add(u.mdtrtId());
            }
            int count = 1 + counted.size();
            if (count <= kp.maxCount()) {
                return;
            }
            List<String> sns = new ArrayList<>();
            BigDecimal amt = BigDecimal.ZERO;
            FeeLine any = null;
            for (int i = 0, n = lines.size(); i < n; i++) {
                FeeLine l = lines.get(i);
                if (code.equals(l.hilistCode()) && NetLines.live(net, l, i)) {
                    sns.add(sn(l));
                    amt = amt.add(amount(l, i));
                    any = any == null ? l : any;
                }
            }
            emit(kp, sns, money(amt), label(kp) + "：" + item(any) + " 患者在 " + kp.windowDays() + " 天内（"
                    + LocalDate.ofEpochDay(from) + " 至 " + visitDate + "）购药 " + count + " 次（含本次），超过" + ref(kp)
                    + " 的上限 " + kp.maxCount() + " 次", counted);
        }

        // ---------------------------------------------------------------- helpers

        private boolean visitTypeMatches(KnowledgePoint kp) {
            return kp.medTypes().isEmpty() || prefixMatch(v.medType(), kp.medTypes());
        }

        private boolean diagnosisMatch(List<String> prefixes) {
            List<Diagnosis> ds = v.diagnoses();
            for (int d = 0, n = ds.size(); d < n; d++) {
                String code = ds.get(d).diagCode();
                if (code == null) {
                    continue;
                }
                for (int p = 0, m = prefixes.size(); p < m; p++) {
                    String prefix = prefixes.get(p);
                    if (code.regionMatches(true, 0, prefix, 0, prefix.length())) {
                        return true;
                    }
                }
            }
            return false;
        }

        private String diagnosisList() {
            List<String> codes = new ArrayList<>();
            for (Diagnosis d : v.diagnoses()) {
                codes.add(d.diagCode());
            }
            return String.join("/", codes);
        }

        private BigDecimal visitTotal() {
            BigDecimal total = BigDecimal.ZERO;
            for (FeeLine l : lines) {
                if (l.detItemFeeSumamt() != null) {
                    BigDecimal a = l.detItemFeeSumamt();
                    total = total.add(l.isRefund() ? a.abs().negate() : a);
                }
            }
            return total;
        }

        private BigDecimal amount(FeeLine line, int i) {
            return NetLines.amount(net, line, i);
        }

        private void lineHit(KnowledgePoint kp, FeeLine line, int i, BigDecimal amount, String reason) {
            emit(kp, List.of(sn(line)), money(amount), reason, List.of());
        }

        private void emit(KnowledgePoint kp, List<String> sns, BigDecimal amount, String reason, List<String> related) {
            sink.accept(new Hit(kp.ruleClass(), kp.id(), kp.version(), kp.resultType(), kp.effectiveSevDeg(),
                    v.mdtrtId(), v.psnNo(), sns, money(amount), reason, related, kp.evidence()));
        }
    }

    // ---------------------------------------------------------------- static helpers (allocation-free where hot)

    static boolean prefixMatch(String value, List<String> prefixes) {
        if (value == null) {
            return false;
        }
        for (int p = 0, m = prefixes.size(); p < m; p++) {
            if (value.startsWith(prefixes.get(p))) {
                return true;
            }
        }
        return false;
    }

    private static KnowledgePoint enabled(KnowledgePoint kp) {
        return kp != null && kp.enabled() ? kp : null;
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    static String sn(FeeLine l) {
        return l.feedetlSn() == null ? "" : l.feedetlSn();
    }

    static String ref(KnowledgePoint kp) {
        return "知识点 " + kp.id();
    }

    static String label(KnowledgePoint kp) {
        return kp.name() != null ? kp.name() : kp.ruleClass().ruleName();
    }

    static String sex(String gend) {
        return "1".equals(gend) ? "男" : "2".equals(gend) ? "女" : "未知";
    }

    static String band(KnowledgePoint kp) {
        String u = kp.ageUnit().label();
        if (kp.ageMin() != null && kp.ageMax() != null) {
            return " " + kp.ageMin() + "–" + kp.ageMax() + " " + u;
        }
        return kp.ageMin() != null ? "年满 " + kp.ageMin() + " " + u + "及以上" : " " + kp.ageMax() + " " + u + "及以下";
    }

    static String item(FeeLine l) {
        return item(l.listType(), l.hilistCode(), l.hilistName());
    }

    static String item(String lt, String hilistCode, String hilistName) {
        String kind;
        if (lt == null) {
            kind = "项目";
        } else if (lt.startsWith("1")) {
            kind = "药品";
        } else if (lt.equals("201")) {
            kind = "医疗服务项目";
        } else if (lt.equals("301")) {
            kind = "医用耗材";
        } else {
            kind = "项目";
        }
        return kind + " " + hilistCode + (hilistName == null ? "" : "（" + hilistName + "）");
    }
}
