package org.fundguard.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load: requests are sent at fixed intended times whatever the answers do, and each latency is
 * measured from its intended send time, so a stall is not hidden (no coordinated omission).
 */
public final class OpenModelLoad {

    /** What one run measured. */
    public record Result(Histogram latencyMicros, long sent, long ok, long failed, long unexpected, String firstProblem) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** A request with these headers: a GET when {@code body} is null, else a POST of {@code body} (sent unchanged each time). */
    public static HttpRequest request(String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (body == null) {
            b.GET();
        } else {
            b.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        headers.forEach(b::header);
        return b.build();
    }

    /** Sends {@code request} {@code rate} times per second for {@code duration}, expecting status {@code expect}. */
    public Result run(HttpRequest request, int rate, Duration duration, int expect) throws InterruptedException {
        Histogram h = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong unexpected = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstProblem = new java.util.concurrent.atomic.AtomicReference<>();
        long total = rate * duration.toSeconds();
        CountDownLatch done = new CountDownLatch((int) total);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + i * intervalNanos;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((resp, err) -> {
                long micros = (System.nanoTime() - intended) / 1000;
                if (err != null) {
                    failed.incrementAndGet();
                    firstProblem.compareAndSet(null, err.toString());
                } else {
                    if (resp.statusCode() == expect) {
                        ok.incrementAndGet();
                    } else {
                        unexpected.incrementAndGet();
                        firstProblem.compareAndSet(null, "status " + resp.statusCode() + ": "
                                + new String(resp.body(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    synchronized (h) {
                        h.recordValue(Math.min(micros, h.getHighestTrackableValue()));
                    }
                }
                done.countDown();
            });
        }
        done.await(30, TimeUnit.SECONDS);
        return new Result(h, total, ok.get(), failed.get(), unexpected.get(), firstProblem.get());
    }
}
