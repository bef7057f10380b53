package io.runflow;

import static io.runflow.internal.DurationChecks.nonNegative;
import static io.runflow.internal.DurationChecks.positive;

import io.runflow.model.Health;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A health check of the Runflow API ({@code GET /v1/health}) fit for a health endpoint: it never
 * throws, answers within a short timeout however slow the API is, and reuses its last answer for a
 * while so that frequent probes do not become frequent API calls. The Spring and Micronaut health
 * indicators are built on it.
 *
 * <pre>{@code
 * HealthCheck check = HealthCheck.builder(runflow).timeout(Duration.ofSeconds(2)).build();
 * HealthCheck.Result result = check.check();
 * if (!result.up()) log.warn("Runflow: {}", result.error());
 * }</pre>
 *
 * <p>Thread-safe: concurrent checks while the cached answer is stale make one API call between
 * them.
 */
public final class HealthCheck {

    private final RunflowClient client;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    private Result last;

    private HealthCheck(Builder builder) {
        this.client = builder.client;
        this.timeout = builder.timeout;
        this.cacheFor = builder.cacheFor;
        this.clock = builder.clock;
    }

    /**
     * Starts a check of a client's API.
     *
     * @param client the client whose API, key and organization are checked
     * @return a new builder
     */
    public static Builder builder(RunflowClient client) {
        return new Builder(client);
    }

    /**
     * Returns the API's health, from the cache while it is fresh.
     *
     * @return up with the answer's latency, or down with the reason; never throws
     */
    public Result check() {
        // A lock, not synchronized: the probe waits on the answer, which would pin a virtual thread on
        // JDK 21 to 23.
        lock.lock();
        try {
            Instant now = clock.instant();
            if (last != null && now.isBefore(last.checkedAt().plus(cacheFor))) {
                return last;
            }
            last = probe(now);
            return last;
        } finally {
            lock.unlock();
        }
    }

    private Result probe(Instant start) {
        long started = System.nanoTime();
        Future<Health> answer = client.healthAsync();
        try {
            Health health = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            return health.ok()
                    ? new Result(true, latency, start, null)
                    : new Result(false, latency, start, "the API reports itself not ok");
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new Result(false, timeout, start, "no answer within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, Duration.ofNanos(System.nanoTime() - started), start, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = Calls.unwrap(e);
            // SDK messages never hold the key or a secret; they name the endpoint and the status.
            return new Result(
                    false,
                    Duration.ofNanos(System.nanoTime() - started),
                    start,
                    cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    @Override
    public String toString() {
        return "HealthCheck[timeout=" + timeout + ", cacheFor=" + cacheFor + "]";
    }

    /**
     * One answer of the check.
     *
     * @param up whether the API answered ok in time
     * @param latency how long the answer took (the timeout when none came)
     * @param checkedAt when the check started
     * @param error why the API is down; {@code null} when up
     */
    public record Result(boolean up, Duration latency, Instant checkedAt, String error) {

        /** Checks the values. */
        public Result {
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }
    }

    /** Configures a {@link HealthCheck}. */
    public static final class Builder {
        private final RunflowClient client;
        private Duration timeout = Duration.ofSeconds(3);
        private Duration cacheFor = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder(RunflowClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * Sets how long a check waits for the API before reporting it down.
         *
         * @param timeout positive; default 3 s
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets how long an answer is reused.
         *
         * @param cacheFor zero (never reused) or positive; default 10 s
         * @return this builder
         */
        public Builder cacheFor(Duration cacheFor) {
            this.cacheFor = nonNegative(cacheFor, "cacheFor");
            return this;
        }

        /**
         * Sets the clock that ages cached answers, for tests.
         *
         * @param clock the clock; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the check.
         *
         * @return the check
         */
        public HealthCheck build() {
            return new HealthCheck(this);
        }
    }
}
