package org.fundguard.report;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.security.RegionScope;

import java.util.UUID;

/** Report queries, always within a region scope. */
@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    public PanacheQuery<Report> inScope(RegionScope scope) {
        return find("region like ?1", Sort.descending("receivedAt").and("id"), scope.likePattern());
    }
}
