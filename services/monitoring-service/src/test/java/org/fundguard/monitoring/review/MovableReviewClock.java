package org.fundguard.monitoring.review;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;

/** The review clock of the tests: the real one, moved forward when a test needs a deadline to pass. */
@Mock
@ApplicationScoped
public class MovableReviewClock extends ReviewClock {

    private static volatile Duration offset = Duration.ZERO;

    public static void moveBy(Duration d) {
        offset = offset.plus(d);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Clock clock() {
        return Clock.offset(super.clock(), offset);
    }
}
