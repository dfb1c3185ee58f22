package org.policyadvisor.records;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address for look-ups by reference: a desk opens a few references a minute, while
 * someone guessing references needs billions of tries. {@link #tryTake} answers how long to wait when empty.
 */
final class LookupLimiter {

    /** A burst of {@code capacity} look-ups, then one more every {@code refill}. */
    record Limits(int capacity, Duration refill) {
        static final Limits DEFAULT = new Limits(30, Duration.ofSeconds(2));
    }

    private static final int MAX_CLIENTS = 10_000;

    private final Limits limits;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    LookupLimiter(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Zero when the look-up may go ahead, else how long until the next token. */
    Duration tryTake(String client) {
        long now = clock.millis();
        if (buckets.size() > MAX_CLIENTS) buckets.values().removeIf(b -> b.fullAt(now, limits));
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(limits.capacity(), now));
        synchronized (bucket) {
            bucket.refill(now, limits);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofMillis((long) Math.ceil((1 - bucket.tokens) * limits.refill().toMillis()));
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        void refill(long now, Limits limits) {
            tokens = Math.min(limits.capacity(), tokens + (double) (now - at) / limits.refill().toMillis());
            at = now;
        }

        synchronized boolean fullAt(long now, Limits limits) {
            return tokens + (double) (now - at) / limits.refill().toMillis() >= limits.capacity();
        }
    }
}
