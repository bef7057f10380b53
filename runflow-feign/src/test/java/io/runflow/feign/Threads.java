package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which threads a test left running. {@code HttpClient} can be shut down only from JDK 21: on JDK 17
 * a closed client's selector thread ends once the client is garbage collected and its selector next
 * wakes (up to 3 s later), and its idle workers (daemons of the JDK's own pool) 60 s after their last
 * task. There, {@link #assertNoneLeftBehind} leaves those two kinds to {@link
 * #assertNoJdkSelectorLeftBehind}, which a test class calls once at its end.
 */
final class Threads {

    private static final boolean JDK_17 = Runtime.version().feature() < 21;

    private static final Predicate<Thread> JDK_CLIENT_THREAD =
            t -> t.isDaemon() && t.getName().matches("HttpClient-\\d+-(SelectorManager|Worker-\\d+)");

    private static final Predicate<Thread> JDK_SELECTOR =
            t -> t.isDaemon() && t.getName().matches("HttpClient-\\d+-SelectorManager");

    private Threads() {}

    static Set<Thread> live() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /**
     * Waits up to 5 s for every thread started since {@code before} to end (on JDK 17, but the JDK
     * client's own), then fails naming those still alive.
     */
    static void assertNoneLeftBehind(Set<Thread> before) {
        settle(before, t -> !(JDK_17 && JDK_CLIENT_THREAD.test(t)), 5_000, false);
    }

    /**
     * Asks for garbage collections, waiting up to 10 s, until no selector thread of a JDK client
     * created since {@code before} is alive: on JDK 17 the one proof that closed clients are released.
     */
    static void assertNoJdkSelectorLeftBehind(Set<Thread> before) {
        settle(before, JDK_SELECTOR, 10_000, true);
    }

    private static void settle(Set<Thread> before, Predicate<Thread> counted, long millis, boolean collect) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        Set<String> left = leftBehind(before, counted);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            if (collect) {
                System.gc();
            }
            try {
                Thread.sleep(collect ? 100 : 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = leftBehind(before, counted);
        }
        assertThat(left).as("threads left behind").isEmpty();
    }

    private static Set<String> leftBehind(Set<Thread> before, Predicate<Thread> counted) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && counted.test(t))
                .map(Thread::getName)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
