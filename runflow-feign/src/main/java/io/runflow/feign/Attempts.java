package io.runflow.feign;

import java.util.function.Supplier;

/**
 * Numbers the attempts of the call in progress on this thread. Feign retries on the calling thread
 * and tells its client nothing about the call, so the count lives in a thread local that {@link
 * RunflowFeign} opens around each call.
 */
final class Attempts {

    private static final ThreadLocal<int[]> CURRENT = new ThreadLocal<>();

    private Attempts() {}

    /** Runs one call, counting its attempts from 1. */
    static <T> T counting(Supplier<T> call) {
        int[] previous = CURRENT.get();
        CURRENT.set(new int[1]);
        try {
            return call.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * Returns the number of the attempt about to be made.
     *
     * @return 1 for a call's first attempt, 2 for its first retry...; 1 outside a counted call
     */
    static int next() {
        int[] count = CURRENT.get();
        return count == null ? 1 : ++count[0];
    }
}
