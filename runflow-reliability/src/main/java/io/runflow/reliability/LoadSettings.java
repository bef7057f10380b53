package io.runflow.reliability;

/**
 * The shape of one load run: how many distinct runs' callbacks, the shares of duplicates, forgeries
 * and oversized bodies on top of them (fractions of {@code callbacks}), how many concurrent senders,
 * and the seed that makes the plan the same on every run.
 */
record LoadSettings(
        int callbacks, double duplicateShare, double forgeryShare, double oversizedShare, int senders, long seed) {

    /** The full run of issue 14: 5,000 runs, 20 % duplicates, 5 % forgeries, 1 % oversized, 32 senders. */
    static LoadSettings full() {
        return new LoadSettings(5_000, 0.20, 0.05, 0.01, 32, 14L);
    }

    LoadSettings {
        if (callbacks < 1 || senders < 1) {
            throw new IllegalArgumentException("callbacks and senders must be positive");
        }
    }

    LoadSettings withCallbacks(int count) {
        return new LoadSettings(count, duplicateShare, forgeryShare, oversizedShare, senders, seed);
    }

    LoadSettings withSenders(int count) {
        return new LoadSettings(callbacks, duplicateShare, forgeryShare, oversizedShare, count, seed);
    }

    LoadSettings withSeed(long value) {
        return new LoadSettings(callbacks, duplicateShare, forgeryShare, oversizedShare, senders, value);
    }

    int duplicates() {
        return (int) Math.round(callbacks * duplicateShare);
    }

    int forgeries() {
        return Math.max(1, (int) Math.round(callbacks * forgeryShare));
    }

    int oversized() {
        return Math.max(1, (int) Math.round(callbacks * oversizedShare));
    }
}
