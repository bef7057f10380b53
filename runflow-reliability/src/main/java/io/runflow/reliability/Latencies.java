package io.runflow.reliability;

import java.util.List;

/** Percentiles of request times, nearest rank, in milliseconds. */
record Latencies(int count, double p50, double p90, double p99, double max) {

    static Latencies of(List<Result> results) {
        long[] nanos = results.stream().mapToLong(Result::nanos).sorted().toArray();
        if (nanos.length == 0) {
            return new Latencies(0, 0, 0, 0, 0);
        }
        return new Latencies(
                nanos.length,
                millis(rank(nanos, 0.50)),
                millis(rank(nanos, 0.90)),
                millis(rank(nanos, 0.99)),
                millis(nanos[nanos.length - 1]));
    }

    /** The smallest value with at least {@code fraction} of all values at or below it. */
    static long rank(long[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT, "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", p50, p90, p99, max);
    }
}
