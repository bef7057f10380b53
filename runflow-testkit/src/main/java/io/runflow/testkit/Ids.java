package io.runflow.testkit;

import java.time.Clock;
import java.util.Locale;
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
            return String.format(Locale.ROOT, "00000000-0000-7000-8000-%012x", counter.incrementAndGet());
        }
        long millis = clock.millis();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0fffL);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return String.format(
                Locale.ROOT,
                "%08x-%04x-%04x-%04x-%012x",
                high >>> 32,
                (high >>> 16) & 0xffff,
                high & 0xffff,
                low >>> 48,
                low & 0xffffffffffffL);
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
            return String.format(Locale.ROOT, "%032x", counter.incrementAndGet());
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format(Locale.ROOT, "%016x%016x", random.nextLong(), random.nextLong());
    }

    void reset() {
        counter.set(0);
        seeds.set(0);
    }
}
