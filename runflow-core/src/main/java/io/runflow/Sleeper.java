package io.runflow;

import java.time.Duration;

/**
 * Waits between retry attempts. Injected so tests record the delays instead of sleeping.
 *
 * <pre>{@code
 * List<Duration> slept = new ArrayList<>();
 * RunflowClient.builder().sleeper(slept::add)...
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Blocks the calling thread.
     *
     * @param duration how long; zero or positive
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Returns the sleeper that really sleeps ({@link Thread#sleep(long)}).
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}
