package org.fundguard.qualification.credit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.outbox.Outbox;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.kit.upload.CheckedFile;
import org.fundguard.qualification.credit.event.CreditAgreementEndFlagged;
import org.fundguard.qualification.credit.event.CreditGraded;
import org.fundguard.qualification.credit.messaging.DecisionEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The credit rating's transactions: deductions from decisions and by officers, repair, the yearly evaluation (score,
 * grade, explanation, inspection frequency, the agreement-end flag) with its events, and the third-party query; each
 * change with its audit entry in the same transaction, events through the outbox.
 */
@ApplicationScoped
public class CreditService {

    static final Caller CONSUMER = Caller.system("credit-consumer");
    private static final TypeReference<List<CreditEvaluator.Line>> LINES = new TypeReference<>() {
    };

    private final CreditCatalogues catalogues;
    private final AuditLog audit;
    private final Outbox outbox;
    private final BusinessClock clock;
    private final ObjectMapper json;

    public CreditService(CreditCatalogues catalogues, AuditLog audit, Outbox outbox, BusinessClock clock, ObjectMapper json) {
        this.catalogues = catalogues;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
    }

    /** An officer's deduction as asked. */
    public record OfficerDeduction(String fixmedinsName, Integer year, String indicatorCode, Integer points, String reason) {
    }

    /** An evaluation with its explanation. */
    public record EvaluationDetails(CreditEvaluationRecord record, CreditInstitution institution, List<CreditEvaluator.Line> lines) {
    }

    public CreditCatalogue catalogue(String region, LocalDate on) {
        return catalogues.inForce(region, on);
    }

    /**
     * The deductions a decision gives, each indicator once per decision (its mappings in the catalogue in force in the
     * deciding region on the decision's day); runs in the consumer's transaction. Emits how many were recorded.
     */
    public Uni<Integer> fromDecision(String eventId, DecisionEvent e) {
        LocalDate day = e.decidedAt().atZoneSameInstant(BusinessClock.ZONE).toLocalDate();
        CreditCatalogue catalogue = catalogues.inForce(e.region(), day);
        Set<String> actions = e.agreementActions() == null ? Set.of()
                : e.agreementActions().stream().map(DecisionEvent.AgreementAction::action).collect(Collectors.toSet());
        Set<String> types = e.violationTypes() == null ? Set.of() : Set.copyOf(e.violationTypes());
        Set<String> indicators = catalogue.indicatorsFor(new CreditCatalogue.DecisionFacts(e.decisionType(), e.conduct(), actions, types));
        boolean serious = catalogue.seriousConduct(e.conduct());
        return institution(e.institution().code(), e.institution().name(), e.region())
                .chain(inst -> CreditDeduction.count("decisionId", e.decisionId()).chain(already -> {
                    if (already > 0 || indicators.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String code : indicators) {
                        CreditCatalogue.Indicator ind = catalogue.indicator(code);
                        CreditDeduction d = deduction(inst.fixmedinsCode, day, catalogue, ind, ind.deductionPerCase(),
                                CreditDeduction.FROM_DECISION, "decision " + e.decisionId() + " (" + e.decisionType() + ", " + e.conduct() + ")",
                                serious || catalogue.seriousIndicator(code), CONSUMER.subject());
                        d.decisionId = e.decisionId();
                        chain = chain.chain(() -> d.<CreditDeduction>persist().replaceWithVoid())
                                .call(() -> audit.record(CONSUMER, "credit.deducted", "credit-institution", inst.fixmedinsCode, null,
                                        snapshot(d, Map.of("eventId", eventId))));
                    }
                    return chain.replaceWith(indicators.size());
                }));
    }

    /** An officer's deduction with its checked evidence; the institution must be in the officer's region. */
    @WithTransaction
    public Uni<CreditDeduction> byOfficer(Caller officer, String code, OfficerDeduction in, List<CheckedFile> evidence) {
        LocalDate today = clock.today();
        int year = in.year() == null ? today.getYear() : in.year();
        if (year > today.getYear()) {
            throw new DomainException.InvalidField("year", "is in the future");
        }
        return CreditInstitution.<CreditInstitution>findById(code).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(visible(officer, found));
            }
            if (in.fixmedinsName() == null || in.fixmedinsName().isBlank()) {
                throw new DomainException.InvalidField("fixmedinsName", "is required for an institution not yet rated");
            }
            return institution(code, in.fixmedinsName(), officer.region());
        }).chain(inst -> {
            CreditCatalogue catalogue = catalogues.inForce(inst.region, LocalDate.of(year, 12, 31).isAfter(today) ? today : LocalDate.of(year, 12, 31));
            CreditCatalogue.Indicator ind = catalogue.indicator(in.indicatorCode());
            if (ind == null) {
                throw new DomainException.InvalidField("indicatorCode", "is not an indicator of catalogue " + catalogue.id());
            }
            int points = in.points() == null ? ind.deductionPerCase() : in.points();
            if (points > ind.maxDeduction()) {
                throw new DomainException.InvalidField("points", "is above the indicator's maximum deduction of " + ind.maxDeduction());
            }
            CreditDeduction d = deduction(inst.fixmedinsCode, today, catalogue, ind, points, CreditDeduction.BY_OFFICER, in.reason(),
                    catalogue.seriousIndicator(ind.code()), officer.username());
            d.year = year;
            return d.<CreditDeduction>persist()
                    .call(() -> attach(d.id, evidence))
                    .call(() -> audit.record(officer, "credit.deducted", "credit-institution", inst.fixmedinsCode, null,
                            snapshot(d, Map.of("evidence", evidence.stream().map(CheckedFile::sha256).toList()))))
                    .replaceWith(d);
        });
    }

    /**
     * Repairs a deduction within its deadline: its points are restored and, when the year was already evaluated, the
     * year is evaluated again (a new {@code credit.graded.v1}).
     */
    @WithTransaction
    public Uni<CreditDeduction> repair(Caller officer, UUID id, String note) {
        return CreditDeduction.<CreditDeduction>findById(id).chain(d -> {
            if (d == null) {
                throw new DomainException.RecordNotFound("no deduction " + id + ".");
            }
            return CreditInstitution.<CreditInstitution>findById(d.fixmedinsCode).chain(inst -> {
                visible(officer, inst);
                CreditCatalogue.Indicator ind = byId(d.catalogueId).indicator(d.indicatorCode);
                LocalDate today = clock.today();
                RepairRule.check(ind, d.repairDeadline, d.repairedOn, today);
                Map<String, Object> before = snapshot(d, Map.of());
                d.repairedOn = today;
                d.repairNote = note;
                d.repairedBy = officer.username();
                return audit.record(officer, "credit.repaired", "credit-institution", inst.fixmedinsCode, before, snapshot(d, Map.of()))
                        .chain(() -> CreditEvaluationRecord.count("fixmedinsCode = ?1 and year = ?2", inst.fixmedinsCode, d.year))
                        .chain(n -> n > 0 ? evaluateIn(officer, inst, d.year).replaceWithVoid() : Uni.createFrom().voidItem())
                        .replaceWith(d);
            });
        });
    }

    /** Evaluates an institution's year (again, replacing an earlier evaluation of that year). */
    @WithTransaction
    public Uni<EvaluationDetails> evaluate(Caller officer, String code, int year) {
        if (year > clock.today().getYear()) {
            throw new DomainException.InvalidField("year", "is in the future");
        }
        return visibleInstitution(officer, code).chain(inst -> evaluateIn(officer, inst, year));
    }

    Uni<EvaluationDetails> evaluateIn(Caller actor, CreditInstitution inst, int year) {
        LocalDate asOf = LocalDate.of(year, 12, 31).isAfter(clock.today()) ? clock.today() : LocalDate.of(year, 12, 31);
        CreditCatalogue catalogue = catalogues.inForce(inst.region, asOf);
        return CreditDeduction.<CreditDeduction>list("fixmedinsCode = ?1 and year = ?2", inst.fixmedinsCode, year).chain(ds -> {
            List<CreditEvaluator.Deduction> in = new ArrayList<>();
            for (CreditDeduction d : ds) {
                if (catalogue.indicator(d.indicatorCode) == null) {
                    throw new DomainException.StateConflict("deduction " + d.id + " is on indicator " + d.indicatorCode
                            + ", which catalogue " + catalogue.id() + " in force on " + asOf + " does not have.");
                }
                in.add(new CreditEvaluator.Deduction(d.indicatorCode, d.points, d.repairedOn != null, d.seriousDishonesty));
            }
            CreditEvaluator.Evaluation ev = CreditEvaluator.evaluate(catalogue, in);
            return CreditEvaluationRecord.<CreditEvaluationRecord>find("fixmedinsCode = ?1 and year = ?2", inst.fixmedinsCode, year)
                    .firstResult().chain(existing -> {
                        CreditEvaluationRecord r = existing != null ? existing : new CreditEvaluationRecord();
                        Map<String, Object> before = existing == null ? null : summary(existing);
                        if (existing == null) {
                            r.id = UUID.randomUUID();
                            r.fixmedinsCode = inst.fixmedinsCode;
                            r.year = year;
                        }
                        r.region = inst.region;
                        r.catalogueId = ev.catalogueId();
                        r.score = ev.score();
                        r.scoreGrade = ev.scoreGrade();
                        r.grade = ev.grade();
                        r.forcedReason = ev.forcedReason();
                        r.inspectionsPerYear = ev.inspectionsPerYear();
                        r.explanation = write(ev.lines());
                        r.evaluatedAt = clock.now();
                        r.evaluatedBy = actor.username();
                        return r.<CreditEvaluationRecord>persist()
                                .call(() -> audit.record(actor, "credit.evaluated", "credit-institution", inst.fixmedinsCode, before, summary(r)))
                                .call(() -> outbox.append(CreditGraded.TYPE, inst.fixmedinsCode, new CreditGraded(inst.fixmedinsCode,
                                        inst.fixmedinsName, inst.region, year, r.catalogueId, r.score, r.scoreGrade, r.grade,
                                        r.forcedReason != null, r.inspectionsPerYear, r.evaluatedAt)))
                                .call(() -> flagIfPoor(actor, inst, catalogue, year))
                                .map(x -> new EvaluationDetails(r, inst, ev.lines()));
                    });
        });
    }

    private Uni<Void> flagIfPoor(Caller actor, CreditInstitution inst, CreditCatalogue catalogue, int year) {
        if (inst.agreementEndYear != null) {
            return Uni.createFrom().voidItem();
        }
        return CreditEvaluationRecord.<CreditEvaluationRecord>list("fixmedinsCode = ?1 and year > ?2 and year <= ?3",
                inst.fixmedinsCode, year - catalogue.poorYearsToFlag(), year).chain(rs -> {
            Map<Integer, String> grades = new HashMap<>();
            rs.forEach(r -> grades.put(r.year, r.grade));
            if (!PoorYears.flags(catalogue, grades, year)) {
                return Uni.createFrom().voidItem();
            }
            inst.agreementEndYear = year;
            inst.agreementEndAt = clock.now();
            List<CreditAgreementEndFlagged.YearGrade> poor = rs.stream()
                    .sorted(java.util.Comparator.comparingInt(r -> r.year))
                    .map(r -> new CreditAgreementEndFlagged.YearGrade(r.year, r.grade, r.score)).toList();
            return audit.record(actor, "credit.agreement-end-flagged", "credit-institution", inst.fixmedinsCode, null,
                            Map.of("year", year, "poorYears", poor))
                    .chain(() -> outbox.append(CreditAgreementEndFlagged.TYPE, inst.fixmedinsCode, new CreditAgreementEndFlagged(
                            inst.fixmedinsCode, inst.fixmedinsName, inst.region, year, poor, inst.agreementEndAt)))
                    .replaceWithVoid();
        });
    }

    @WithSession
    public Uni<EvaluationDetails> evaluation(Caller caller, String code, int year) {
        return visibleInstitution(caller, code).chain(inst -> CreditEvaluationRecord.<CreditEvaluationRecord>find(
                "fixmedinsCode = ?1 and year = ?2", code, year).firstResult().map(r -> {
            if (r == null) {
                throw new DomainException.RecordNotFound("institution " + code + " has no evaluation of " + year + ".");
            }
            return new EvaluationDetails(r, inst, read(r.explanation));
        }));
    }

    /** The evaluations of a year in the caller's region, lowest score first. */
    @WithSession
    public Uni<PageView<CreditEvaluationRecord>> evaluations(Caller caller, int year, PageRequest paging) {
        if (caller.scope().seesNothing()) {
            return Uni.createFrom().item(PageView.of(List.of(), paging, 0));
        }
        var query = CreditEvaluationRecord.<CreditEvaluationRecord>find("year = ?1 and region like ?2",
                Sort.by("score").and("fixmedinsCode"), year, caller.scope().likePattern());
        return query.count().chain(total -> query.page(paging.panache()).list().map(items -> PageView.of(items, paging, total)));
    }

    @WithSession
    public Uni<PageView<CreditDeduction>> deductions(Caller caller, String code, int year, PageRequest paging) {
        return visibleInstitution(caller, code).chain(inst -> {
            var query = CreditDeduction.<CreditDeduction>find("fixmedinsCode = ?1 and year = ?2",
                    Sort.by("recordedOn").and("indicatorCode").and("id"), code, year);
            return query.count().chain(total -> query.page(paging.panache()).list().map(items -> PageView.of(items, paging, total)));
        });
    }

    @WithSession
    public Uni<CreditInstitution> institution(Caller caller, String code) {
        return visibleInstitution(caller, code);
    }

    /**
     * The institution's latest grade and score for an authorised third party, or null when it has none; the query itself
     * is audited either way (so a "not found" is committed with its audit entry, not rolled back).
     */
    @WithTransaction
    public Uni<CreditEvaluationRecord> query(Caller caller, String clientId, String code) {
        return CreditEvaluationRecord.<CreditEvaluationRecord>find("fixmedinsCode = ?1", Sort.descending("year"), code)
                .firstResult()
                .call(r -> audit.record(caller, "credit.queried", "credit-institution", code, null, queried(clientId, r)));
    }

    private static Map<String, Object> queried(String clientId, CreditEvaluationRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", clientId);
        m.put("answered", r == null ? "not found" : r.grade + " " + r.score + " (" + r.year + ")");
        return m;
    }

    private Uni<CreditInstitution> visibleInstitution(Caller caller, String code) {
        return CreditInstitution.<CreditInstitution>findById(code).map(inst -> {
            if (inst == null) {
                throw new DomainException.RecordNotFound("no rated institution " + code + " in your region.");
            }
            return visible(caller, inst);
        });
    }

    private static CreditInstitution visible(Caller caller, CreditInstitution inst) {
        if (!caller.scope().canSee(inst.region)) {
            throw new DomainException.RecordNotFound("no rated institution " + inst.fixmedinsCode + " in your region.");
        }
        return inst;
    }

    private CreditCatalogue byId(String id) {
        return catalogues.all().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("credit catalogue " + id + " is no longer configured"));
    }

    Uni<CreditInstitution> institution(String code, String name, String region) {
        return CreditInstitution.<CreditInstitution>findById(code).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            CreditInstitution inst = new CreditInstitution();
            inst.fixmedinsCode = code;
            inst.fixmedinsName = name;
            inst.region = region;
            inst.createdAt = clock.now();
            return inst.persist();
        });
    }

    private CreditDeduction deduction(String code, LocalDate day, CreditCatalogue catalogue, CreditCatalogue.Indicator ind,
                                      int points, String origin, String reason, boolean serious, String by) {
        CreditDeduction d = new CreditDeduction();
        d.id = UUID.randomUUID();
        d.fixmedinsCode = code;
        d.year = day.getYear();
        d.catalogueId = catalogue.id();
        d.indicatorCode = ind.code();
        d.points = points;
        d.origin = origin;
        d.reason = reason;
        d.seriousDishonesty = serious;
        d.recordedOn = day;
        d.repairDeadline = RepairRule.deadline(ind, day);
        d.recordedBy = by;
        d.createdAt = clock.now();
        return d;
    }

    /** A demo deduction of a past year (DemoCredit), in the caller's transaction. */
    Uni<Void> seedDeduction(CreditInstitution inst, LocalDate day, CreditCatalogue catalogue, CreditCatalogue.Indicator ind,
                            int points, boolean serious, Caller by) {
        CreditDeduction d = deduction(inst.fixmedinsCode, day, catalogue, ind, points, CreditDeduction.BY_OFFICER,
                "demo data", serious || catalogue.seriousIndicator(ind.code()), by.subject());
        return d.persist().call(() -> audit.record(by, "credit.deducted", "credit-institution", inst.fixmedinsCode, null,
                snapshot(d, java.util.Map.of()))).replaceWithVoid();
    }

    private Uni<Void> attach(UUID deductionId, List<CheckedFile> files) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CheckedFile f : files) {
            CreditEvidence e = new CreditEvidence();
            e.id = UUID.randomUUID();
            e.deductionId = deductionId;
            e.fileName = f.displayName();
            e.mediaType = f.mediaType();
            e.sizeBytes = f.size();
            e.sha256 = f.sha256();
            e.content = f.content();
            e.addedAt = clock.now();
            chain = chain.chain(() -> e.persist().replaceWithVoid());
        }
        return chain;
    }

    private static Map<String, Object> snapshot(CreditDeduction d, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id.toString());
        m.put("year", d.year);
        m.put("indicator", d.indicatorCode);
        m.put("points", d.points);
        m.put("origin", d.origin);
        m.put("seriousDishonesty", d.seriousDishonesty);
        m.put("repairDeadline", d.repairDeadline == null ? null : d.repairDeadline.toString());
        m.put("repairedOn", d.repairedOn == null ? null : d.repairedOn.toString());
        m.putAll(extra);
        return m;
    }

    private static Map<String, Object> summary(CreditEvaluationRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", r.year);
        m.put("catalogue", r.catalogueId);
        m.put("score", r.score);
        m.put("grade", r.grade);
        m.put("scoreGrade", r.scoreGrade);
        m.put("inspectionsPerYear", r.inspectionsPerYear);
        return m;
    }

    private String write(List<CreditEvaluator.Line> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CreditEvaluator.Line> read(String text) {
        try {
            return json.readValue(text, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
