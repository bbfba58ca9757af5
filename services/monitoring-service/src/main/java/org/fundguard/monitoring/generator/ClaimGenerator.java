package org.fundguard.monitoring.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.Diagnosis;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Settlement;
import org.fundguard.monitoring.claim.Visit;
import org.fundguard.monitoring.engine.BarPeriod;
import org.fundguard.monitoring.engine.InMemoryDeathRegistry;
import org.fundguard.monitoring.engine.InMemoryQualificationReplica;
import org.fundguard.monitoring.knowledge.AppliesPer;
import org.fundguard.monitoring.knowledge.FrequencyUnit;
import org.fundguard.monitoring.knowledge.ImportReport;
import org.fundguard.monitoring.knowledge.KnowledgeBase;
import org.fundguard.monitoring.knowledge.KnowledgeImporter;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.fundguard.monitoring.knowledge.RuleKind;

/**
 * Streams seeded synthetic claims, patient by patient (grouped by psn_no, each patient's visits in visit order, so
 * {@code BatchScreener.screenSorted} can read it directly), with known violations injected into a share of patients.
 *
 * <p>Memory is constant in the number of claims: one patient's visits are built at a time; only the manifest (one
 * entry per injected violation), the death registry entries and a small ring of recent traceability codes are kept.
 * Everything random comes from the seed (each patient has its own stream derived from the seed and its index), so the
 * same configuration always yields the same claims.
 *
 * <p>Injection: the k-th patient chosen for a violation gets rule class {@code injectable().get(k mod n)}; when the
 * patient's visits offer no way to break that rule (no child for 儿童禁用, a region where the rule is switched off …) the
 * same class is tried on the next chosen patient. Line rules add violating fee lines to one visit of an otherwise clean
 * patient; cross-visit rules (分解住院, 频繁就诊/购药/住院, 限支付疗程, 回流药, 死亡后费用) build a patient whose
 * visits together break the rule.
 */
public final class ClaimGenerator implements Iterator<Claim> {

    private static final LocalDate TRACE_MANDATORY = LocalDate.of(2025, 7, 1);
    private static final int DONOR_RING = 256;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱",
        "高", "林", "何", "郭", "马", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
        "明", "超", "秀英", "桂兰", "建国", "志强"};

    private final GeneratorConfig config;
    private final KnowledgeBase kb;
    private final Catalogue catalogue = Catalogue.load();
    private final ReferenceData ref = new ReferenceData();
    private final Manifest manifest = new Manifest();
    private final InMemoryDeathRegistry deaths = new InMemoryDeathRegistry();
    private final List<Death> deathEntries = new ArrayList<>();
    private final InMemoryQualificationReplica qualifications = new InMemoryQualificationReplica();
    private final List<RuleClass> injectable;

    // knowledge indexes (deterministic order)
    private final Map<String, List<RuleClass>> classesByCode = new TreeMap<>();
    private final Map<RuleClass, List<String>> codesByClass = new TreeMap<>();
    private final Map<String, Set<String>> conflicts = new HashMap<>();
    private final Map<Character, Pool> pools = new HashMap<>();

    // sequential state
    private final Deque<Claim> pending = new ArrayDeque<>();
    private final List<Donor> donors = new ArrayList<>();
    private long patientIdx;
    private long injections;
    private long traceSeq;
    private long visits;
    private long lines;
    private long skippedInjections;

    /** A death registry entry (民政/公安 extract) the screen needs. */
    public record Death(String psnNo, LocalDate deathDate) {
    }

    private record Donor(String code, String traceCode, LocalDateTime time) {
    }

    private record Patient(long idx, String psnNo, String name, String gend, LocalDate brdy, String city,
            String insutype) {
    }

    public ClaimGenerator(GeneratorConfig config) {
        this(config, demoKnowledge());
    }

    public ClaimGenerator(GeneratorConfig config, KnowledgeBase knowledge) {
        this.config = config;
        this.kb = knowledge;
        for (BarPeriod b : ref.bars) {
            qualifications.add(b);
        }
        for (KnowledgePoint kp : kb.points()) {
            RuleClass rc = kp.ruleClass();
            if (rc.kind() == RuleKind.NOT_IMPLEMENTED) {
                continue;
            }
            for (String code : kp.codes()) {
                List<RuleClass> l = classesByCode.computeIfAbsent(code, c -> new ArrayList<>());
                if (!l.contains(rc)) {
                    l.add(rc);
                }
                List<String> cs = codesByClass.computeIfAbsent(rc, c -> new ArrayList<>());
                if (!cs.contains(code)) {
                    cs.add(code);
                }
                if (rc.kind() == RuleKind.PAIR) {
                    for (String paired : kp.pairedCodes()) {
                        conflicts.computeIfAbsent(code, c -> new HashSet<>()).add(paired);
                        conflicts.computeIfAbsent(paired, c -> new HashSet<>()).add(code);
                    }
                }
            }
        }
        List<RuleClass> inj = new ArrayList<>();
        Set<RuleClass> withKnowledge = EnumSet.noneOf(RuleClass.class);
        withKnowledge.addAll(kb.ruleClasses());
        for (RuleClass rc : injectable()) {
            if (withKnowledge.contains(rc)) {
                inj.add(rc);
            }
        }
        this.injectable = List.copyOf(inj);
        for (char s : new char[] {'O', 'I', 'P'}) {
            pools.put(s, new Pool(s));
        }
    }

    /** Every rule class the engine can evaluate (the generator injects each one that has knowledge points). */
    public static List<RuleClass> injectable() {
        List<RuleClass> l = new ArrayList<>();
        for (RuleClass rc : RuleClass.values()) {
            if (rc.kind() != RuleKind.NOT_IMPLEMENTED) {
                l.add(rc);
            }
        }
        return l;
    }

    /** The demo knowledge base shipped in {@code knowledge/demo-knowledge.json}; fails if any row is refused. */
    public static KnowledgeBase demoKnowledge() {
        return KnowledgeBase.of(importDemoKnowledge().accepted());
    }

    static ImportReport importDemoKnowledge() {
        try (InputStream in = ClaimGenerator.class.getResourceAsStream("/knowledge/demo-knowledge.json")) {
            if (in == null) {
                throw new IllegalStateException("knowledge/demo-knowledge.json missing from the classpath");
            }
            ImportReport r = new KnowledgeImporter().importJson(new InputStreamReader(in, StandardCharsets.UTF_8),
                    "demo-knowledge.json");
            if (!r.errors().isEmpty()) {
                throw new IllegalStateException("demo knowledge has row errors: " + r.errors());
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    public InMemoryDeathRegistry deaths() {
        return deaths;
    }

    /** Death registry entries recorded so far, in generation order. */
    public List<Death> deathEntries() {
        return deathEntries;
    }

    public InMemoryQualificationReplica qualifications() {
        return qualifications;
    }

    /** The practitioners' suspensions and terminations (fixed; known before generation). */
    public List<BarPeriod> barPeriods() {
        return List.copyOf(ref.bars);
    }

    public KnowledgeBase knowledge() {
        return kb;
    }

    public long visitsGenerated() {
        return visits;
    }

    public long linesGenerated() {
        return lines;
    }

    public long patientsGenerated() {
        return patientIdx;
    }

    /** Injections that found no way to break their rule class and were handed to the next chosen patient. */
    public long skippedInjections() {
        return skippedInjections;
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty()) {
            if (patientIdx >= config.patients() || (config.maxLines() > 0 && lines >= config.maxLines())) {
                return false;
            }
            nextPatient();
        }
        return true;
    }

    @Override
    public Claim next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    // ------------------------------------------------------------------------------------------------ patients

    private void nextPatient() {
        long idx = ++patientIdx;
        SplittableRandom r = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + idx * 0xBF58476D1CE4E5B9L);
        boolean inject = !injectable.isEmpty() && r.nextDouble() < config.violationRate();
        RuleClass target = inject ? injectable.get((int) (injections % injectable.size())) : null;
        Patient p = patient(idx, r, target);
        Timeline t = new Timeline(p, r);
        boolean done = false;
        if (target != null) {
            done = injectScenario(target, t);
            if (done) {
                injections++;
            } else {
                skippedInjections++;
            }
        }
        if (target == null || !done) {
            t = new Timeline(p, r);
            t.clean(config.start().plusDays(r.nextInt(60)), false);
            if (r.nextDouble() < 0.02) {
                t.refundedViolation();
            }
            if (r.nextDouble() < 0.03) {
                t.dies();
            }
        }
        for (Draft d : t.visits) {
            Claim c = d.toClaim();
            visits++;
            lines += c.feeLines().size();
            pending.add(c);
        }
        t.offerDonors();
    }

    private Patient patient(long idx, SplittableRandom r, RuleClass target) {
        double u = r.nextDouble();
        String city = u < 0.5 ? ReferenceData.CHUZHOU : u < 0.75 ? ReferenceData.HUAIBEI : ReferenceData.HEFEI;
        String gend = r.nextBoolean() ? "1" : "2";
        double a = r.nextDouble();
        int age = a < 0.15 ? r.nextInt(18) : a < 0.45 ? 18 + r.nextInt(27) : a < 0.75 ? 45 + r.nextInt(20)
                : 65 + r.nextInt(26);
        boolean newborn = target == null && r.nextDouble() < 0.01;
        if (target != null && target.kind() == RuleKind.AGE) {
            KnowledgePoint any = firstPoint(target);
            if (any != null && any.ageMin() != null && any.ageMax() == null) {
                age = 3 + r.nextInt(12); // 儿童禁用 / 限年龄: a child breaks it
            } else {
                age = 20 + r.nextInt(50);
            }
        }
        LocalDate brdy = newborn ? config.start().plusDays(r.nextInt(300))
                : config.start().minusYears(age).minusDays(r.nextInt(365));
        String insutype = age >= 18 && age < 65 && r.nextDouble() < 0.7 ? "310" : "390";
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
        return new Patient(idx, city.substring(0, 4) + pad(idx, 16), name, gend, brdy, city, insutype);
    }

    private KnowledgePoint firstPoint(RuleClass rc) {
        for (KnowledgePoint kp : kb.points()) {
            if (kp.ruleClass() == rc && kp.enabled()) {
                return kp;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ injection

    private boolean injectScenario(RuleClass rc, Timeline t) {
        LocalDate from = config.start().plusDays(t.r.nextInt(200));
        return switch (rc.kind()) {
            case READMISSION -> t.readmission(rc, from);
            case FREQUENT_VISITS -> t.frequentVisits(rc, from);
            case PAYMENT_COURSE -> t.paymentCourse(rc, from);
            case AFTER_DEATH -> t.afterDeath(rc);
            case TRACE_CODE_REUSED -> t.traceReuse(rc);
            default -> {
                boolean needsInpatient = rc.kind() == RuleKind.FEE_DATE;
                t.clean(config.start().plusDays(t.r.nextInt(60)), needsInpatient);
                yield t.injectLine(rc);
            }
        };
    }

    /** One patient's visits under construction. */
    private final class Timeline {
        final Patient p;
        final SplittableRandom r;
        final List<Draft> visits = new ArrayList<>();
        int inpatientStays;
        LocalDate lastInpatientEnd;

        Timeline(Patient p, SplittableRandom r) {
            this.p = p;
            this.r = r;
        }

        int age(LocalDate on) {
            return (int) ChronoUnit.YEARS.between(p.brdy(), on);
        }

        Draft open(ReferenceData.Institution inst, String medType, String insutype, LocalDateTime begin,
                LocalDateTime end, ReferenceData.Dx dx) {
            String id = "M" + pad(p.idx(), 10) + pad(visits.size() + 1, 3);
            Draft d = new Draft(id, p, inst, medType, insutype, begin, end, dx, r, visits);
            visits.add(d);
            if (medType.startsWith("2") || medType.equals("52")) {
                inpatientStays++;
                lastInpatientEnd = end.toLocalDate();
            }
            return d;
        }

        ReferenceData.Institution hospital(String city, boolean inpatient) {
            List<ReferenceData.Institution> l = new ArrayList<>();
            for (ReferenceData.Institution i : ref.in(city, false)) {
                if (!inpatient || !i.hospLv().equals(ReferenceData.LV_PRIMARY)) {
                    l.add(i);
                }
            }
            return l.get(r.nextInt(l.size()));
        }

        ReferenceData.Institution pharmacy(String city) {
            List<ReferenceData.Institution> l = ref.in(city, true);
            return l.get(r.nextInt(l.size()));
        }

        ReferenceData.Dx dx(char setting, LocalDate on) {
            int age = age(on);
            int total = 0;
            List<ReferenceData.Dx> ok = new ArrayList<>();
            for (ReferenceData.Dx d : ref.diagnoses) {
                if (d.settings().indexOf(setting) >= 0 && (d.sex().equals("0") || d.sex().equals(p.gend()))
                        && age >= d.minAge() && age <= d.maxAge()) {
                    ok.add(d);
                    total += d.weight();
                }
            }
            int x = r.nextInt(total);
            for (ReferenceData.Dx d : ok) {
                x -= d.weight();
                if (x < 0) {
                    return d;
                }
            }
            return ok.get(ok.size() - 1);
        }

        LocalDateTime at(LocalDate day, int fromHour, int toHour) {
            return day.atTime(fromHour + r.nextInt(toHour - fromHour), r.nextInt(60), r.nextInt(60));
        }

        /** An ordinary patient's year: visits at least 7 days apart, at most 3 stays, 46+ days between stays. */
        void clean(LocalDate from, boolean forceInpatient) {
            boolean newborn = !p.brdy().isBefore(config.start());
            if (newborn) {
                from = p.brdy().plusDays(1);
            }
            int n = 1 + (int) Math.round(-Math.log(1 - r.nextDouble()) * (config.meanVisits() - 1));
            boolean chemo = !newborn && age(from) >= 40 && r.nextDouble() < 0.01;
            LocalDate cursor = from;
            for (int k = 0; k < n || (forceInpatient && inpatientStays == 0); k++) {
                if (cursor.isAfter(config.end())) {
                    if (!forceInpatient || inpatientStays > 0) {
                        break;
                    }
                }
                Draft d;
                if (newborn && k == 0) {
                    d = inpatient(cursor, "21", p.insutype(), new ReferenceData.Dx("P59.900", "新生儿黄疸", "I", "0", 0,
                            0, 0), 3 + r.nextInt(3));
                } else if (chemo && k == 0) {
                    d = chemoCourse(cursor);
                } else {
                    double u = r.nextDouble();
                    boolean canStay = inpatientStays < 3
                            && (lastInpatientEnd == null || !cursor.isBefore(lastInpatientEnd.plusDays(46)));
                    if ((forceInpatient && inpatientStays == 0) && !canStay) {
                        cursor = lastInpatientEnd == null ? cursor : lastInpatientEnd.plusDays(46);
                        canStay = inpatientStays < 3;
                    }
                    if (canStay && ((forceInpatient && inpatientStays == 0) || u < 0.16)) {
                        d = ordinaryStay(cursor);
                    } else if (u < 0.42) {
                        d = pharmacyVisit(cursor);
                    } else if (u < 0.48) {
                        d = outpatient(cursor, "13");
                    } else {
                        d = outpatient(cursor, "11");
                    }
                }
                LocalDate last = d.end != null ? d.end.toLocalDate() : d.begin.toLocalDate();
                cursor = last.plusDays(7 + r.nextInt(40));
            }
        }

        Draft ordinaryStay(LocalDate day) {
            int age = age(day);
            if (p.gend().equals("2") && age >= 22 && age <= 38 && p.insutype().equals("310") && r.nextDouble() < 0.3) {
                return inpatient(day, "52", "510", ReferenceData.DELIVERY, 2 + r.nextInt(3));
            }
            if (age >= 18 && age <= 60 && p.insutype().equals("310") && r.nextDouble() < 0.1) {
                return inpatient(day, "22", "410", ReferenceData.INJURY, 5 + r.nextInt(10));
            }
            return inpatient(day, "21", p.insutype(), dx('I', day), 2 + r.nextInt(12));
        }

        Draft inpatient(LocalDate day, String medType, String insutype, ReferenceData.Dx dx, int days) {
            String city = r.nextDouble() < 0.1 ? ReferenceData.HEFEI : p.city();
            return inpatientAt(hospital(city, true), day, medType, insutype, dx, days, true);
        }

        Draft inpatientAt(ReferenceData.Institution inst, LocalDate day, String medType, String insutype,
                ReferenceData.Dx dx, int days, boolean extras) {
            LocalDateTime begin = at(day, 8, 18);
            LocalDateTime end = day.plusDays(days).atTime(9 + r.nextInt(3), r.nextInt(60));
            Draft d = open(inst, medType, insutype, begin, end, dx);
            d.fillInpatient(extras);
            return d;
        }

        /** 化疗: a cancer stay then two chemotherapy cycles 7–14 days after discharge (exempt from 分解住院). */
        Draft chemoCourse(LocalDate day) {
            ReferenceData.Institution inst = hospital(p.city(), true);
            Draft d = inpatientAt(inst, day, "21", p.insutype(), ReferenceData.CANCER, 5 + r.nextInt(4), true);
            for (int c = 0; c < 2; c++) {
                LocalDate next = d.end.toLocalDate().plusDays(7 + r.nextInt(8));
                d = inpatientAt(inst, next, "21", p.insutype(), ReferenceData.CHEMO, 2, true);
            }
            return d;
        }

        Draft outpatient(LocalDate day, String medType) {
            String city = r.nextDouble() < 0.05 ? ReferenceData.HEFEI : p.city();
            return outpatientAt(hospital(city, false), day, medType, true);
        }

        Draft outpatientAt(ReferenceData.Institution inst, LocalDate day, String medType, boolean extras) {
            Draft d = open(inst, medType, p.insutype(), at(day, 8, 17), null, dx('O', day));
            d.fillOutpatient(extras);
            return d;
        }

        Draft pharmacyVisit(LocalDate day) {
            return pharmacyAt(pharmacy(p.city()), day, true);
        }

        Draft pharmacyAt(ReferenceData.Institution inst, LocalDate day, boolean extras) {
            Draft d = open(inst, "41", p.insutype(), at(day, 9, 20), null, dx('O', day));
            d.fillPharmacy(extras);
            return d;
        }

        /** Registers a death some days after the last visit (or on the discharge day of a final stay). */
        void dies() {
            if (visits.isEmpty()) {
                return;
            }
            Draft last = visits.get(visits.size() - 1);
            LocalDate death = last.end != null && r.nextBoolean() ? last.end.toLocalDate()
                    : (last.end != null ? last.end : last.begin).toLocalDate().plusDays(1 + r.nextInt(60));
            registerDeath(p.psnNo(), death);
        }

        /** A violating line charged and then refunded in full: nothing remains to hit, the claim is clean. */
        void refundedViolation() {
            for (Draft d : visits) {
                for (RuleClass rc : injectable) {
                    RuleKind k = rc.kind();
                    if (k == RuleKind.SEX || k == RuleKind.AGE || k == RuleKind.PRICE_CAP || k == RuleKind.INDICATION) {
                        List<FeeLine> added = d.violate(rc, false);
                        if (added != null) {
                            FeeLine l = added.get(0);
                            d.refund(l, l.cnt());
                            return;
                        }
                    }
                }
            }
        }

        boolean injectLine(RuleClass rc) {
            List<Integer> order = shuffled(visits.size());
            for (int i : order) {
                Draft d = visits.get(i);
                List<FeeLine> added = switch (rc.kind()) {
                    case FEE_DATE -> d.feeDateViolation(rc);
                    case PRACTITIONER_BARRED -> d.barredViolation(rc);
                    default -> d.violate(rc, true);
                };
                if (added != null) {
                    return true;
                }
            }
            return false;
        }

        List<Integer> shuffled(int n) {
            List<Integer> l = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                l.add(i);
            }
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                Integer x = l.get(i);
                l.set(i, l.get(j));
                l.set(j, x);
            }
            return l;
        }

        /** 分解住院: a second stay at the same hospital within the region's window after discharge. */
        boolean readmission(RuleClass rc, LocalDate from) {
            ReferenceData.Institution inst = hospital(p.city(), true);
            Draft a = inpatientAt(inst, from, "21", p.insutype(), dx('I', from), 3 + r.nextInt(6), true);
            LocalDate probe = a.end.toLocalDate().plusDays(1);
            KnowledgePoint kp = kb.find(rc, null, probe, inst.admdvs());
            if (kp == null || !kp.enabled()) {
                return false;
            }
            int window = kp.windowDays();
            LocalDate again = a.end.toLocalDate().plusDays(1 + r.nextInt(Math.min(window, 14)));
            ReferenceData.Dx dx;
            do {
                dx = dx('I', again);
            } while (startsWithAny(dx.code(), kp.exemptDiagnosisCodes()));
            Draft b = inpatientAt(inst, again, "21", p.insutype(), dx, 2 + r.nextInt(6), true);
            KnowledgePoint atB = kb.find(rc, null, again, inst.admdvs());
            if (atB != kp) {
                return false;
            }
            expect(rc, b, Set.of());
            return true;
        }

        /** 频繁门诊 / 购药 / 住院: one visit more than the limit within the window; only the last one is over. */
        boolean frequentVisits(RuleClass rc, LocalDate from) {
            String admdvs = (rc == RuleClass.FREQUENT_PURCHASE ? pharmacy(p.city()) : hospital(p.city(), true))
                    .admdvs();
            KnowledgePoint kp = kb.find(rc, null, from, admdvs);
            if (kp == null || !kp.enabled() || kp.medTypes().isEmpty()) {
                return false;
            }
            int n = kp.maxCount() + 1;
            String medType = rc == RuleClass.FREQUENT_PURCHASE ? "41"
                    : rc == RuleClass.FREQUENT_INPATIENT ? "21" : "11";
            if (!startsWithAny(medType, kp.medTypes())) {
                return false;
            }
            LocalDate day = from;
            if (rc == RuleClass.FREQUENT_INPATIENT) {
                int stay = 2;
                for (int k = 0; k < n; k++) {
                    ReferenceData.Institution inst = hospital(p.city(), true);
                    Draft d = inpatientAt(inst, day, "21", p.insutype(), dx('I', day), stay, true);
                    KnowledgePoint readm = kb.find(RuleClass.SPLIT_HOSPITALISATION, null, day, inst.admdvs());
                    int gap = readm == null ? 16 : readm.windowDays() + 2;
                    day = d.end.toLocalDate().plusDays(gap);
                }
            } else {
                int gap = Math.max(1, Math.min(3, (kp.windowDays() - 1) / (n - 1)));
                for (int k = 0; k < n; k++) {
                    if (medType.equals("41")) {
                        pharmacyAt(pharmacy(p.city()), day, false);
                    } else {
                        outpatientAt(hospital(p.city(), false), day, "11", false);
                    }
                    day = day.plusDays(gap);
                }
            }
            // which visits are over the limit: counted exactly as the rule defines it
            boolean any = false;
            for (int j = 0; j < visits.size(); j++) {
                Draft v = visits.get(j);
                KnowledgePoint at = kb.find(rc, null, v.begin.toLocalDate(), v.inst.admdvs());
                if (at == null || !at.enabled() || !startsWithAny(v.medType, at.medTypes())) {
                    continue;
                }
                long fromDay = v.begin.toLocalDate().toEpochDay() - at.windowDays() + 1;
                int count = 1;
                for (int i = 0; i < j; i++) {
                    Draft o = visits.get(i);
                    if (o.begin.toLocalDate().toEpochDay() >= fromDay && startsWithAny(o.medType, at.medTypes())
                            && (!at.sameInstitution() || o.inst == v.inst)) {
                        count++;
                    }
                }
                if (count > at.maxCount()) {
                    expect(rc, v, Set.of());
                    any = true;
                }
            }
            return any;
        }

        /** 限支付疗程: the code paid in a first visit, then again past the course length. */
        boolean paymentCourse(RuleClass rc, LocalDate from) {
            for (String code : codesByClass.getOrDefault(rc, List.of())) {
                Catalogue.Item item = catalogue.get(code);
                ReferenceData.Institution inst = hospital(p.city(), false);
                KnowledgePoint kp = kb.find(rc, code, from, inst.admdvs());
                if (kp == null || !kp.enabled()) {
                    continue;
                }
                BigDecimal supply = item.prdDays() == null ? BigDecimal.ONE : item.prdDays();
                int course = kp.maxDays().intValue();
                int gap = course - supply.intValue() + 1 + r.nextInt(20);
                if (gap < 7 || (kp.windowDays() != null && gap >= kp.windowDays())) {
                    continue;
                }
                Draft first = outpatientAt(inst, from, "11", false);
                first.addLine(item, first.begin.plusMinutes(20), item.cnt(), item.pric(), item.prdDays(), null);
                LocalDate second = from.plusDays(gap);
                KnowledgePoint kp2 = kb.find(rc, code, second, inst.admdvs());
                if (kp2 != kp) {
                    return false;
                }
                Draft d = outpatientAt(inst, second, "11", false);
                FeeLine l = d.addLine(item, d.begin.plusMinutes(20), item.cnt(), item.pric(), item.prdDays(), null);
                expect(rc, d, Set.of(l.feedetlSn()));
                return true;
            }
            return false;
        }

        /** 死亡后费用: an ordinary year, then a visit after the registered death. */
        boolean afterDeath(RuleClass rc) {
            clean(config.start().plusDays(r.nextInt(60)), false);
            Draft last = visits.get(visits.size() - 1);
            LocalDate lastDay = (last.end != null ? last.end : last.begin).toLocalDate();
            LocalDate day = lastDay.plusDays(10 + r.nextInt(20));
            Draft d = r.nextBoolean() ? pharmacyAt(pharmacy(p.city()), day, false)
                    : outpatientAt(hospital(p.city(), false), day, "11", false);
            KnowledgePoint kp = kb.find(rc, null, day, d.inst.admdvs());
            if (kp == null || !kp.enabled()) {
                return false;
            }
            LocalDate death = day.minusDays(kp.toleranceDays() + 1 + r.nextInt(4));
            if (!death.isAfter(lastDay.plusDays(kp.toleranceDays()))) {
                return false;
            }
            registerDeath(p.psnNo(), death);
            Set<String> sns = new LinkedHashSet<>();
            for (FeeLine l : d.lines) {
                sns.add(l.feedetlSn());
            }
            expect(rc, d, sns);
            return true;
        }

        /** 回流药: a pharmacy sells a box whose traceability code another patient's visit already settled. */
        boolean traceReuse(RuleClass rc) {
            if (donors.isEmpty()) {
                return false;
            }
            Donor donor = donors.get(r.nextInt(donors.size()));
            LocalDate day = donor.time().toLocalDate().plusDays(2 + r.nextInt(20));
            ReferenceData.Institution inst = pharmacy(p.city());
            KnowledgePoint kp = kb.find(rc, null, day, inst.admdvs());
            if (kp == null || !kp.enabled()) {
                return false;
            }
            Draft d = pharmacyAt(inst, day, false);
            Catalogue.Item item = catalogue.get(donor.code());
            List<String> codes = List.of(donor.traceCode(), nextTraceCode(item.code()));
            FeeLine l = d.addLine(item, d.begin.plusMinutes(5), BigDecimal.valueOf(2), item.pric(), item.prdDays(),
                    codes);
            expect(rc, d, Set.of(l.feedetlSn()));
            return true;
        }

        void offerDonors() {
            for (Draft d : visits) {
                if (manifest.injected(d.mdtrtId)) {
                    continue;
                }
                for (FeeLine l : d.lines) {
                    if (l.drugTracCodg().size() == 1 && !classesByCode.containsKey(l.hilistCode())
                            && !d.refunded.contains(l.feedetlSn()) && r.nextInt(8) == 0) {
                        Donor donor = new Donor(l.hilistCode(), l.drugTracCodg().get(0), l.feeOcurTime());
                        if (donors.size() < DONOR_RING) {
                            donors.add(donor);
                        } else {
                            donors.set(r.nextInt(DONOR_RING), donor);
                        }
                    }
                }
            }
        }
    }

    private void registerDeath(String psnNo, LocalDate date) {
        deaths.put(psnNo, date);
        deathEntries.add(new Death(psnNo, date));
    }

    private void expect(RuleClass rc, Draft d, Set<String> sns) {
        manifest.add(new ExpectedHit(rc, d.mdtrtId, sns));
    }

    // ------------------------------------------------------------------------------------------------ visits

    /** A visit under construction: its fee lines are added one by one, each checked against the knowledge. */
    private final class Draft {
        final String mdtrtId;
        final Patient p;
        final ReferenceData.Institution inst;
        final String medType;
        final String insutype;
        final LocalDateTime begin;
        final LocalDateTime end;
        final ReferenceData.Dx dx;
        final SplittableRandom r;
        final List<FeeLine> lines = new ArrayList<>();
        final Set<String> refunded = new HashSet<>();
        final String attending;
        /** The patient's visits (this one among them): a frequency limit counts their charges too. */
        final List<Draft> patientVisits;
        int seq;

        Draft(String mdtrtId, Patient p, ReferenceData.Institution inst, String medType, String insutype,
                LocalDateTime begin, LocalDateTime end, ReferenceData.Dx dx, SplittableRandom r, List<Draft> patientVisits) {
            this.patientVisits = patientVisits;
            this.mdtrtId = mdtrtId;
            this.p = p;
            this.inst = inst;
            this.medType = medType;
            this.insutype = insutype;
            this.begin = begin;
            this.end = end;
            this.dx = dx;
            this.r = r;
            // emergencies often fall to the doctor on duty, barred or not: 急诊抢救 is exempt
            this.attending = emergency() && r.nextInt(3) == 0 ? inst.doctors().get(inst.doctors().size() - 1)
                    : inst.doctors().get(r.nextInt(inst.doctors().size()));
        }

        boolean emergency() {
            return medType.equals("13");
        }

        boolean inpatient() {
            return end != null;
        }

        String erFlag() {
            return emergency() ? "1" : null;
        }

        String doctorOn(LocalDate day) {
            if (emergency() || ref.barOn(attending, day) == null) {
                return attending;
            }
            for (String d : inst.doctors()) {
                if (ref.barOn(d, day) == null) {
                    return d;
                }
            }
            throw new IllegalStateException("every doctor of " + inst.code() + " barred on " + day);
        }

        // ---------------------------------------------------------------- clean filling

        void fillOutpatient(boolean extras) {
            LocalDateTime t = begin.plusMinutes(5);
            Catalogue.Item consult = catalogue.role("consult");
            tryClean(consult, t);
            int drugs = 1 + r.nextInt(3);
            for (int k = 0; k < drugs; k++) {
                t = t.plusMinutes(3 + r.nextInt(10));
                tryClean(pools.get('O').pick(r, true), t);
            }
            int items = r.nextInt(3);
            for (int k = 0; k < items; k++) {
                t = t.plusMinutes(3 + r.nextInt(10));
                tryClean(pools.get('O').pick(r, false), t);
            }
            if (extras) {
                maybeRefund();
            }
        }

        void fillPharmacy(boolean extras) {
            LocalDateTime t = begin;
            int drugs = 1 + r.nextInt(3);
            for (int k = 0; k < drugs; k++) {
                t = t.plusMinutes(1 + r.nextInt(3));
                tryClean(pools.get('P').pick(r, true), t);
            }
        }

        void fillInpatient(boolean extras) {
            Catalogue.Item bed = catalogue.role("bed");
            Catalogue.Item nurse = catalogue.role(r.nextInt(10) < 3 ? "nurse1" : "nurse2");
            LocalDate first = begin.toLocalDate();
            LocalDate last = end.toLocalDate();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                LocalDateTime t = day.equals(first) ? begin.plusMinutes(30) : day.atTime(8, r.nextInt(30));
                if (day.equals(last) && !t.isBefore(end)) {
                    t = end.minusMinutes(30);
                }
                if (!day.equals(last)) {
                    tryClean(bed, t);
                    tryClean(nurse, t.plusMinutes(1));
                }
                int drugs = day.equals(last) ? 1 : 1 + r.nextInt(3);
                for (int k = 0; k < drugs; k++) {
                    tryClean(pools.get('I').pick(r, true), t.plusMinutes(10 + k * 7L));
                }
                int items = day.equals(first) ? 2 + r.nextInt(3) : r.nextInt(2);
                for (int k = 0; k < items; k++) {
                    tryClean(pools.get('I').pick(r, false), t.plusMinutes(40 + k * 9L));
                }
            }
            if (extras) {
                maybeRefund();
            }
        }

        void maybeRefund() {
            if (r.nextInt(25) != 0) {
                return;
            }
            for (FeeLine l : lines) {
                if (l.cnt().compareTo(BigDecimal.ONE) > 0 && l.drugTracCodg().isEmpty()) {
                    refund(l, BigDecimal.ONE);
                    return;
                }
            }
        }

        /** A refund line (negative cnt and amount) of {@code qty} of line {@code l}, an hour later. */
        void refund(FeeLine l, BigDecimal qty) {
            BigDecimal cnt = qty.negate();
            FeeLine refund = new FeeLine(nextSn(), mdtrtId, p.psnNo(), setlId(), l.feeOcurTime().plusHours(1),
                    l.hilistCode(), l.hilistName(), l.listType(), l.medChrgitmType(), cnt, l.pric(),
                    money(cnt.multiply(l.pric())), l.prdDays(), l.bilgDrCodg(), l.bilgDeptCodg(), List.of(),
                    l.feedetlSn(), null, "0", "0", l.erFlag());
            lines.add(refund);
            if (qty.compareTo(l.cnt()) >= 0) {
                refunded.add(l.feedetlSn());
            }
        }

        /** Adds the item at time t if it breaks no knowledge point here (price and quantity kept within limits). */
        void tryClean(Catalogue.Item item, LocalDateTime t) {
            if (item == null || (item.weight() == 0 && item.role().isEmpty())) {
                return;
            }
            if (!item.role().isEmpty() && !item.role().equals("consult") && !inpatient()) {
                return;
            }
            BigDecimal cnt = item.cnt();
            if (item.drug() && r.nextInt(4) == 0) {
                cnt = cnt.add(BigDecimal.ONE);
            }
            BigDecimal price = item.pric();
            BigDecimal days = item.prdDays();
            for (RuleClass rc : classesByCode.getOrDefault(item.code(), List.of())) {
                for (KnowledgePoint kp : kb.findAll(rc, item.code(), t.toLocalDate(), inst.admdvs())) {
                    if (!kp.enabled()) {
                        continue;
                    }
                    if (rc.kind() == RuleKind.PRICE_CAP && price.compareTo(kp.priceCap()) > 0) {
                        price = kp.priceCap();
                    } else if (rc.kind() == RuleKind.MAX_SUPPLY) {
                        if (kp.maxQuantity() != null && cnt.compareTo(kp.maxQuantity()) > 0) {
                            cnt = kp.maxQuantity();
                        }
                        if (kp.maxDays() != null && days != null && days.compareTo(kp.maxDays()) > 0) {
                            days = kp.maxDays();
                        }
                    }
                }
            }
            if (fits(item.code(), t, cnt, price, days, null)) {
                addLine(item, t, cnt, price, days, null);
            }
        }

        boolean has(String code) {
            for (FeeLine l : lines) {
                if (l.hilistCode().equals(code)) {
                    return true;
                }
            }
            return false;
        }

        /** A line of the code charged on that day. */
        boolean hasOn(String code, java.time.LocalDate day) {
            for (FeeLine l : lines) {
                if (l.hilistCode().equals(code) && l.feeOcurTime().toLocalDate().equals(day)) {
                    return true;
                }
            }
            return false;
        }

        /** True when a line of the code at t with these values breaks none of the code's knowledge points but one. */
        boolean fits(String code, LocalDateTime t, BigDecimal cnt, BigDecimal price, BigDecimal days,
                RuleClass except) {
            Set<String> conflicting = conflicts.get(code);
            // a pair injection charges both codes on purpose; everything else keeps pairs apart
            if (conflicting != null && (except == null || except.kind() != RuleKind.PAIR)) {
                for (FeeLine l : lines) {
                    if (conflicting.contains(l.hilistCode())) {
                        return false;
                    }
                }
            }
            for (RuleClass rc : classesByCode.getOrDefault(code, List.of())) {
                if (rc == except) {
                    continue;
                }
                switch (rc.kind()) {
                    case PAYMENT_COURSE -> {
                        return false;
                    }
                    case PAIR -> {
                        // conflicts checked above
                    }
                    case FREQUENCY -> {
                        for (KnowledgePoint kp : kb.findAll(rc, code, begin.toLocalDate(), inst.admdvs())) {
                            if (kp.enabled() && frequencyExceeded(kp, code, t, cnt)) {
                                return false;
                            }
                        }
                    }
                    default -> {
                        for (KnowledgePoint kp : kb.findAll(rc, code, t.toLocalDate(), inst.admdvs())) {
                            if (kp.enabled() && !satisfies(kp, t.toLocalDate(), cnt, price, days)) {
                                return false;
                            }
                        }
                    }
                }
            }
            return true;
        }

        boolean satisfies(KnowledgePoint kp, LocalDate day, BigDecimal cnt, BigDecimal price, BigDecimal days) {
            return switch (kp.ruleClass().kind()) {
                case SEX -> !(p.gend().equals("1") || p.gend().equals("2")) || p.gend().equals(kp.gend());
                case AGE -> {
                    long age = kp.ageUnit().ageAt(p.brdy(), day);
                    yield (kp.ageMin() == null || age >= kp.ageMin()) && (kp.ageMax() == null || age <= kp.ageMax());
                }
                case INSURANCE_TYPE -> kp.insutypes().contains(insutype);
                case VISIT_TYPE -> startsWithAny(medType, kp.medTypes());
                case INSTITUTION_LEVEL -> kp.hospLvs().contains(inst.hospLv());
                case PRICE_CAP -> price.compareTo(kp.priceCap()) <= 0;
                case MAX_SUPPLY -> (kp.maxQuantity() == null || cnt.compareTo(kp.maxQuantity()) <= 0)
                        && (kp.maxDays() == null || days == null || days.compareTo(kp.maxDays()) <= 0);
                case INDICATION -> startsWithAny(dx.code(), kp.diagnosisCodes());
                default -> true;
            };
        }

        /**
         * Whether charging cnt more of the code at t puts any window over the limit (the rule's own windows), counting
         * the charges of the patient's other visits too, whichever comes first: the engine counts earlier visits.
         */
        boolean frequencyExceeded(KnowledgePoint kp, String code, LocalDateTime t, BigDecimal cnt) {
            List<Object[]> charges = new ArrayList<>();
            for (Draft visit : patientVisits.contains(this) ? patientVisits : List.of(this)) {
                for (FeeLine l : visit.lines) {
                    if (l.hilistCode().equals(code) && l.cnt().signum() > 0) {
                        charges.add(new Object[] {l.feeOcurTime(), l.cnt()});
                    }
                }
            }
            charges.add(new Object[] {t, cnt});
            charges.sort((a, b) -> ((LocalDateTime) a[0]).compareTo((LocalDateTime) b[0]));
            boolean hours = kp.freqUnit() == FrequencyUnit.HOUR;
            long span = hours ? kp.freqPeriod() * 3600L : kp.freqPeriod();
            for (int i = 0; i < charges.size(); i++) {
                long pos = position((LocalDateTime) charges.get(i)[0], hours);
                BigDecimal sum = BigDecimal.ZERO;
                for (int j = 0; j <= i; j++) {
                    if (pos - position((LocalDateTime) charges.get(j)[0], hours) < span) {
                        sum = sum.add((BigDecimal) charges.get(j)[1]);
                    }
                }
                if (sum.compareTo(kp.freqMax()) > 0) {
                    return true;
                }
            }
            return false;
        }

        // ---------------------------------------------------------------- violations

        LocalDateTime lineTime() {
            if (!inpatient()) {
                return begin.plusMinutes(30 + r.nextInt(60));
            }
            long days = ChronoUnit.DAYS.between(begin.toLocalDate(), end.toLocalDate());
            LocalDate day = begin.toLocalDate().plusDays(days <= 1 ? 0 : 1 + r.nextInt((int) days - 1));
            return day.atTime(14, r.nextInt(60));
        }

        /**
         * Adds lines that break rule class rc here and nothing else, and records the expected hit when
         * {@code record}; null when no code of rc can be broken in this visit.
         */
        List<FeeLine> violate(RuleClass rc, boolean record) {
            List<String> codes = new ArrayList<>(codesByClass.getOrDefault(rc, List.of()));
            for (int i = codes.size() - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                String x = codes.get(i);
                codes.set(i, codes.get(j));
                codes.set(j, x);
            }
            for (String code : codes) {
                if (has(code) || !catalogue.contains(code)) {
                    continue;
                }
                List<FeeLine> added = violate(rc, code, record);
                if (added != null) {
                    return added;
                }
            }
            return null;
        }

        private List<FeeLine> violate(RuleClass rc, String code, boolean record) {
            Catalogue.Item item = catalogue.get(code);
            LocalDateTime t = lineTime();
            LocalDate day = rc.kind() == RuleKind.PAIR || rc.kind() == RuleKind.FREQUENCY ? begin.toLocalDate()
                    : t.toLocalDate();
            List<KnowledgePoint> kps = kb.findAll(rc, code, day, inst.admdvs());
            if (kps.size() != 1 || !kps.get(0).enabled()) {
                return null;
            }
            KnowledgePoint kp = kps.get(0);
            BigDecimal cnt = item.cnt();
            BigDecimal price = item.pric();
            BigDecimal days = item.prdDays();
            switch (rc.kind()) {
                case PRICE_CAP -> price = kp.priceCap().multiply(BigDecimal.valueOf(110 + r.nextInt(40)))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                case MAX_SUPPLY -> {
                    if (kp.maxQuantity() != null) {
                        cnt = kp.maxQuantity().add(BigDecimal.valueOf(1 + r.nextInt(3)));
                    } else {
                        days = kp.maxDays().add(BigDecimal.valueOf(10 + r.nextInt(20)));
                    }
                }
                case FREQUENCY -> {
                    // the limit reached here and now by this visit alone, so only the extra charge is at issue
                    cnt = kp.freqMax();
                    if (frequencyExceeded(kp, code, t, cnt) || frequencyExceeded(kp, code, t.plusMinutes(50), cnt)) {
                        return null;
                    }
                }
                case PAIR -> {
                    String paired = kp.pairedCodes().get(0);
                    if (!catalogue.contains(paired) || conflictsWithOthers(code, paired)) {
                        return null;
                    }
                }
                default -> {
                    if (satisfies(kp, t.toLocalDate(), cnt, price, days)) {
                        return null;
                    }
                }
            }
            if (rc.kind() != RuleKind.PAIR && rc.kind() != RuleKind.FREQUENCY
                    && satisfies(kp, t.toLocalDate(), cnt, price, days)) {
                return null;
            }
            if (!fits(code, t, cnt, price, days, rc)) {
                return null;
            }
            List<FeeLine> added = new ArrayList<>();
            FeeLine first = addLine(item, t, cnt, price, days, null);
            added.add(first);
            Set<String> sns = new LinkedHashSet<>();
            if (rc.kind() == RuleKind.FREQUENCY) {
                FeeLine second = addLine(item, t.plusMinutes(50), BigDecimal.ONE, price, days, null);
                added.add(second);
                sns.add(second.feedetlSn());
            } else if (rc.kind() == RuleKind.PAIR) {
                String paired = kp.pairedCodes().get(0);
                boolean perDay = kp.appliesPer() == AppliesPer.DAY;
                if (perDay ? !hasOn(paired, t.toLocalDate()) : !has(paired)) {
                    Catalogue.Item pi = catalogue.get(paired);
                    // a same-day rule needs the paired charge on the same day
                    LocalDateTime at = t.plusMinutes(2).toLocalDate().equals(t.toLocalDate()) ? t.plusMinutes(2) : t;
                    added.add(addLine(pi, at, pi.cnt(), pi.pric(), pi.prdDays(), null));
                }
                for (FeeLine l : lines) {
                    if ((l.hilistCode().equals(code) || l.hilistCode().equals(paired)) && l.cnt().signum() > 0
                            && (!perDay || l.feeOcurTime().toLocalDate().equals(t.toLocalDate()))) {
                        sns.add(l.feedetlSn());
                    }
                }
            } else {
                sns.add(first.feedetlSn());
            }
            if (record) {
                expect(rc, this, sns);
            }
            return added;
        }

        /** True when adding the pair would also break another pair rule (the generator keeps pairs disjoint). */
        private boolean conflictsWithOthers(String code, String paired) {
            for (String c : List.of(code, paired)) {
                for (String other : conflicts.getOrDefault(c, Set.of())) {
                    if (!other.equals(code) && !other.equals(paired) && has(other)) {
                        return true;
                    }
                }
            }
            return has(code);
        }

        /** 计费日期与住院时间不符: an ordinary item charged days after discharge. */
        List<FeeLine> feeDateViolation(RuleClass rc) {
            if (!inpatient()) {
                return null;
            }
            LocalDate probe = end.toLocalDate().plusDays(1);
            KnowledgePoint kp0 = kb.find(rc, null, probe, inst.admdvs());
            if (kp0 == null) {
                return null;
            }
            LocalDateTime t = end.toLocalDate().plusDays(kp0.toleranceDays() + 1 + r.nextInt(3)).atTime(10, 0);
            KnowledgePoint kp = kb.find(rc, null, t.toLocalDate(), inst.admdvs());
            if (kp == null || !kp.enabled() || !startsWithAny(medType, kp.medTypes())
                    || !t.toLocalDate().isAfter(end.toLocalDate().plusDays(kp.toleranceDays()))) {
                return null;
            }
            Catalogue.Item item = unrestricted('I', false);
            if (item == null) {
                return null;
            }
            FeeLine l = addLine(item, t, item.cnt(), item.pric(), item.prdDays(), null);
            expect(rc, this, Set.of(l.feedetlSn()));
            return List.of(l);
        }

        /** 医保支付资格暂停/终止: a barred doctor of this hospital bills an ordinary item, not in an emergency. */
        List<FeeLine> barredViolation(RuleClass rc) {
            if (inst.pharmacy() || emergency()) {
                return null;
            }
            for (int attempt = 0; attempt < 4; attempt++) {
                LocalDateTime t = lineTime();
                for (String doctor : inst.doctors()) {
                    BarPeriod bar = ref.barOn(doctor, t.toLocalDate());
                    if (bar == null) {
                        continue;
                    }
                    KnowledgePoint kp = kb.find(rc, null, t.toLocalDate(), inst.admdvs());
                    if (kp == null || !kp.enabled() || startsWithAny(medType, kp.exemptMedTypes())) {
                        return null;
                    }
                    Catalogue.Item item = unrestricted(inpatient() ? 'I' : 'O', false);
                    if (item == null) {
                        return null;
                    }
                    FeeLine l = line(item, t, item.cnt(), item.pric(), item.prdDays(), List.of(), doctor);
                    lines.add(l);
                    expect(rc, this, Set.of(l.feedetlSn()));
                    return List.of(l);
                }
            }
            return null;
        }

        Catalogue.Item unrestricted(char setting, boolean drug) {
            for (int k = 0; k < 20; k++) {
                Catalogue.Item i = pools.get(setting).pick(r, drug);
                if (i != null && !classesByCode.containsKey(i.code()) && !conflicts.containsKey(i.code())
                        && !has(i.code())) {
                    return i;
                }
            }
            return null;
        }

        // ---------------------------------------------------------------- lines and claim

        FeeLine addLine(Catalogue.Item item, LocalDateTime t, BigDecimal cnt, BigDecimal price, BigDecimal days,
                List<String> traceCodes) {
            List<String> trace = traceCodes;
            if (trace == null) {
                trace = List.of();
                if (item.drug() && item.listType().equals("101")
                        && (!t.toLocalDate().isBefore(TRACE_MANDATORY) || r.nextBoolean())) {
                    int boxes = Math.max(1, Math.min(5, cnt.intValue()));
                    List<String> codes = new ArrayList<>(boxes);
                    for (int k = 0; k < boxes; k++) {
                        codes.add(nextTraceCode(item.code()));
                    }
                    trace = codes;
                }
            }
            FeeLine l = line(item, t, cnt, price, days, trace, doctorOn(t.toLocalDate()));
            lines.add(l);
            return l;
        }

        FeeLine line(Catalogue.Item item, LocalDateTime t, BigDecimal cnt, BigDecimal price, BigDecimal days,
                List<String> trace, String doctor) {
            return new FeeLine(nextSn(), mdtrtId, p.psnNo(), setlId(), t, item.code(), item.name(), item.listType(),
                    item.chrgitmType(), cnt, price, money(cnt.multiply(price)), days, doctor, dept(), trace, null,
                    null, "0", "0", erFlag());
        }

        String dept() {
            if (inst.pharmacy()) {
                return "YF01";
            }
            return emergency() ? "0801" : inpatient() ? "0301" : "0101";
        }

        String nextSn() {
            return mdtrtId.substring(1) + pad(++seq, 3);
        }

        String setlId() {
            return "S" + mdtrtId.substring(1);
        }

        Claim toClaim() {
            List<Diagnosis> diagnoses = List.of(new Diagnosis(dx.code(), dx.name(), "1", "1"));
            Visit v = new Visit(mdtrtId, p.psnNo(), p.gend(), p.brdy(), insutype, medType, inst.code(), inst.hospLv(),
                    inst.admdvs(), p.city(), begin, end, diagnoses);
            BigDecimal total = BigDecimal.ZERO;
            for (FeeLine l : lines) {
                total = total.add(l.detItemFeeSumamt());
            }
            BigDecimal ratio = inpatient() ? new BigDecimal(insutype.equals("390") ? "0.60" : "0.75")
                    : new BigDecimal("0.50");
            BigDecimal inscp = money(total.multiply(new BigDecimal("0.92")));
            BigDecimal fund = money(inscp.multiply(ratio));
            BigDecimal acct = insutype.equals("310") && !inpatient() ? money(total.subtract(fund)) : BigDecimal.ZERO
                    .setScale(2);
            BigDecimal cash = money(total.subtract(fund).subtract(acct));
            LocalDateTime setlTime = (end != null ? end : begin.plusMinutes(90)).plusMinutes(10);
            Settlement s = new Settlement(setlId(), mdtrtId, p.psnNo(), setlTime, insutype, medType, money(total),
                    money(total.subtract(inscp)), inscp, fund, fund, acct, cash, "0", "0");
            return new Claim(v, lines, List.of(s));
        }
    }

    /** Weighted code frequencies of one setting: a few codes make most lines (skewed like real data). */
    private final class Pool {
        private final List<Catalogue.Item> drugs = new ArrayList<>();
        private final List<Catalogue.Item> others = new ArrayList<>();
        private final int drugTotal;
        private final int otherTotal;

        Pool(char setting) {
            int dt = 0;
            int ot = 0;
            for (Catalogue.Item i : catalogue.items()) {
                if (!i.usedIn(setting) || i.weight() == 0 || !i.role().isEmpty()) {
                    continue;
                }
                if (i.drug()) {
                    drugs.add(i);
                    dt += i.weight();
                } else {
                    others.add(i);
                    ot += i.weight();
                }
            }
            drugTotal = dt;
            otherTotal = ot;
        }

        Catalogue.Item pick(SplittableRandom r, boolean drug) {
            List<Catalogue.Item> l = drug ? drugs : others;
            int total = drug ? drugTotal : otherTotal;
            if (total == 0) {
                return null;
            }
            int x = r.nextInt(total);
            for (Catalogue.Item i : l) {
                x -= i.weight();
                if (x < 0) {
                    return i;
                }
            }
            return l.get(l.size() - 1);
        }
    }

    private String nextTraceCode(String drugCode) {
        long product = (drugCode.hashCode() & 0x7fffffffL) % 1_000_000L;
        return "8" + pad(product, 6) + pad(++traceSeq, 13);
    }

    static boolean startsWithAny(String value, List<String> prefixes) {
        if (value == null) {
            return false;
        }
        for (String p : prefixes) {
            if (value.regionMatches(true, 0, p, 0, p.length())) {
                return true;
            }
        }
        return false;
    }

    private static long position(LocalDateTime t, boolean hours) {
        return hours ? t.toLocalDate().toEpochDay() * 86400L + t.toLocalTime().toSecondOfDay()
                : t.toLocalDate().toEpochDay();
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    static String pad(long v, int width) {
        String s = Long.toString(v);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder b = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(s).toString();
    }
}
