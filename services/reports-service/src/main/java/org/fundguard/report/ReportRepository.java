package org.fundguard.report;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.security.RegionScope;

import java.time.LocalDate;
import java.util.UUID;

/** Report queries, always within a region scope. */
@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    public PanacheQuery<Report> inScope(RegionScope scope) {
        return find("region like ?1", Sort.descending("receivedAt").and("id"), scope.likePattern());
    }

    /** The staff list: within the scope, narrowed by the filter; overdue = still awaiting acceptance after its due date. */
    public PanacheQuery<Report> search(RegionScope scope, ReportService.Filter f, LocalDate today) {
        StringBuilder q = new StringBuilder("region like :scope");
        Parameters p = Parameters.with("scope", scope.likePattern());
        if (f.status() != null) {
            q.append(" and status = :status");
            p.and("status", f.status());
        }
        if (f.region() != null) {
            q.append(" and region like :region");
            p.and("region", RegionScope.of(f.region()).likePattern());
        }
        if (f.assignedTo() != null) {
            q.append(" and assignedTo = :assignedTo");
            p.and("assignedTo", f.assignedTo());
        }
        if (f.overdueOnly()) {
            q.append(" and status = :received and acceptanceDue < :today");
            p.and("received", ReportStatus.RECEIVED).and("today", today);
        }
        if (f.noticeOverdue()) {
            q.append(" and notifiedAt is null and noticeDue < :today2");
            p.and("today2", today);
        }
        return find(q.toString(), Sort.descending("receivedAt").and("id"), p);
    }
}
