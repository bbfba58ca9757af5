package org.fundguard.kit.time;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

class BusinessClockTest {

    // 16:30 UTC on 1 December is already 00:30 on 2 December in China
    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-12-01T16:30:00Z");

    @Test
    void todayIsTheDateInChinaNotInUtc() {
        BusinessClock clock = BusinessClock.fixed(LATE_EVENING_UTC);

        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(clock.localNow()).isEqualTo(LocalDateTime.of(2026, 12, 2, 0, 30));
        assertThat(clock.now().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(clock.now().toInstant()).isEqualTo(LATE_EVENING_UTC);
        assertThat(clock.instant()).isEqualTo(LATE_EVENING_UTC);
        assertThat(clock.clock().getZone()).isEqualTo(BusinessClock.ZONE);
    }

    @Test
    void aClockSetInAnotherZoneIsStillReadInChina() {
        BusinessClock clock = BusinessClock.fixed(Instant.EPOCH);
        clock.set(Clock.fixed(LATE_EVENING_UTC, ZoneOffset.UTC));

        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void theBeanCanBeMovedOnlyInTests() {
        BusinessClock bean = new BusinessClock();

        assertThatThrownBy(() -> bean.requireMovable(LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only be moved in tests");
        assertThatThrownBy(() -> bean.requireMovable(LaunchMode.DEVELOPMENT)).isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> bean.requireMovable(LaunchMode.TEST)).doesNotThrowAnyException();
    }

    @Test
    void theSystemClockRunsInChinaStandardTime() {
        BusinessClock bean = new BusinessClock();

        assertThat(bean.now().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(bean.instant()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
    }
}
