package org.fundguard.monitoring.review;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.security.Caller;
import org.fundguard.monitoring.MonitoringConfig;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reminders of staff review steps: once per case and step when its deadline is {@code monitoring.review.remind-days-before}
 * days away (DUE_SOON) and once when it has passed (OVERDUE). Runs every {@code monitoring.review.reminder-interval};
 * each run that reminds is audited as {@code system:review-reminders}. Auditors read them at {@code GET …/reviews/reminders}.
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);

    private final DataSource dataSource;
    private final ReviewClock clock;
    private final MonitoringConfig.Review days;
    private final AuditLog audit;

    public Reminders(DataSource dataSource, ReviewClock clock, MonitoringConfig config, AuditLog audit) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.days = config.review();
        this.audit = audit;
    }

    @Scheduled(every = "${monitoring.review.reminder-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            remind();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("review reminders failed: %s", String.valueOf(e));
        }
    }

    /** Writes the reminders now due; returns how many. Blocking. */
    public int remind() throws SQLException {
        LocalDate today = clock.today();
        List<String> created = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO review_reminder (id, case_id, status, step_due, kind, created_at) "
                        + "SELECT gen_random_uuid(), id, status, step_due, CASE WHEN step_due < ? THEN 'OVERDUE' ELSE 'DUE_SOON' END, ? "
                        + "FROM review_case WHERE status IN ('FIRST_REVIEW', 'SECOND_REVIEW', 'INVESTIGATION', 'DECISION') "
                        + "AND step_due <= ? ON CONFLICT (case_id, status, kind) DO NOTHING RETURNING case_id::text || ':' || kind")) {
            ps.setObject(1, today);
            ps.setObject(2, clock.now());
            ps.setObject(3, today.plusDays(days.remindDaysBefore()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    created.add(rs.getString(1));
                }
            }
        }
        if (!created.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("reminders", created.size());
            after.put("cases", created.subList(0, Math.min(created.size(), 50)));
            try {
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> audit.record(
                        Caller.system("review-reminders"), "review.reminded", "review-reminder", today.toString(), null, after)));
            } catch (Throwable e) {
                throw new IllegalStateException("cannot write the audit entry", e);
            }
        }
        return created.size();
    }
}
