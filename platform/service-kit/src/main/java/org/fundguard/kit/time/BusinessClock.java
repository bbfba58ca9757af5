package org.fundguard.kit.time;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The suite's business time: China Standard Time (Asia/Shanghai, +08:00 all year). Every "today" (a deadline's start,
 * a claim window, a day's statistics) and every "now" comes from here, never from the JVM's default zone or a
 * hard-coded {@code ZoneOffset.ofHours(8)}. Tests move it with {@link #set(Clock)} and put it back with {@link #reset()};
 * both refuse outside {@code LaunchMode.TEST}. Plain JUnit tests without CDI use {@link #fixed(Instant)}.
 */
@ApplicationScoped
public class BusinessClock {

    /** China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Clock SYSTEM = Clock.system(ZONE);

    private final boolean movableAnywhere;
    private volatile Clock clock;

    /** The bean: the system clock in China Standard Time. */
    public BusinessClock() {
        this(SYSTEM, false);
    }

    private BusinessClock(Clock clock, boolean movableAnywhere) {
        this.clock = clock;
        this.movableAnywhere = movableAnywhere;
    }

    /** A clock standing still at {@code instant}, for plain unit tests; it can be {@link #set} anywhere. */
    public static BusinessClock fixed(Instant instant) {
        return new BusinessClock(Clock.fixed(Objects.requireNonNull(instant, "instant"), ZONE), true);
    }

    /** Today's date in China. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Now, with offset +08:00. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public Instant instant() {
        return clock.instant();
    }

    /** Now as wall-clock time in China, without an offset. */
    public LocalDateTime localNow() {
        return LocalDateTime.now(clock);
    }

    /** The underlying clock, zone Asia/Shanghai, for APIs that take a {@link Clock}. */
    public Clock clock() {
        return clock;
    }

    /**
     * Moves business time (tests only), e.g. {@code set(Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZONE))}.
     * The clock is used in {@link #ZONE} whatever zone it was given.
     *
     * @throws IllegalStateException outside {@code LaunchMode.TEST}
     */
    public void set(Clock clock) {
        requireMovable(LaunchMode.current());
        this.clock = Objects.requireNonNull(clock, "clock").withZone(ZONE);
    }

    /** Back to the system clock (tests only). */
    public void reset() {
        requireMovable(LaunchMode.current());
        this.clock = SYSTEM;
    }

    void requireMovable(LaunchMode mode) {
        if (!movableAnywhere && mode != LaunchMode.TEST) {
            throw new IllegalStateException("the business clock can only be moved in tests (launch mode " + mode + ")");
        }
    }
}
