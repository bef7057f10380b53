package io.runflow.webhook;

import static io.runflow.internal.DurationChecks.positive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers recent deliveries in memory: at most {@code capacity} keys, each for {@code
 * timeToLive}. When full, the oldest key is forgotten first. Thread-safe; one lock guards the map,
 * which is cheap at webhook rates and makes "exactly one {@code true} per key" obvious.
 *
 * <pre>{@code
 * CallbackDeduplicator deduplicator = InMemoryCallbackDeduplicator.builder()
 *         .capacity(50_000)
 *         .timeToLive(Duration.ofHours(48))
 *         .build();
 * if (deduplicator.firstDelivery(callback)) {
 *     handle(callback);
 * }
 * }</pre>
 *
 * <p>Keys are held per process: behind a load balancer, give every instance a shared implementation
 * of {@link CallbackDeduplicator} instead.
 */
public final class InMemoryCallbackDeduplicator implements CallbackDeduplicator {

    private final int capacity;
    private final Duration timeToLive;
    private final Clock clock;
    /** Key to the instant it was first seen, oldest first. Guarded by {@code this}. */
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    private InMemoryCallbackDeduplicator(Builder builder) {
        this.capacity = builder.capacity;
        this.timeToLive = builder.timeToLive;
        this.clock = builder.clock;
    }

    /**
     * Starts a configuration.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a de-duplicator with the defaults: 10,000 keys for 24 hours, on the system clock.
     *
     * @return a new de-duplicator
     */
    public static InMemoryCallbackDeduplicator create() {
        return builder().build();
    }

    @Override
    public boolean firstDelivery(Callback callback) {
        String key = CallbackDeduplicator.keyOf(Objects.requireNonNull(callback, "callback"));
        synchronized (this) {
            // Read under the lock, so that keys go in in the order of their instants.
            Instant now = clock.instant();
            evictExpired(now);
            Instant firstSeen = seen.get(key);
            if (firstSeen != null && !expired(firstSeen, now)) {
                return false;
            }
            // Re-insert so that a key seen again after expiry moves to the young end.
            seen.remove(key);
            seen.put(key, now);
            if (seen.size() > capacity) {
                Iterator<String> oldest = seen.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            return true;
        }
    }

    @Override
    public void release(Callback callback) {
        String key = CallbackDeduplicator.keyOf(Objects.requireNonNull(callback, "callback"));
        synchronized (this) {
            seen.remove(key);
        }
    }

    /**
     * Returns how many keys are remembered, expired ones not yet evicted included.
     *
     * @return the number of keys
     */
    public synchronized int size() {
        return seen.size();
    }

    private void evictExpired(Instant now) {
        Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator();
        while (entries.hasNext()) {
            if (!expired(entries.next().getValue(), now)) {
                // Oldest first: once one is alive, the rest are too (unless the clock went back).
                return;
            }
            entries.remove();
        }
    }

    private boolean expired(Instant firstSeen, Instant now) {
        return !now.isBefore(firstSeen.plus(timeToLive));
    }

    @Override
    public String toString() {
        return "InMemoryCallbackDeduplicator[capacity=" + capacity + ", timeToLive=" + timeToLive + "]";
    }

    /** Builds an {@link InMemoryCallbackDeduplicator}. */
    public static final class Builder {
        private int capacity = 10_000;
        private Duration timeToLive = Duration.ofHours(24);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Sets how many keys are remembered at most; beyond it the oldest is forgotten.
         *
         * @param capacity positive; default 10,000
         * @return this builder
         */
        public Builder capacity(int capacity) {
            if (capacity <= 0) {
                throw new IllegalArgumentException("capacity must be positive, got " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /**
         * Sets how long a key is remembered after its first delivery. Make it longer than Runflow's
         * retry schedule.
         *
         * @param timeToLive positive; default 24 hours
         * @return this builder
         */
        public Builder timeToLive(Duration timeToLive) {
            this.timeToLive = positive(timeToLive, "timeToLive");
            return this;
        }

        /**
         * Sets the clock that times expiry, for tests.
         *
         * @param clock the clock; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the de-duplicator.
         *
         * @return a new, empty de-duplicator
         */
        public InMemoryCallbackDeduplicator build() {
            return new InMemoryCallbackDeduplicator(this);
        }
    }
}
