package io.runflow;

import static io.runflow.internal.DurationChecks.nonNegative;

import io.runflow.errors.RateLimitException;
import io.runflow.errors.RunflowApiException;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a failed request is tried again, and after how long. One policy, used by every transport.
 *
 * <p>Never retried: any 4xx other than 429. Always worth a retry: HTTP 429 (the request was refused,
 * not applied) and an I/O failure before the request left the client ({@link
 * RunflowIoException#mayHaveReachedServer()} false: connection refused, connect timeout). The other
 * failures are <em>ambiguous</em> ({@link #isAmbiguous}): HTTP 5xx and I/O failures after the request
 * was sent (read timeout, connection reset or dropped, EOF) leave open whether Runflow applied it.
 * Those are retried only when repeating the call is {@link Replay#SAFE}: reads, {@code PATCH}, run
 * create (one {@code Idempotency-Key} across all of its attempts, so a retry never makes a second
 * billed run) and the admin cancellation (idempotent on terminal runs). For an {@link Replay#UNSAFE}
 * call (creating a callback secret, redelivering a callback) the transport throws the ambiguous
 * failure at once, its message ending {@code "; not retried: the request may have been applied, check
 * before repeating it"}.
 *
 * <table>
 *   <caption>Retried?</caption>
 *   <tr><th>failure</th><th>{@code SAFE}</th><th>{@code UNSAFE}</th></tr>
 *   <tr><td>429</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>I/O, never sent</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>5xx</td><td>yes</td><td>no</td></tr>
 *   <tr><td>I/O, may have reached the server</td><td>yes</td><td>no</td></tr>
 *   <tr><td>other 4xx, decoding failures</td><td>no</td><td>no</td></tr>
 * </table>
 *
 * <p>The delay before retry {@code n} (1 for the first retry) is {@code min(maxDelay, initialDelay ×
 * 2^(n-1))} plus a jitter uniformly drawn from {@code [0, maxJitter)}. A {@code Retry-After} sent with
 * a 429 replaces that delay, capped at {@code maxRetryAfter}. Defaults: 5 attempts in all, 1 s
 * doubling, cap 32 s, jitter up to 1 s, {@code Retry-After} capped at 60 s.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).build();
 * }</pre>
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration maxJitter;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialDelay = builder.initialDelay;
        this.maxDelay = builder.maxDelay;
        this.maxJitter = builder.maxJitter;
        this.maxRetryAfter = builder.maxRetryAfter;
        this.random = builder.random;
    }

    /**
     * Returns the default policy: 5 attempts, 1 s doubling to 32 s, jitter up to 1 s.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a policy that never retries.
     *
     * @return a one-attempt policy
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Starts a policy from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether a call may be sent again after an ambiguous failure without being applied twice. A
     * transport knows it per endpoint and passes it to {@link #delayBeforeRetry(int, RunflowException,
     * Replay)}.
     */
    public enum Replay {
        /**
         * Repeating the call cannot apply it twice: {@code GET}, {@code PATCH}, and the {@code POST}s
         * the contract makes idempotent (run create, which carries an {@code Idempotency-Key}; the
         * admin cancellation, idempotent on terminal runs). Every retryable failure is retried.
         */
        SAFE,
        /**
         * Repeating the call could apply it twice ({@code POST /v1/callback-secrets}, {@code POST
         * /v1/runs/{id}/callback-redeliveries}): only failures that provably did not apply it (429,
         * I/O before the request left the client) are retried, never an {@linkplain #isAmbiguous
         * ambiguous} one.
         */
        UNSAFE
    }

    /**
     * Tells whether a failure is worth another attempt of a {@link Replay#SAFE} call, regardless of how
     * many were made.
     *
     * @param failure the failure
     * @return true for 429, 5xx and I/O failures
     */
    public static boolean isRetryable(RunflowException failure) {
        return isRetryable(failure, Replay.SAFE);
    }

    /**
     * Tells whether a failure is worth another attempt, regardless of how many were made.
     *
     * @param failure the failure
     * @param replay whether the call is safe to repeat after an ambiguous failure
     * @return for {@code SAFE}: true for 429, 5xx and I/O failures; for {@code UNSAFE}: true for 429
     *     and for I/O failures whose request never reached the server
     */
    public static boolean isRetryable(RunflowException failure, Replay replay) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(replay, "replay");
        if (isAmbiguous(failure)) {
            return replay == Replay.SAFE;
        }
        if (failure instanceof RunflowIoException) {
            return true;
        }
        return failure instanceof RunflowApiException && ((RunflowApiException) failure).status() == 429;
    }

    /**
     * Tells whether a failure leaves open if the server applied the request: HTTP 5xx, or an I/O
     * failure after which the request {@linkplain RunflowIoException#mayHaveReachedServer() may have
     * reached the server}. A 429, any other answered status and an I/O failure before sending are not
     * ambiguous.
     *
     * @param failure the failure
     * @return true if repeating the request could apply it a second time
     */
    public static boolean isAmbiguous(RunflowException failure) {
        Objects.requireNonNull(failure, "failure");
        if (failure instanceof RunflowIoException) {
            return ((RunflowIoException) failure).mayHaveReachedServer();
        }
        if (failure instanceof RunflowApiException) {
            int status = ((RunflowApiException) failure).status();
            return status >= 500 && status <= 599;
        }
        return false;
    }

    /**
     * Returns what a transport throws once it stops retrying a call. For an {@linkplain
     * #isAmbiguous ambiguous} failure (5xx, or an I/O failure after the request may have been sent)
     * of an {@link Replay#UNSAFE} call: an exception of the same type (so {@code catch} blocks still
     * apply) whose message ends {@code "; not retried: the request may have been applied, check
     * before repeating it"}, with the endpoint in front. Otherwise {@code failure} itself.
     *
     * @param failure the call's last failure
     * @param replay whether the call was safe to repeat
     * @param endpoint the endpoint template, for example {@code POST /v1/callback-secrets}; never a
     *     full URL
     * @return the exception to throw
     */
    public static RunflowException finalFailure(RunflowException failure, Replay replay, String endpoint) {
        return NotRetried.exception(failure, replay, endpoint);
    }

    /**
     * Decides whether to try again after a failed attempt of a {@link Replay#SAFE} call, and after how
     * long. The same as {@code delayBeforeRetry(failedAttempts, failure, Replay.SAFE)}.
     *
     * @param failedAttempts how many attempts have failed so far, 1 or more
     * @param failure the last failure
     * @return the delay before the next attempt, or empty to give up and throw {@code failure}
     */
    public Optional<Duration> delayBeforeRetry(int failedAttempts, RunflowException failure) {
        return delayBeforeRetry(failedAttempts, failure, Replay.SAFE);
    }

    /**
     * Decides whether to try again after a failed attempt, and after how long.
     *
     * @param failedAttempts how many attempts have failed so far, 1 or more
     * @param failure the last failure
     * @param replay whether the call is safe to repeat after an ambiguous failure
     * @return the delay before the next attempt, or empty to give up and throw {@code failure}
     */
    public Optional<Duration> delayBeforeRetry(int failedAttempts, RunflowException failure, Replay replay) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, got " + failedAttempts);
        }
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(replay, "replay");
        if (failedAttempts >= maxAttempts || !isRetryable(failure, replay)) {
            return Optional.empty();
        }
        if (failure instanceof RateLimitException) {
            Optional<Duration> retryAfter = ((RateLimitException) failure).retryAfter();
            if (retryAfter.isPresent()) {
                Duration asked = retryAfter.get();
                return Optional.of(asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked);
            }
        }
        return Optional.of(backoff(failedAttempts).plus(jitter()));
    }

    private Duration backoff(int retry) {
        // Shift at most 30 places: beyond that the cap has long been reached, and longs would overflow.
        long factor = 1L << Math.min(retry - 1, 30);
        long millis = saturatedMultiply(initialDelay.toMillis(), factor);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }

    private Duration jitter() {
        double draw = random.getAsDouble();
        if (!(draw >= 0.0 && draw < 1.0)) {
            throw new IllegalStateException("random source must return values in [0, 1), got " + draw);
        }
        return Duration.ofNanos((long) (maxJitter.toNanos() * draw));
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }

    /**
     * Returns the most attempts a call makes, the first included.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Returns the delay before the first retry, before jitter.
     *
     * @return the initial delay
     */
    public Duration initialDelay() {
        return initialDelay;
    }

    /**
     * Returns the largest delay before jitter.
     *
     * @return the cap
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * Returns the upper bound (exclusive) of the jitter added to each delay.
     *
     * @return the jitter bound
     */
    public Duration maxJitter() {
        return maxJitter;
    }

    /**
     * Returns the largest {@code Retry-After} honoured.
     *
     * @return the cap
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", maxJitter=" + maxJitter + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofSeconds(32);
        private Duration maxJitter = Duration.ofSeconds(1);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {}

        /**
         * Sets how many attempts a call makes in all.
         *
         * @param maxAttempts 1 (no retry) or more; default 5
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the delay before the first retry; it doubles for each further retry.
         *
         * @param initialDelay zero or positive; default 1 s
         * @return this builder
         */
        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = nonNegative(initialDelay, "initialDelay");
            return this;
        }

        /**
         * Sets the largest delay, before jitter.
         *
         * @param maxDelay zero or positive; default 32 s
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = nonNegative(maxDelay, "maxDelay");
            return this;
        }

        /**
         * Sets the bound of the random jitter added to each backoff delay.
         *
         * @param maxJitter zero (no jitter) or positive; default 1 s
         * @return this builder
         */
        public Builder maxJitter(Duration maxJitter) {
            this.maxJitter = nonNegative(maxJitter, "maxJitter");
            return this;
        }

        /**
         * Sets the largest {@code Retry-After} honoured; longer requests are cut to it.
         *
         * @param maxRetryAfter zero or positive; default 60 s
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * Sets the random source of the jitter, for tests that need exact delays.
         *
         * @param random returns values in {@code [0, 1)}; default {@link ThreadLocalRandom}
         * @return this builder
         */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the immutable policy
         * @throws IllegalStateException if {@code initialDelay} exceeds {@code maxDelay}
         */
        public RetryPolicy build() {
            if (initialDelay.compareTo(maxDelay) > 0) {
                throw new IllegalStateException(
                        "initialDelay " + initialDelay + " must not exceed maxDelay " + maxDelay);
            }
            return new RetryPolicy(this);
        }
    }
}
