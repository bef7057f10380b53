package io.runflow;

import static io.runflow.internal.DurationChecks.positive;

import io.runflow.errors.RunTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How a wait polls a run: how long it waits in all, and how long between polls.
 *
 * <p>Intervals adapt: the first poll comes after {@code initialInterval}; each poll that sees the
 * same status as the one before multiplies the interval by {@code multiplier} (so a run that sits in
 * {@code queued} is polled less and less often), up to {@code maxInterval}; a change of status
 * starts again from {@code initialInterval}. Each interval is then spread by up to ±{@code jitter}
 * of itself, so many waits started together do not poll in lockstep. Defaults: 1 s, ×1.5, cap 5 s,
 * ±10 %, timeout 5 minutes.
 *
 * <p>A wait never sleeps past its deadline: the last interval is cut short to end on it.
 */
public final class PollPolicy {

    /** The longest wait a policy allows. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(365);

    private static final PollPolicy DEFAULTS = builder().build();

    private final Duration initialInterval;
    private final Duration maxInterval;
    private final double multiplier;
    private final double jitter;
    private final Duration timeout;
    private final DoubleSupplier random;

    private PollPolicy(Builder builder) {
        this.initialInterval = builder.initialInterval;
        this.maxInterval = builder.maxInterval;
        this.multiplier = builder.multiplier;
        this.jitter = builder.jitter;
        this.timeout = builder.timeout;
        this.random = builder.random;
    }

    /**
     * Returns the default policy.
     *
     * @return 1 s, ×1.5 while unchanged, cap 5 s, ±10 % jitter, 5 minute timeout
     */
    public static PollPolicy defaults() {
        return DEFAULTS;
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
     * Returns the interval before the next poll.
     *
     * @param unchangedPolls how many polls in a row have seen the current status, not counting the
     *     first that saw it (0 right after a change, or before the first poll)
     * @return the interval, jittered, never negative
     */
    public Duration interval(int unchangedPolls) {
        if (unchangedPolls < 0) {
            throw new IllegalArgumentException("unchangedPolls must not be negative, got " + unchangedPolls);
        }
        double base = initialInterval.toNanos() * Math.pow(multiplier, unchangedPolls);
        double capped = Math.min(base, maxInterval.toNanos());
        double draw = random.getAsDouble();
        if (!(draw >= 0.0 && draw < 1.0)) {
            throw new IllegalStateException("random source must return values in [0, 1), got " + draw);
        }
        double spread = capped * jitter * (2 * draw - 1);
        return Duration.ofNanos(Math.max(0L, Math.round(capped + spread)));
    }

    /**
     * Returns the interval before the first poll of a wait.
     *
     * @return the initial interval, before jitter
     */
    public Duration initialInterval() {
        return initialInterval;
    }

    /**
     * Returns the cap on the interval, before jitter.
     *
     * @return the largest interval
     */
    public Duration maxInterval() {
        return maxInterval;
    }

    /**
     * Returns the growth factor applied while the status does not change.
     *
     * @return 1 or more
     */
    public double multiplier() {
        return multiplier;
    }

    /**
     * Returns the jitter as a fraction of each interval.
     *
     * @return from 0 to 1
     */
    public double jitter() {
        return jitter;
    }

    /**
     * Returns how long a wait lasts before it gives up with {@link RunTimeoutException}.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Returns a copy with another timeout.
     *
     * @param timeout positive
     * @return the copy
     */
    public PollPolicy withTimeout(Duration timeout) {
        Builder builder = new Builder();
        builder.initialInterval = initialInterval;
        builder.maxInterval = maxInterval;
        builder.multiplier = multiplier;
        builder.jitter = jitter;
        builder.random = random;
        return builder.timeout(timeout).build();
    }

    @Override
    public String toString() {
        return "PollPolicy[initialInterval=" + initialInterval + ", maxInterval=" + maxInterval + ", multiplier="
                + multiplier + ", jitter=" + jitter + ", timeout=" + timeout + "]";
    }

    /** Builds a {@link PollPolicy}. */
    public static final class Builder {
        private Duration initialInterval = Duration.ofSeconds(1);
        private Duration maxInterval = Duration.ofSeconds(5);
        private double multiplier = 1.5;
        private double jitter = 0.1;
        private Duration timeout = Duration.ofMinutes(5);
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {}

        /**
         * Sets the interval before the first poll, and after each change of status.
         *
         * @param initialInterval positive; default 1 s
         * @return this builder
         */
        public Builder initialInterval(Duration initialInterval) {
            this.initialInterval = positive(initialInterval, "initialInterval");
            return this;
        }

        /**
         * Sets the cap on the interval.
         *
         * @param maxInterval positive; default 5 s
         * @return this builder
         */
        public Builder maxInterval(Duration maxInterval) {
            this.maxInterval = positive(maxInterval, "maxInterval");
            return this;
        }

        /**
         * Sets the growth factor while the status does not change.
         *
         * @param multiplier 1 (constant interval) or more; default 1.5
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number >= 1, got " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Sets the jitter as a fraction of each interval.
         *
         * @param jitter 0 (none) to 1; default 0.1
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * Sets how long a wait lasts.
         *
         * @param timeout positive, at most 365 days; default 5 minutes
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            positive(timeout, "timeout");
            if (timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("timeout must be at most " + MAX_TIMEOUT.toDays() + " days, got "
                        + timeout + "; a run that long is better checked later by id");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets the random source of the jitter, for tests that need exact intervals.
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
         * @throws IllegalStateException if {@code initialInterval} exceeds {@code maxInterval}
         */
        public PollPolicy build() {
            if (initialInterval.compareTo(maxInterval) > 0) {
                throw new IllegalStateException(
                        "initialInterval " + initialInterval + " must not exceed maxInterval " + maxInterval);
            }
            return new PollPolicy(this);
        }
    }
}
