package org.fundguard.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets keyed by route and caller (the token's client or subject, else the remote IP). A bucket holds
 * {@code burst} requests and refills at {@code perSecond}; an idle bucket is dropped after a minute.
 */
final class RateLimiter {

    /** A refusal with the seconds after which a request would be allowed again, or null when allowed. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final java.util.function.LongSupplier clock;

    RateLimiter(java.util.function.LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    Decision acquire(String key, double perSecond, int burst) {
        long now = clock.getAsLong();
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (b) {
            double elapsed = (now - b.last) / 1e9;
            b.tokens = Math.min(burst, b.tokens + elapsed * perSecond);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return new Decision(true, 0);
            }
            long wait = (long) Math.ceil((1 - b.tokens) / perSecond);
            return new Decision(false, Math.max(1, wait));
        }
    }

    /** Drops buckets idle for longer than {@code idleNanos} (they would be full again anyway). */
    void evictIdle(long idleNanos) {
        long now = clock.getAsLong();
        buckets.entrySet().removeIf(e -> now - e.getValue().last > idleNanos);
    }

    int size() {
        return buckets.size();
    }
}
