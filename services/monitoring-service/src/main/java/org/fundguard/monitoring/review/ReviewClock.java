package org.fundguard.monitoring.review;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The time review deadlines are reckoned in: China Standard Time, dates inclusive. One bean, so tests can move it. */
@ApplicationScoped
public class ReviewClock {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public Clock clock() {
        return Clock.system(CHINA);
    }

    public LocalDate today() {
        return LocalDate.now(clock());
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock()).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
