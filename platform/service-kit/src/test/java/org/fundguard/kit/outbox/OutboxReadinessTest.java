package org.fundguard.kit.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxReadinessTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration MAX_LAG = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofSeconds(1);

    private static OffsetDateTime ago(int seconds) {
        return NOW.minusSeconds(seconds).atOffset(ZoneOffset.UTC);
    }

    @Test
    void readyWhenKafkaIsReachedAndNothingWaitsLong() {
        assertThat(OutboxReadiness.problems(null, null, NOW.minusSeconds(1), NOW, MAX_LAG, POLL)).isEmpty();
        assertThat(OutboxReadiness.problems(null, ago(5), NOW.minusSeconds(1), NOW, MAX_LAG, POLL)).isEmpty();
    }

    @Test
    void notReadyWhileKafkaIsUnreachableEvenWithNothingToSend() {
        assertThat(OutboxReadiness.problems("TimeoutException: …", null, NOW, NOW, MAX_LAG, POLL))
                .containsExactly("Kafka unreachable");
    }

    @Test
    void notReadyWhenAnEventWaitsLongerThanTheMaxLag() {
        assertThat(OutboxReadiness.problems(null, ago(31), NOW, NOW, MAX_LAG, POLL))
                .containsExactly("an event waits longer than PT30S");
    }

    @Test
    void notReadyWhenTheRelayStalled() {
        assertThat(OutboxReadiness.problems(null, null, NOW.minusSeconds(32), NOW, MAX_LAG, POLL))
                .containsExactly("no relay pass finished for longer than PT31S");
    }
}
