package io.runflow.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * P2's figure that load does not move: the bytes the calling thread allocates per call of each {@link
 * WebhookBenchmark} body (the bare {@code Mac}, {@code verifySignature} alone, the full {@code verify}),
 * counted by the JVM's per-thread allocation counter over a run of calls after a warm-up.
 */
final class WebhookAllocation {

    private WebhookAllocation() {}

    /**
     * Runs each body {@code warmups} times, then {@code calls} times counting allocation.
     *
     * @return bytes per call by body name, in the order bare, signature check, full verify
     */
    static Map<String, Long> bytesPerCall(int warmups, int calls) throws Exception {
        WebhookBenchmark benchmark = new WebhookBenchmark();
        benchmark.start();
        Map<String, Supplier<Object>> bodies = new LinkedHashMap<>();
        bodies.put("bareMac", benchmark::bareMac);
        bodies.put("signatureCheck", benchmark::signatureCheck);
        bodies.put("fullVerify", benchmark::fullVerify);
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<Object>> body : bodies.entrySet()) {
            bytes.put(body.getKey(), measure(body.getValue(), warmups, calls));
        }
        return bytes;
    }

    private static long measure(Supplier<Object> body, int warmups, int calls) {
        int sink = 0;
        for (int i = 0; i < warmups; i++) {
            sink += System.identityHashCode(body.get()) & 1;
        }
        long before = allocated();
        for (int i = 0; i < calls; i++) {
            sink += System.identityHashCode(body.get()) & 1;
        }
        long after = allocated();
        if (sink < 0) {
            throw new AssertionError("unreachable");
        }
        return before < 0 ? -1 : Math.round((after - before) / (double) calls);
    }

    /** The calling thread's allocated bytes so far, or -1 where the JVM does not count them. */
    private static long allocated() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads instanceof com.sun.management.ThreadMXBean counting) {
            return counting.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }
}
