package org.fundguard.gateway;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(now::get);

    @Test
    void allowsTheBurstThenRefusesWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("k", 1, 5).allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire("k", 1, 5);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsAtTheConfiguredRate() {
        for (int i = 0; i < 2; i++) {
            limiter.acquire("k", 2, 2);
        }
        assertThat(limiter.acquire("k", 2, 2).allowed()).isFalse();
        now.addAndGet(500_000_000L);
        assertThat(limiter.acquire("k", 2, 2).allowed()).isTrue();
        assertThat(limiter.acquire("k", 2, 2).allowed()).isFalse();
    }

    @Test
    void keysAreIndependent() {
        assertThat(limiter.acquire("a", 1, 1).allowed()).isTrue();
        assertThat(limiter.acquire("a", 1, 1).allowed()).isFalse();
        assertThat(limiter.acquire("b", 1, 1).allowed()).isTrue();
    }

    @Test
    void slowRateGivesLongerRetryAfter() {
        limiter.acquire("k", 0.1, 1);
        assertThat(limiter.acquire("k", 0.1, 1).retryAfterSeconds()).isEqualTo(10);
    }

    @Test
    void idleBucketsAreEvicted() {
        limiter.acquire("k", 1, 1);
        now.addAndGet(120_000_000_000L);
        limiter.evictIdle(60_000_000_000L);
        assertThat(limiter.size()).isZero();
    }
}
