package org.fundguard.kit.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.fundguard.kit.time.BusinessClock;

import java.util.List;

/**
 * Readiness check {@code calendar}: always UP (a missing year makes deadlines late, it does not stop the service),
 * with data {@code warning} when the current or the next year (business time) has no holiday data, and {@code years}.
 */
@Readiness
@ApplicationScoped
public class CalendarReadiness implements HealthCheck {

    private final WorkingDayCalendar calendar;
    private final BusinessClock clock;

    public CalendarReadiness(WorkingDayCalendar calendar, BusinessClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("calendar").up()
                .withData("years", calendar.years().toString());
        List<String> missing = calendar.missing(clock.today().getYear());
        if (!missing.isEmpty()) {
            b.withData("warning", String.join("; ", missing));
        }
        return b.build();
    }
}
