package org.fundguard.qualification.practitioner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.page.PageRequest;
import org.fundguard.kit.page.PageView;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.qualification.practitioner.register.RegisterEntry;
import org.fundguard.qualification.practitioner.register.RegisterRows;
import org.fundguard.qualification.practitioner.register.RowError;
import org.hibernate.StaleStateException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One file per person (一人一档): files valid nationwide, read by anyone with a reading role, changed by qualification
 * officers whose region covers the file's region or the institution concerned. Every change writes its
 * {@code practitioner_change} row (before and after) and its audit entry in the same transaction; a change that
 * changes nothing writes nothing.
 */
@ApplicationScoped
public class PractitionerService {

    private final AuditLog audit;
    private final BusinessClock clock;
    private final ObjectMapper json;

    public PractitionerService(AuditLog audit, BusinessClock clock, ObjectMapper json) {
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /**
     * What a list may be narrowed to; every field may be null. {@code region} takes the file's region with the region
     * tree below it (341100 lists 341102's files), {@code fixmedinsCode} any institution of the person, current or ended.
     */
    public record Filter(String region, String fixmedinsCode, PersonType type, String codePrefix) {
    }

    /** A new file. */
    public record NewFile(String code, PersonType type, String name, String region) {
    }

    /** An institution to add (or to take up again after it ended). */
    public record NewInstitution(String fixmedinsCode, String fixmedinsName, String admdvs, LocalDate begndate, LocalDate enddate) {
    }

    /** A file with its institutions. */
    public record File(Practitioner practitioner, List<PractitionerInstitution> institutions) {
    }

    /** What an import did: counts, and every refused row. */
    public record ImportOutcome(int rows, int created, int updated, int unchanged, List<RowError> errors) {
    }

    private enum RowResult { CREATED, UPDATED, UNCHANGED }

    // ---------------------------------------------------------------- reads other features use

    /** The file of {@code nationalCode}, or null when there is none. */
    @WithSession
    public Uni<Practitioner> find(String nationalCode) {
        if (nationalCode == null) {
            return Uni.createFrom().nullItem();
        }
        return Practitioner.findById(nationalCode);
    }

    /** The institutions (current and ended) of a person, by institution code; empty when there is no file. */
    @WithSession
    public Uni<List<PractitionerInstitution>> institutions(String code) {
        return PractitionerInstitution.list("nationalCode", Sort.by("fixmedinsCode"), code);
    }

    // ---------------------------------------------------------------- reads of the API

    @WithSession
    public Uni<File> get(String code) {
        return required(code).chain(p -> institutions(code).map(i -> new File(p, i)));
    }

    @WithSession
    public Uni<PageView<File>> list(Filter f, PageRequest paging) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (f.region() != null) {
            // 以上查下: a city's code lists its counties' files too
            q.append(" and region like :region");
            params.and("region", RegionScope.of(f.region()).likePattern());
        }
        if (f.type() != null) {
            q.append(" and personType = :type");
            params.and("type", f.type());
        }
        if (f.codePrefix() != null) {
            q.append(" and nationalCode like :prefix");
            params.and("prefix", f.codePrefix() + "%");
        }
        if (f.fixmedinsCode() != null) {
            q.append(" and nationalCode in (select i.nationalCode from PractitionerInstitution i where i.fixmedinsCode = :fix)");
            params.and("fix", f.fixmedinsCode());
        }
        var query = Practitioner.<Practitioner>find(q.toString(), Sort.by("nationalCode"), params);
        return query.page(paging.panache()).list().chain(items -> query.count().chain(total -> {
            if (items.isEmpty()) {
                return Uni.createFrom().item(PageView.of(List.<File>of(), paging, total));
            }
            List<String> codes = items.stream().map(p -> p.nationalCode).toList();
            return PractitionerInstitution.<PractitionerInstitution>list("nationalCode in ?1", Sort.by("fixmedinsCode"), codes)
                    .map(all -> PageView.of(items.stream().map(p -> new File(p, all.stream()
                            .filter(i -> i.nationalCode.equals(p.nationalCode)).toList())).toList(), paging, total));
        }));
    }

    /** The file's changes, newest first. */
    @WithSession
    public Uni<PageView<PractitionerChange>> history(String code, PageRequest paging) {
        return required(code).chain(p -> {
            var q = PractitionerChange.<PractitionerChange>find("nationalCode", Sort.descending("changedAt").and("id"), code);
            return q.page(paging.panache()).list().chain(items -> q.count().map(total -> PageView.of(items, paging, total)));
        });
    }

    // ---------------------------------------------------------------- changes

    @WithTransaction
    public Uni<File> create(Caller actor, NewFile in) {
        String problem = PractitionerCodes.codeProblem(in.type(), in.code());
        if (problem != null) {
            return Uni.createFrom().failure(new DomainException.InvalidField("prac_psn_code", problem));
        }
        if (!actor.scope().canSee(in.region())) {
            return Uni.createFrom().failure(new DomainException.AccessDenied(
                    "Region " + in.region() + " is outside your region " + actor.region() + "."));
        }
        return Practitioner.<Practitioner>findById(in.code()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new DomainException.StateConflict(
                        "A file with this prac_psn_code exists already; change it instead."));
            }
            Practitioner p = newFile(in.code(), in.type(), in.name(), in.region());
            return p.<Practitioner>persist()
                    .call(x -> changed(actor, PractitionerChange.Kind.CREATED, p.nationalCode, null, FileSnapshot.of(p, List.of())))
                    .map(x -> new File(p, List.of()));
        });
    }

    /** Changes the type and name; {@code expectedVersion} is the version the caller read (409 when stale). */
    @WithTransaction
    public Uni<File> update(Caller actor, String code, PersonType type, String name, int expectedVersion) {
        return editable(actor, code).chain(f -> {
            Practitioner p = f.practitioner();
            if (p.version != expectedVersion) {
                return Uni.createFrom().failure(stale(p));
            }
            if (type != p.personType) {
                String problem = PractitionerCodes.codeProblem(type, code);
                if (problem != null) {
                    return Uni.createFrom().failure(new DomainException.InvalidField("prac_psn_type",
                            "the file's prac_psn_code does not fit this type: " + problem));
                }
            }
            FileSnapshot before = FileSnapshot.of(p, f.institutions());
            p.personType = type;
            p.psnName = name;
            FileSnapshot after = FileSnapshot.of(p, f.institutions());
            if (before.equals(after)) {
                return Uni.createFrom().item(f);
            }
            p.updatedAt = clock.now();
            return changed(actor, PractitionerChange.Kind.UPDATED, code, before, after).replaceWith(f);
        }).call(x -> Panache.flush()).onFailure(PractitionerService::isStale).transform(e -> staleNow());
    }

    /** Adds an institution, or takes up again one that ended (409 when it is current already). */
    @WithTransaction
    public Uni<File> addInstitution(Caller actor, String code, NewInstitution in) {
        if (in.begndate() != null && in.enddate() != null && in.enddate().isBefore(in.begndate())) {
            return Uni.createFrom().failure(new DomainException.InvalidField("enddate", "must not be before begndate"));
        }
        return required(code).chain(p -> institutions(code).chain(list -> {
            if (!actor.scope().canSee(p.region) && !actor.scope().canSee(in.admdvs())) {
                return Uni.createFrom().failure(outside(actor));
            }
            PractitionerInstitution existing = list.stream().filter(i -> i.fixmedinsCode.equals(in.fixmedinsCode()))
                    .findFirst().orElse(null);
            if (existing != null && isCurrent(existing)) {
                return Uni.createFrom().failure(new DomainException.StateConflict(
                        "The person practises at this institution already."));
            }
            FileSnapshot before = FileSnapshot.of(p, list);
            List<PractitionerInstitution> now = new ArrayList<>(list);
            PractitionerInstitution i = existing;
            if (i == null) {
                i = new PractitionerInstitution();
                i.nationalCode = code;
                i.fixmedinsCode = in.fixmedinsCode();
                now.add(i);
            }
            i.fixmedinsName = in.fixmedinsName();
            i.admdvs = in.admdvs();
            i.begndate = in.begndate() != null ? in.begndate() : clock.today();
            i.enddate = in.enddate();
            p.updatedAt = clock.now();
            PractitionerInstitution stored = i;
            Uni<?> write = existing == null ? stored.persist() : Uni.createFrom().item(stored);
            return write.chain(x -> changed(actor, PractitionerChange.Kind.INSTITUTION_ADDED, code, before, FileSnapshot.of(p, now)))
                    .replaceWith(new File(p, now));
        })).call(x -> Panache.flush());
    }

    /** Ends the person's practice at an institution on {@code enddate} (409 when it has ended already). */
    @WithTransaction
    public Uni<File> endInstitution(Caller actor, String code, String fixmedinsCode, LocalDate enddate) {
        return required(code).chain(p -> institutions(code).chain(list -> {
            PractitionerInstitution i = list.stream().filter(x -> x.fixmedinsCode.equals(fixmedinsCode)).findFirst().orElse(null);
            if (i == null) {
                return Uni.createFrom().failure(new DomainException.RecordNotFound(
                        "The person has no record at this institution."));
            }
            if (!actor.scope().canSee(p.region) && !actor.scope().canSee(i.admdvs)) {
                return Uni.createFrom().failure(outside(actor));
            }
            if (i.enddate != null) {
                return Uni.createFrom().failure(new DomainException.StateConflict("The practice there has ended already."));
            }
            if (i.begndate != null && enddate.isBefore(i.begndate)) {
                return Uni.createFrom().failure(new DomainException.InvalidField("enddate", "must not be before begndate " + i.begndate));
            }
            FileSnapshot before = FileSnapshot.of(p, list);
            i.enddate = enddate;
            p.updatedAt = clock.now();
            return changed(actor, PractitionerChange.Kind.INSTITUTION_ENDED, code, before, FileSnapshot.of(p, list))
                    .replaceWith(new File(p, list));
        })).call(x -> Panache.flush());
    }

    // ---------------------------------------------------------------- import

    /**
     * Applies checked register rows one by one, each in its own transaction: a row is written whole or not at all, and
     * a row refused here (outside the caller's region, changed meanwhile) leaves the others kept. A row equal to the
     * file as it stands writes nothing, so importing the same file twice changes nothing the second time.
     */
    public Uni<ImportOutcome> importRows(Caller actor, List<RegisterEntry> good, List<RowError> refused, int rows) {
        return importRows(actor, good, refused, rows, false);
    }

    /**
     * The same; with {@code onlyMissing} a row only adds what is not there yet (a file, or a person's institution) and
     * never changes what officers may have changed since (the demo seeder's mode).
     */
    public Uni<ImportOutcome> importRows(Caller actor, List<RegisterEntry> good, List<RowError> refused, int rows,
                                         boolean onlyMissing) {
        List<RowError> errors = new ArrayList<>(refused);
        int[] counts = new int[3];
        return Multi.createFrom().iterable(good)
                .onItem().transformToUniAndConcatenate(e -> Panache.withTransaction(() -> applyRow(actor, e, onlyMissing))
                        .onItem().invoke(r -> counts[r.ordinal()]++)
                        .onFailure(RowRefused.class).recoverWithItem(x -> {
                            errors.add(((RowRefused) x).error);
                            return null;
                        })
                        .onFailure(PractitionerService::isConflict).recoverWithItem(x -> {
                            errors.add(new RowError(e.row(), RegisterRows.CODE, "the file changed meanwhile; import the row again"));
                            return null;
                        }))
                .collect().last()
                .map(x -> {
                    errors.sort((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row()) : a.field().compareTo(b.field()));
                    return new ImportOutcome(rows, counts[0], counts[1], counts[2], List.copyOf(errors));
                });
    }

    private Uni<RowResult> applyRow(Caller actor, RegisterEntry e, boolean onlyMissing) {
        RegionScope scope = actor.scope();
        return Practitioner.<Practitioner>findById(e.code()).chain(p -> {
            if (p == null) {
                if (!scope.canSee(e.admdvs())) {
                    return Uni.createFrom().failure(new RowRefused(new RowError(e.row(), RegisterRows.ADMDVS,
                            "is outside your region " + actor.region())));
                }
                Practitioner created = newFile(e.code(), e.type(), e.name(), e.admdvs());
                PractitionerInstitution i = institution(e, null);
                return created.persist().chain(x -> i.persist())
                        .chain(x -> changed(actor, PractitionerChange.Kind.CREATED, e.code(), null, FileSnapshot.of(created, List.of(i))))
                        .replaceWith(RowResult.CREATED);
            }
            return institutions(e.code()).chain(list -> {
                if (!scope.canSee(e.admdvs()) && !scope.canSee(p.region)) {
                    return Uni.createFrom().failure(new RowRefused(new RowError(e.row(), RegisterRows.ADMDVS,
                            "is outside your region " + actor.region())));
                }
                PractitionerInstitution existing = list.stream().filter(x -> x.fixmedinsCode.equals(e.fixmedinsCode())).findFirst().orElse(null);
                if (onlyMissing && existing != null) {
                    return Uni.createFrom().item(RowResult.UNCHANGED);
                }
                FileSnapshot before = FileSnapshot.of(p, list);
                PersonType type = onlyMissing ? p.personType : e.type();
                String name = onlyMissing ? p.psnName : e.name();
                boolean fileChanged = p.personType != type || !p.psnName.equals(name);
                p.personType = type;
                p.psnName = name;
                List<PractitionerInstitution> now = new ArrayList<>(list);
                PractitionerInstitution i = institution(e, existing);
                if (existing == null) {
                    now.add(i);
                }
                FileSnapshot after = FileSnapshot.of(p, now);
                if (before.equals(after)) {
                    return Uni.createFrom().item(RowResult.UNCHANGED);
                }
                PractitionerChange.Kind kind = fileChanged ? PractitionerChange.Kind.UPDATED
                        : existing == null ? PractitionerChange.Kind.INSTITUTION_ADDED
                        : before.institutions().stream().anyMatch(b -> b.code().equals(e.fixmedinsCode()) && b.enddate() == null)
                          && e.enddate() != null ? PractitionerChange.Kind.INSTITUTION_ENDED
                        : PractitionerChange.Kind.INSTITUTION_CHANGED;
                p.updatedAt = clock.now();
                Uni<?> write = existing == null ? i.persist() : Uni.createFrom().item(i);
                return write.chain(x -> changed(actor, kind, e.code(), before, after)).replaceWith(RowResult.UPDATED);
            });
        });
    }

    private static PractitionerInstitution institution(RegisterEntry e, PractitionerInstitution existing) {
        PractitionerInstitution i = existing != null ? existing : new PractitionerInstitution();
        i.nationalCode = e.code();
        i.fixmedinsCode = e.fixmedinsCode();
        if (e.fixmedinsName() != null) {
            i.fixmedinsName = e.fixmedinsName();
        }
        i.admdvs = e.admdvs();
        if (e.begndate() != null) {
            i.begndate = e.begndate();
        }
        i.enddate = e.enddate();
        return i;
    }

    // ---------------------------------------------------------------- helpers

    private Practitioner newFile(String code, PersonType type, String name, String region) {
        Practitioner p = new Practitioner();
        p.nationalCode = code;
        p.personType = type;
        p.psnName = name;
        p.region = region;
        p.createdAt = clock.now();
        p.updatedAt = p.createdAt;
        return p;
    }

    private Uni<Void> changed(Caller actor, PractitionerChange.Kind kind, String code, FileSnapshot before, FileSnapshot after) {
        PractitionerChange c = new PractitionerChange();
        c.id = UUID.randomUUID();
        c.nationalCode = code;
        c.changedAt = clock.now();
        c.changedBy = actor.subject();
        c.kind = kind;
        c.before = toJson(before);
        c.after = toJson(after);
        return Panache.flush().chain(x -> c.persist())
                .chain(x -> audit.record(actor, "practitioner." + kind.name().toLowerCase().replace('_', '-'), "practitioner", code, before, after))
                .replaceWithVoid();
    }

    private String toJson(FileSnapshot s) {
        if (s == null) {
            return null;
        }
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored change's state, read back. */
    public FileSnapshot snapshot(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, FileSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uni<Practitioner> required(String code) {
        return Practitioner.<Practitioner>findById(code).onItem().ifNull().failWith(() ->
                new DomainException.RecordNotFound("No file with this prac_psn_code."));
    }

    private Uni<File> editable(Caller actor, String code) {
        return required(code).chain(p -> institutions(code).chain(list -> {
            boolean mine = actor.scope().canSee(p.region) || list.stream().anyMatch(i -> isCurrent(i) && actor.scope().canSee(i.admdvs));
            return mine ? Uni.createFrom().item(new File(p, list)) : Uni.createFrom().failure(outside(actor));
        }));
    }

    private boolean isCurrent(PractitionerInstitution i) {
        return i.enddate == null || !i.enddate.isBefore(clock.today());
    }

    private static DomainException outside(Caller actor) {
        return new DomainException.AccessDenied("Neither the file's region nor the institution's is within your region "
                + Objects.requireNonNullElse(actor.region(), "(none)") + "; files are read nationwide but changed by their regions.");
    }

    private static DomainException stale(Practitioner p) {
        return new DomainException.StateConflict("The file changed since you read it: it is at version " + p.version
                + "; read it again and repeat the change.");
    }

    private static DomainException staleNow() {
        return new DomainException.StateConflict("The file changed meanwhile; read it again and repeat the change.");
    }

    private static boolean isStale(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException || c instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConflict(Throwable t) {
        if (isStale(t)) {
            return true;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.hibernate.exception.ConstraintViolationException
                    || (c.getMessage() != null && c.getMessage().contains("duplicate key"))) {
                return true;
            }
        }
        return false;
    }

    /** A row this import may not apply; only the row is refused. */
    private static final class RowRefused extends RuntimeException {
        final RowError error;

        RowRefused(RowError error) {
            super(error.reason(), null, false, false);
            this.error = error;
        }
    }
}
