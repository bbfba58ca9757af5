package org.fundguard.monitoring.check;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.monitoring.RuleSetHolder;
import org.fundguard.monitoring.engine.CrossClaimContext;
import org.fundguard.monitoring.engine.Hit;
import org.fundguard.monitoring.engine.InMemoryPatientHistory;
import org.fundguard.monitoring.replica.QualificationCache;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Pre- and in-process checks (3101/3102) and the doctor's feedback (3103) for hospital systems. A check screens each
 * patient's current encounter with the rule set in use (read once, so one answer is one rule-set version), the patient's
 * other encounters as history and the qualification replica; every violation answered is stored with its jr_id.
 */
@ApplicationScoped
public class CheckService {

    private static final DateTimeFormatter MSG_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter MS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RuleSetHolder rules;
    private final QualificationCache qualifications;
    private final AuditLog audit;
    private final Pool pool;
    private final BusinessClock clock;

    public CheckService(RuleSetHolder rules, QualificationCache qualifications, AuditLog audit, Pool pool, BusinessClock clock) {
        this.clock = clock;
        this.rules = rules;
        this.qualifications = qualifications;
        this.audit = audit;
        this.pool = pool;
    }

    /** Runs a 3101 or 3102 check for a hospital system of the message's institution. */
    public Uni<CheckAnswer> check(Caller caller, String infno, CheckMessage message) {
        LocalDateTime received = clock.localNow();
        if (message != null && message.fixmedinsCode() != null && !message.fixmedinsCode().isBlank()) {
            // another institution's message is refused as such, before its fields are looked at
            ownInstitution(caller, message.fixmedinsCode());
        }
        List<ClaimMapper.Mapped> mapped = ClaimMapper.map(infno, message);
        ownInstitution(caller, message.fixmedinsCode());
        RuleSetHolder.Compiled compiled = rules.current();
        CheckMessage.Data data = message.input().data();
        Set<String> only = data.ruleIds() == null ? Set.of() : new HashSet<>(data.ruleIds());
        List<CheckAnswer.Violation> result = new ArrayList<>();
        List<CheckResult> stored = new ArrayList<>();
        OffsetDateTime now = clock.now();
        for (ClaimMapper.Mapped m : mapped) {
            InMemoryPatientHistory history = compiled.rules().newHistory();
            m.history().forEach(history::record);
            CrossClaimContext ctx = CrossClaimContext.none().withHistory(history).withQualifications(qualifications);
            for (Hit hit : compiled.engine().evaluate(m.current(), ctx)) {
                if (!only.isEmpty() && !only.contains(hit.ruleCode())) {
                    continue;
                }
                CheckAnswer.Violation v = violation(hit, m.patnId(), data.taskId());
                result.add(v);
                stored.add(stored(v, hit, infno, data, message.fixmedinsCode(), compiled.version(), now));
            }
        }
        CheckAnswer answer = new CheckAnswer(0, refMsgId(message.mdtrtareaAdmvs(), caller.region(), received),
                received.format(MS_TIME), clock.localNow().format(MS_TIME), null,
                new CheckAnswer.Output(result));
        if (stored.isEmpty()) {
            return Uni.createFrom().item(answer);
        }
        return CheckResultStore.insert(pool, stored).replaceWith(answer);
    }

    /** Records the doctor's dispositions (3103); all or nothing; each one audited with the one it replaces. */
    @WithTransaction
    public Uni<FeedbackAnswer> feedback(Caller caller, FeedbackMessage message) {
        LocalDateTime received = clock.localNow();
        List<FeedbackMessage.Warn> warns = validate(message);
        ownInstitution(caller, message.fixmedinsCode());
        String warnType = message.input().data().warnType();
        List<String> ids = warns.stream().map(FeedbackMessage.Warn::warnRsltId).toList();
        return CheckResult.<CheckResult>list("jrId in ?1", ids).chain(found -> {
            Map<String, CheckResult> byId = new HashMap<>();
            found.forEach(r -> byId.put(r.jrId, r));
            List<Problem.FieldError> unknown = new ArrayList<>();
            for (int i = 0; i < warns.size(); i++) {
                CheckResult r = byId.get(warns.get(i).warnRsltId());
                // another institution's warning is as unknown as a made-up one
                if (r == null || !r.fixmedinsCode.equals(message.fixmedinsCode())) {
                    unknown.add(new Problem.FieldError("input.data.warns[" + i + "].warn_rslt_id", "names no warning given to this institution"));
                }
            }
            if (!unknown.isEmpty()) {
                return Uni.createFrom().failure(new DomainException.InvalidFields(unknown));
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (FeedbackMessage.Warn w : warns) {
                chain = chain.chain(() -> record(caller, warnType, w));
            }
            return chain.map(x -> new FeedbackAnswer(0, refMsgId(message.mdtrtareaAdmvs(), caller.region(), received),
                    received.format(MS_TIME), clock.localNow().format(MS_TIME), null,
                    new FeedbackAnswer.Output(warns.size())));
        });
    }

    private Uni<Void> record(Caller caller, String warnType, FeedbackMessage.Warn w) {
        return CheckFeedback.<CheckFeedback>findById(w.warnRsltId()).chain(old -> {
            Map<String, Object> before = old == null ? null : state(old);
            CheckFeedback f = old != null ? old : new CheckFeedback();
            f.jrId = w.warnRsltId();
            f.warnType = warnType;
            f.dspoWay = w.dspoWay();
            f.dspoWayRea = w.dspoWayRea();
            f.recordedAt = clock.now();
            f.recordedBy = caller.username() == null ? caller.subject() : caller.username();
            Uni<?> write = old == null ? f.persist() : Uni.createFrom().item(f);
            return write.call(() -> audit.record("check.feedback", "check-result", f.jrId, before, state(f))).replaceWithVoid();
        });
    }

    private static Map<String, Object> state(CheckFeedback f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("warnType", f.warnType);
        m.put("dspoWay", f.dspoWay);
        m.put("dspoWayRea", f.dspoWayRea);
        return m;
    }

    private static List<FeedbackMessage.Warn> validate(FeedbackMessage m) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (m == null) {
            throw new DomainException.InvalidFields(List.of(new Problem.FieldError("body", "is required")));
        }
        if (!"3103".equals(m.infno())) {
            errors.add(new Problem.FieldError("infno", m.infno() == null ? "is required" : "must be 3103 on this path"));
        }
        if (m.fixmedinsCode() == null || m.fixmedinsCode().isBlank()) {
            errors.add(new Problem.FieldError("fixmedins_code", "is required"));
        }
        FeedbackMessage.Data data = m.input() == null ? null : m.input().data();
        if (data == null) {
            errors.add(new Problem.FieldError("input.data", "is required"));
            throw new DomainException.InvalidFields(errors);
        }
        if (!"1".equals(data.warnType()) && !"2".equals(data.warnType())) {
            errors.add(new Problem.FieldError("input.data.warn_type", "must be 1 (事前) or 2 (事中)"));
        }
        List<FeedbackMessage.Warn> warns = data.warns() == null ? List.of() : data.warns();
        if (warns.isEmpty()) {
            errors.add(new Problem.FieldError("input.data.warns", "must list at least one disposition"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < warns.size(); i++) {
            FeedbackMessage.Warn w = warns.get(i);
            String at = "input.data.warns[" + i + "]";
            if (w == null || w.warnRsltId() == null || w.warnRsltId().isBlank()) {
                errors.add(new Problem.FieldError(at + ".warn_rslt_id", "is required"));
                continue;
            }
            if (!seen.add(w.warnRsltId())) {
                errors.add(new Problem.FieldError(at + ".warn_rslt_id", "appears twice"));
            }
            if (!"1".equals(w.dspoWay()) && !"2".equals(w.dspoWay())) {
                errors.add(new Problem.FieldError(at + ".dspo_way", "must be 1 (继续执行) or 2 (返回修改)"));
            } else if ("1".equals(w.dspoWay()) && (w.dspoWayRea() == null || w.dspoWayRea().isBlank())) {
                errors.add(new Problem.FieldError(at + ".dspo_way_rea", "is required when dspo_way is 1 (继续执行)"));
            }
            if (w.dspoWayRea() != null && w.dspoWayRea().length() > 500) {
                errors.add(new Problem.FieldError(at + ".dspo_way_rea", "must be at most 500 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidFields(errors);
        }
        return warns;
    }

    /** A hospital system checks only its own institution's claims. */
    private static void ownInstitution(Caller caller, String fixmedinsCode) {
        if (caller.institution() == null || !caller.institution().equals(fixmedinsCode)) {
            throw new DomainException.AccessDenied("A hospital system may only send messages of its own institution (fixmedins_code).");
        }
    }

    static CheckAnswer.Violation violation(Hit hit, String patnId, String taskId) {
        String jrId = "JR" + UUID.randomUUID().toString().replace("-", "");
        List<CheckAnswer.Detail> details = new ArrayList<>();
        BigDecimal amount = hit.amount() == null ? BigDecimal.ZERO.setScale(2) : hit.amount();
        List<String> lines = hit.feedetlSns();
        for (int i = 0; i < lines.size(); i++) {
            // the engine lists the violating line first, then the lines it depends on (the other half of a pair …)
            details.add(new CheckAnswer.Detail(jrId + "-" + (i + 1), patnId, hit.mdtrtId(), lines.get(i),
                    i == 0 ? "1" : "2", i == 0 ? amount : BigDecimal.ZERO.setScale(2)));
        }
        return new CheckAnswer.Violation(jrId, hit.ruleCode(), hit.ruleClass().ruleName(), hit.reason(), patnId,
                hit.mdtrtId(), details, amount, "1", Integer.toString(hit.sevDeg()), hit.evidence(),
                hit.definite() ? "1" : "2", taskId, hit.knowledgePointId(), hit.knowledgePointVersion());
    }

    private static CheckResult stored(CheckAnswer.Violation v, Hit hit, String infno, CheckMessage.Data data,
                                      String institution, int ruleSetVersion, OffsetDateTime now) {
        CheckResult r = new CheckResult();
        r.jrId = v.jrId();
        r.infno = infno;
        r.taskId = cut(data.taskId(), 100);
        r.trigScen = cut(data.trigScen(), 30);
        r.fixmedinsCode = institution;
        r.patnId = cut(v.patnId(), 50);
        r.mdtrtId = cut(v.mdtrtId(), 50);
        r.ruleId = v.ruleId();
        r.kpId = hit.knowledgePointId();
        r.kpVersion = hit.knowledgePointVersion();
        r.sevDeg = (short) hit.sevDeg();
        r.volaAmt = v.volaAmt();
        r.ruleSetVersion = ruleSetVersion;
        r.checkedAt = now;
        return r;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** 接收方报文ID: region (6) + yyyyMMddHHmmss + a 10-digit serial (data-formats §2). */
    private static String refMsgId(String admvs, String callerRegion, LocalDateTime at) {
        String region = RegionScope.isValidCode(admvs) ? admvs
                : RegionScope.isValidCode(callerRegion) ? callerRegion : "000000";
        return region + at.format(MSG_TIME) + String.format("%010d", (long) RANDOM.nextInt(1_000_000_000) * 10 + RANDOM.nextInt(10));
    }
}
