package org.fundguard.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.monitoring.knowledge.ImportReport;
import org.fundguard.monitoring.knowledge.KnowledgeImporter;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RowError;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.fundguard.monitoring.knowledge.Scope;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The stored knowledge base: imports, edits (each a new version) and reads, region-scoped by {@link KnowledgeAuthority}.
 * Every change takes the knowledge lock, adds a {@link RuleSetVersion} and an audit entry in the same transaction; the
 * caller then has {@link RuleSetHolder#refresh()} swap in the new rule set.
 */
@ApplicationScoped
public class KnowledgeService {

    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {
    };

    private final AuditLog audit;
    private final ObjectMapper json;
    private final BusinessClock clock;

    public KnowledgeService(AuditLog audit, ObjectMapper json, BusinessClock clock) {
        this.clock = clock;
        this.audit = audit;
        this.json = json;
    }

    public enum Format { CSV, JSON }

    /** What an import did: the good rows kept (as a new rule-set version, unless none), the bad ones listed. */
    public record ImportOutcome(String source, int rowsRead, int accepted, List<RowError> errors, Integer ruleSetVersion) {
    }


    /** The parts of a point an edit may change; null keeps the current value (for {@code params}: all of them). */
    public record Edit(LocalDate effFrom, LocalDate effTo, boolean clearEffTo, List<String> codes, String name,
                       String evidence, Boolean enabled, Integer sevDeg, boolean clearSevDeg, Map<String, Object> params) {
    }

    /**
     * Imports a CSV or JSON file: rows the importer refuses, rows of a scope the caller does not manage and versions
     * already stored are listed; the rest are stored as one new rule-set version. A file-level error stores nothing.
     */
    @WithTransaction
    public Uni<ImportOutcome> importFile(Caller caller, Format format, String body, String source, boolean enable) {
        boolean csv = format == Format.CSV;
        KnowledgeImporter importer = new KnowledgeImporter();
        ImportReport report = csv ? importer.importCsv(new StringReader(body), source) : importer.importJson(new StringReader(body), source);
        if (ImportRows.fileLevel(report, csv)) {
            List<Problem.FieldError> errors = report.errors().stream()
                    .map(e -> new Problem.FieldError(e.field() == null ? "file" : e.field(), e.reason())).toList();
            return Uni.createFrom().failure(new DomainException.InvalidFields("The file cannot be imported; nothing was stored.", errors));
        }
        int[] rows = ImportRows.accepted(report, csv, body);
        List<RowError> errors = new ArrayList<>(report.errors());
        List<KnowledgePoint> allowed = new ArrayList<>();
        List<Integer> allowedRows = new ArrayList<>();
        for (int i = 0; i < report.accepted().size(); i++) {
            KnowledgePoint kp = report.accepted().get(i);
            int row = rows == null ? 0 : rows[i];
            if (!KnowledgeAuthority.canManage(caller, kp.scope())) {
                errors.add(new RowError(source, row, "scope", kp.scope().admdvs(), kp.scope().level() == Scope.Level.NATIONAL
                        ? "全国知识点只能由国家级规则管理员维护" : "适用区划不在你的管理范围内"));
            } else {
                allowed.add(kp);
                allowedRows.add(row);
            }
        }
        return KnowledgeQueries.lock()
                .chain(() -> existingKeys(allowed))
                .chain(existing -> {
                    List<KnowledgePoint> fresh = new ArrayList<>();
                    for (int i = 0; i < allowed.size(); i++) {
                        KnowledgePoint kp = allowed.get(i);
                        if (existing.contains(key(kp))) {
                            errors.add(new RowError(source, allowedRows.get(i), "version", Integer.toString(kp.version()),
                                    "该知识点的此版本已存在；修改请使用更高的版本号"));
                        } else {
                            fresh.add(kp);
                        }
                    }
                    errors.sort(java.util.Comparator.comparingInt(RowError::row));
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().item(new ImportOutcome(source, report.rowsRead(), 0, errors, null));
                    }
                    return nextVersion(caller, (enable ? "import " : "staged import ") + source, fresh.size(), enable)
                            .call(v -> persistAll(fresh, v, caller, source))
                            .call(v -> audit.record("knowledge.imported", "rule-set", Integer.toString(v), null,
                                    Map.of("source", source, "accepted", fresh.stream().map(KnowledgeService::key).toList(),
                                            "refusedRows", errors.stream().map(RowError::row).distinct().count())))
                            .map(v -> new ImportOutcome(source, report.rowsRead(), fresh.size(), errors, v));
                });
    }

    /** Stores a knowledge base as the system (demo data); nothing is scoped. Emits the import outcome. */
    @WithTransaction
    public Uni<ImportOutcome> importAsSystem(Caller system, String body, String source) {
        ImportReport report = new KnowledgeImporter().importJson(new StringReader(body), source);
        if (report.accepted().isEmpty()) {
            return Uni.createFrom().item(new ImportOutcome(source, report.rowsRead(), 0, report.errors(), null));
        }
        return KnowledgeQueries.lock().chain(() -> nextVersion(system, "import " + source, report.accepted().size()))
                .call(v -> persistAll(report.accepted(), v, system, source))
                .call(v -> audit.record(system, "knowledge.imported", "rule-set", Integer.toString(v), null,
                        Map.of("source", source, "accepted", report.accepted().size())))
                .map(v -> new ImportOutcome(source, report.rowsRead(), report.accepted().size(), report.errors(), v));
    }

    /** Edits a point: the next version of the same rule class, point id and scope, from the latest version only. */
    @WithTransaction
    public Uni<StoredKnowledgePoint> edit(Caller caller, UUID id, Edit edit) {
        return KnowledgeQueries.lock().chain(() -> visible(caller, id)).chain(old -> {
            Scope scope = Scope.parse(old.scope);
            if (!KnowledgeAuthority.canManage(caller, scope)) {
                return Uni.createFrom().failure(new DomainException.AccessDenied(scope.level() == Scope.Level.NATIONAL
                        ? "National knowledge points are maintained at the national level only."
                        : "This knowledge point's region is outside the regions you manage."));
            }
            return KnowledgeQueries.latestVersion(old).chain(latest -> {
                if (latest != old.version) {
                    return Uni.createFrom().failure(new DomainException.StateConflict(
                            "Version " + old.version + " is not the latest (" + latest + "); edit the latest version."));
                }
                Map<String, Object> row = merged(old, edit, latest + 1);
                KnowledgePoint kp = parseOne(row);
                return nextVersion(caller, "edit " + old.kpId, 1).chain(v -> {
                    StoredKnowledgePoint fresh = stored(kp, v, caller, "edit");
                    return fresh.<StoredKnowledgePoint>persist()
                            .call(() -> audit.record("knowledge.edited", "knowledge-point", fresh.id.toString(),
                                    read(old.body), read(fresh.body)));
                });
            });
        });
    }

    /** One stored version the caller may read (404 otherwise). */
    @WithSession
    public Uni<StoredKnowledgePoint> get(Caller caller, UUID id) {
        return visible(caller, id);
    }

    /** The latest version number of the point's rule class, id and scope. */
    @WithSession
    public Uni<Integer> latest(StoredKnowledgePoint p) {
        return KnowledgeQueries.latestVersion(p);
    }

    /** The latest version of each point the caller may read, filtered, ordered by rule class, id, scope. */
    @WithSession
    public Uni<PageView<StoredKnowledgePoint>> list(Caller caller, String ruleClass, String kpId, String scope, PageRequest paging) {
        RegionScope mine = caller.scope();
        if (mine.seesNothing()) {
            return Uni.createFrom().item(PageView.of(List.of(), paging, 0));
        }
        RuleClass rc = ruleClass == null ? null : RuleClass.fromCodeOrName(ruleClass);
        return KnowledgeQueries.latestVisible(mine, rc == null ? ruleClass : rc.code(), kpId, scope, paging);
    }

    /** The point stored in a row, as the engine sees it. */
    public KnowledgePoint point(StoredKnowledgePoint p) {
        return parseOne(read(p.body));
    }

    public Map<String, Object> read(String body) {
        try {
            return json.readValue(body, ROW);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored knowledge point is not JSON", e);
        }
    }

    private Uni<StoredKnowledgePoint> visible(Caller caller, UUID id) {
        return StoredKnowledgePoint.<StoredKnowledgePoint>findById(id).map(p -> {
            if (p == null || !KnowledgeAuthority.canRead(caller, Scope.parse(p.scope))) {
                throw new DomainException.RecordNotFound("No such knowledge point in your region.");
            }
            return p;
        });
    }

    private Map<String, Object> merged(StoredKnowledgePoint old, Edit e, int version) {
        Map<String, Object> row = new LinkedHashMap<>();
        Map<String, Object> before = read(old.body);
        for (String k : List.of("rule_class", "kp_id", "scope", "eff_from", "eff_to", "codes", "name", "evidence", "enabled", "sev_deg")) {
            if (before.containsKey(k)) {
                row.put(k, before.get(k));
            }
        }
        row.put("version", version);
        if (e.effFrom() != null) {
            row.put("eff_from", e.effFrom().toString());
        }
        if (e.clearEffTo()) {
            row.remove("eff_to");
        } else if (e.effTo() != null) {
            row.put("eff_to", e.effTo().toString());
        }
        if (e.codes() != null) {
            row.put("codes", e.codes());
        }
        if (e.name() != null) {
            row.put("name", e.name());
        }
        if (e.evidence() != null) {
            row.put("evidence", e.evidence());
        }
        if (e.enabled() != null) {
            row.put("enabled", e.enabled());
        }
        if (e.clearSevDeg()) {
            row.remove("sev_deg");
        } else if (e.sevDeg() != null) {
            row.put("sev_deg", e.sevDeg().toString());
        }
        Map<String, Object> params = e.params();
        if (params == null) {
            before.forEach((k, v) -> {
                if (!row.containsKey(k) && !List.of("version", "eff_to", "sev_deg").contains(k)) {
                    row.put(k, v);
                }
            });
        } else {
            for (Map.Entry<String, Object> p : params.entrySet()) {
                if (isCommon(p.getKey())) {
                    throw new DomainException.InvalidFields("params holds only rule parameters.",
                            List.of(new Problem.FieldError("params." + p.getKey(), "is not a rule parameter; use the field of its own")));
                }
                row.put(p.getKey(), p.getValue());
            }
        }
        return row;
    }

    private static boolean isCommon(String key) {
        return Set.of("rule_class", "kp_id", "version", "eff_from", "eff_to", "scope", "codes", "name", "evidence",
                "enabled", "sev_deg").contains(key);
    }

    /** Runs one row through the importer; its errors become field errors named as the edit body names them. */
    private KnowledgePoint parseOne(Map<String, Object> row) {
        String text;
        try {
            text = json.writeValueAsString(List.of(row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ImportReport r = new KnowledgeImporter().importJson(new StringReader(text), "edit");
        if (r.accepted().size() == 1 && r.clean()) {
            return r.accepted().get(0);
        }
        List<Problem.FieldError> errors = r.errors().stream()
                .map(err -> new Problem.FieldError(editField(err.field()), err.reason())).toList();
        throw new DomainException.InvalidFields(errors);
    }

    static String editField(String column) {
        if (column == null) {
            return "body";
        }
        return switch (column) {
            case "eff_from" -> "effFrom";
            case "eff_to" -> "effTo";
            case "sev_deg" -> "sevDeg";
            case "codes", "name", "evidence", "enabled" -> column;
            default -> "params." + column;
        };
    }

    private Uni<Set<String>> existingKeys(List<KnowledgePoint> points) {
        return KnowledgeQueries.storedKeys(points.stream().map(KnowledgePoint::id).distinct().toList());
    }

    static String key(KnowledgePoint kp) {
        return kp.ruleClass().code() + "|" + kp.id() + "|" + kp.scope().admdvs() + "|" + kp.version();
    }

    private Uni<Integer> nextVersion(Caller caller, String reason, int changed) {
        return nextVersion(caller, reason, changed, true);
    }

    /** A new rule-set version; enabled, it is put in use, else it is staged and the version in use stays. */
    private Uni<Integer> nextVersion(Caller caller, String reason, int changed, boolean enable) {
        return KnowledgeQueries.latestRuleSetVersion()
                .call(max -> enable ? Uni.createFrom().voidItem() : RuleSetState.pin(max, caller, clock.now()))
                .chain(max -> {
                    RuleSetVersion v = new RuleSetVersion();
                    v.version = max + 1;
                    v.createdAt = clock.now();
                    v.createdBy = caller.username() == null ? caller.subject() : caller.username();
                    v.reason = reason.length() > 200 ? reason.substring(0, 200) : reason;
                    v.changed = changed;
                    return v.<RuleSetVersion>persist().map(x -> x.version);
                })
                .call(v -> enable ? RuleSetState.activate(v, caller, clock.now()) : Uni.createFrom().voidItem());
    }

    /**
     * Puts an existing rule-set version in use (enabling a staged one, or rolling back to an earlier one), audited. The
     * rule set is service-wide, so only a provincial or national rule manager may switch it.
     */
    @WithTransaction
    public Uni<Integer> activate(Caller caller, int version) {
        String region = caller.region();
        if (region == null || !region.endsWith("0000")) {
            return Uni.createFrom().failure(new DomainException.AccessDenied(
                    "The rule set in use is switched by a provincial or national rule manager."));
        }
        return KnowledgeQueries.lock().chain(() -> RuleSetVersion.<RuleSetVersion>findById(version)).chain(v -> {
            if (v == null) {
                return Uni.createFrom().failure(new DomainException.RecordNotFound("No rule-set version " + version + "."));
            }
            return RuleSetState.<RuleSetState>findById(1).chain(old -> {
                Integer before = old == null ? null : old.activeVersion;
                return RuleSetState.activate(version, caller, clock.now())
                        .call(x -> audit.record("rule-set.activated", "rule-set", Integer.toString(version),
                                before == null ? null : Map.of("activeVersion", before), Map.of("activeVersion", version)))
                        .replaceWith(version);
            });
        });
    }

    private Uni<Void> persistAll(List<KnowledgePoint> points, int ruleSetVersion, Caller caller, String source) {
        List<StoredKnowledgePoint> rows = points.stream().map(kp -> stored(kp, ruleSetVersion, caller, source)).toList();
        return Panache.getSession().chain(s -> s.persistAll(rows.toArray())).replaceWithVoid();
    }

    private StoredKnowledgePoint stored(KnowledgePoint kp, int ruleSetVersion, Caller caller, String source) {
        StoredKnowledgePoint p = new StoredKnowledgePoint();
        p.id = UUID.randomUUID();
        p.ruleClass = kp.ruleClass().code();
        p.kpId = kp.id();
        p.version = kp.version();
        p.scope = kp.scope().admdvs();
        p.effFrom = kp.effectiveFrom();
        p.effTo = kp.effectiveTo();
        p.enabled = kp.enabled();
        try {
            p.body = json.writeValueAsString(KnowledgeRows.row(kp));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        p.ruleSetVersion = ruleSetVersion;
        p.createdAt = clock.now();
        p.createdBy = caller.username() == null ? caller.subject() : caller.username();
        p.source = source == null ? null : source.length() > 200 ? source.substring(0, 200) : source;
        return p;
    }
}
