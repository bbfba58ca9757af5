package org.fundguard.monitoring.replica;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.monitoring.engine.BarPeriod;
import org.fundguard.monitoring.engine.QualificationReplica;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's {@link QualificationReplica} over the {@code qualification_bar} table: an immutable map swapped whole
 * (reads never lock), reloaded after each applied event and periodically (to see events another replica applied).
 */
@ApplicationScoped
public class QualificationCache implements QualificationReplica {

    private static final BarPeriod[] NONE = new BarPeriod[0];

    private volatile Map<String, BarPeriod[]> periods = Map.of();

    @Override
    public BarPeriod barredOn(String practitionerCode, LocalDate date) {
        BarPeriod[] p = periods.getOrDefault(practitionerCode, NONE);
        for (BarPeriod b : p) {
            if (b.covers(date)) {
                return b;
            }
        }
        return null;
    }

    /** Reads the whole table and swaps the map; emits the number of periods. */
    public Uni<Integer> reload() {
        return Panache.withSession(() -> QualificationBar.<QualificationBar>listAll()).map(rows -> {
            periods = index(rows);
            return rows.size();
        });
    }

    static Map<String, BarPeriod[]> index(List<QualificationBar> rows) {
        Map<String, List<BarPeriod>> grouped = new HashMap<>();
        for (QualificationBar r : rows) {
            grouped.computeIfAbsent(r.practitionerCode, k -> new java.util.ArrayList<>()).add(new BarPeriod(r.practitionerCode,
                    BarPeriod.Status.valueOf(r.status), r.fromDate, r.toDate, r.decisionId == null ? null : r.decisionId.toString()));
        }
        Map<String, BarPeriod[]> m = new HashMap<>(grouped.size() * 2);
        grouped.forEach((k, v) -> m.put(k, v.toArray(NONE)));
        return Map.copyOf(m);
    }
}
