package org.fundguard.report;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.outbox.Outbox;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.RegionScope;
import org.fundguard.report.event.ReportReceived;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Report handling: every change with its event and audit entry in one transaction, every read within the caller's region. */
@ApplicationScoped
public class ReportService {

    /** A page of reports and the total count. */
    public record Page(List<Report> items, long total) {
    }

    /** What staff record for a phone, letter or visit report. */
    public record Intake(Channel channel, String region, String institutionCode, String institutionName, String conduct,
                         LocalDate occurredOn) {
    }

    private final ReportRepository reports;
    private final Outbox outbox;
    private final AuditLog audit;

    public ReportService(ReportRepository reports, Outbox outbox, AuditLog audit) {
        this.reports = reports;
        this.outbox = outbox;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Report> intake(Caller staff, Intake in) {
        if (!staff.scope().canSee(in.region())) {
            return Uni.createFrom().failure(new DomainException.AccessDenied(
                    "Region " + in.region() + " is outside your region " + staff.region() + "."));
        }
        Report r = new Report();
        r.id = UUID.randomUUID();
        r.region = in.region();
        r.channel = in.channel();
        r.status = ReportStatus.RECEIVED;
        r.institutionCode = in.institutionCode();
        r.institutionName = in.institutionName();
        r.conduct = in.conduct();
        r.occurredOn = in.occurredOn();
        r.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.receivedBy = staff.subject();
        return reports.persist(r)
                .call(x -> outbox.append("report.received.v1", r.id.toString(),
                        new ReportReceived(r.id.toString(), r.region, r.channel.name(), r.institutionCode, r.receivedAt)))
                .call(x -> audit.record(staff, "report.received", "report", r.id.toString(), null,
                        Map.of("region", r.region, "channel", r.channel.name(), "status", r.status.name())));
    }

    @WithSession
    public Uni<Page> list(RegionScope scope, int page, int size) {
        var q = reports.inScope(scope);
        return q.page(page, size).list().chain(items -> q.count().map(total -> new Page(items, total)));
    }

    /** A report the caller may see; another region's report is "not found", so its existence is not disclosed. */
    @WithSession
    public Uni<Report> get(UUID id, RegionScope scope) {
        return reports.findById(id).map(r -> {
            if (r == null || !scope.canSee(r.region)) {
                throw new DomainException.RecordNotFound("No report " + id + ".");
            }
            return r;
        });
    }

    @WithSession
    public Uni<Long> count() {
        return reports.count();
    }
}
