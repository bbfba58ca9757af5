package org.fundguard.monitoring.review;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/**
 * Reminders of staff review steps: once per case and step when its deadline is {@code monitoring.review.remind-days-before}
 * days away (DUE_SOON) and once when it has passed (OVERDUE). Runs every {@code monitoring.review.reminder-interval};
 * each run that reminds is audited as {@code system:review-reminders} in the same transaction
 * ({@link ReviewService#remind()}). Auditors read them at {@code GET …/reviews/reminders}.
 */
@ApplicationScoped
public class Reminders {

    private static final Logger LOG = Logger.getLogger(Reminders.class);

    private final ReviewService service;

    public Reminders(ReviewService service) {
        this.service = service;
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
        return service.remind();
    }
}
