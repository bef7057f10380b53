package io.runflow.testkit.internal.fake;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Identifiers shaped like Runflow's UUIDv7 run ids. Random by default; in deterministic mode a
 * counter, so a test sees the same ids on every run ({@code 00000000-0000-7000-8000-000000000001}).
 */
final class Ids {

    private final boolean sequential;
    private final Clock clock;
    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong seeds = new AtomicLong();

    Ids(boolean sequential, Clock clock) {
        this.sequential = sequential;
        this.clock = clock;
    }

    String next() {
        if (sequential) {
            return "00000000-0000-7000-8000-" + hex(counter.incrementAndGet(), 12);
        }
        long millis = clock.millis();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0fffL);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return hex(high >>> 32, 8) + "-" + hex(high >>> 16, 4) + "-" + hex(high, 4) + "-" + hex(low >>> 48, 4) + "-"
                + hex(low, 12);
    }

    /** A generated seed when the input gave none: positive, below 2^31, like the providers'. */
    long seed() {
        if (sequential) {
            long n = seeds.incrementAndGet();
            return (n * 2_654_435_761L) % 2_147_483_647L;
        }
        return ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
    }

    /** A secret's random part: 32 lowercase hex characters. */
    String secret() {
        if (sequential) {
            return hex(0, 16) + hex(counter.incrementAndGet(), 16);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random.nextLong(), 16) + hex(random.nextLong(), 16);
    }

    /** The low {@code digits} hex digits of a value, zero-padded; cheaper than String.format at start. */
    static String hex(long value, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = Character.forDigit((int) (value & 0xf), 16);
            value >>>= 4;
        }
        return new String(out);
    }

    void reset() {
        counter.set(0);
        seeds.set(0);
    }
}
