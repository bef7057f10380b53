package io.runflow.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * P1 side by side in one fresh JVM: the three variants of {@link ClientOverheadBenchmark} (each with
 * its own fake server, client and connections) are warmed up, then run in short interleaved rounds, in
 * an order rotated each round. Per round it takes each variant's wall time and the process's CPU time
 * (client, fake server and JDK client threads alike) per create+get, and the ratios within the round.
 * Prints one {@code round=..} line per round (median call, mean call, process CPU, caller-thread
 * CPU and bytes the caller allocated per variant); {@link Main} takes the medians over rounds. Interleaving this finely
 * keeps a shared machine's changing load out of the ratios far better than one JMH fork after another.
 */
public final class ClientOverheadMain {

    private ClientOverheadMain() {}

    /**
     * Runs the rounds.
     *
     * @param args rounds, calls per variant per round, warm-up calls per variant; optionally the one
     *     variant to run ({@code sdk}, {@code tree} or {@code bare}), for a profiler
     * @throws Exception if a call fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        ClientOverheadBenchmark sdk = new ClientOverheadBenchmark();
        ClientOverheadBenchmark tree = new ClientOverheadBenchmark();
        ClientOverheadBenchmark bare = new ClientOverheadBenchmark();
        // P1c: each variant's fake in a process of its own, as a user's application meets the network.
        List<RemoteFake> remote = new ArrayList<>();
        if (Boolean.getBoolean("runflow.benchmarks.p1.remote")) {
            for (ClientOverheadBenchmark variant : List.of(sdk, tree, bare)) {
                RemoteFake fake = RemoteFake.start();
                remote.add(fake);
                variant.connect(fake.baseUrl(), fake.apiKey());
            }
        } else {
            sdk.start();
            tree.start();
            bare.start();
        }
        try {
            List<Variant> variants = new ArrayList<>(List.of(
                    new Variant("sdk", sdk::runflowClient),
                    new Variant("tree", tree::handRolledJackson),
                    new Variant("bare", bare::bareHttpClient)));
            if (args.length > 3) {
                Variant only = variants.stream()
                        .filter(variant -> variant.name.equals(args[3]))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no variant " + args[3]));
                variants.replaceAll(variant -> only);
            }
            // Warm-up interleaved in small slices, so the JIT sees every variant before any is timed.
            for (int slice = 0; slice < 10; slice++) {
                for (Variant variant : variants) {
                    variant.run(Math.max(1, warmup / 10));
                }
            }
            for (int round = 0; round < rounds; round++) {
                List<Variant> order = new ArrayList<>(variants);
                Collections.rotate(order, -(round % order.size()));
                for (Variant variant : order) {
                    variant.time(calls);
                }
                StringBuilder line = new StringBuilder("round=").append(round);
                for (Variant variant : variants) {
                    line.append(String.format(
                            Locale.ROOT,
                            " %s=%.1f %sMean=%.1f %sCpu=%.1f %sCaller=%.1f %sAlloc=%.0f",
                            variant.name,
                            variant.medianMicros,
                            variant.name,
                            variant.wallMicros,
                            variant.name,
                            variant.cpuMicros,
                            variant.name,
                            variant.callerCpuMicros,
                            variant.name,
                            variant.callerBytes));
                }
                System.out.println(line);
            }
        } finally {
            sdk.stop();
            tree.stop();
            bare.stop();
            remote.forEach(RemoteFake::close);
        }
    }

    /**
     * One variant and its last round's figures, in microseconds per create+get: the median call
     * (robust to a stall of the shared machine landing in one call), the mean, the process's CPU
     * time and the calling thread's own CPU time.
     */
    private static final class Variant {
        final String name;
        final Callable<?> call;
        double medianMicros;
        double wallMicros;
        double cpuMicros;
        double callerCpuMicros;
        double callerBytes;
        long[] nanos = new long[0];

        Variant(String name, Callable<?> call) {
            this.name = name;
            this.call = call;
        }

        void run(int count) throws Exception {
            for (int i = 0; i < count; i++) {
                if (call.call() == null) {
                    throw new IllegalStateException(name + " returned nothing");
                }
            }
        }

        void time(int count) throws Exception {
            if (nanos.length != count) {
                nanos = new long[count];
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = processCpuNanos();
            long caller = threads.getCurrentThreadCpuTime();
            long allocated = allocatedBytes();
            long wall = System.nanoTime();
            long last = wall;
            for (int i = 0; i < count; i++) {
                if (call.call() == null) {
                    throw new IllegalStateException(name + " returned nothing");
                }
                long now = System.nanoTime();
                nanos[i] = now - last;
                last = now;
            }
            wallMicros = (last - wall) / 1e3 / count;
            callerBytes = (allocatedBytes() - allocated) / (double) count;
            callerCpuMicros = (threads.getCurrentThreadCpuTime() - caller) / 1e3 / count;
            cpuMicros = (processCpuNanos() - cpu) / 1e3 / count;
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            medianMicros = sorted[count / 2] / 1e3;
        }
    }

    /** Bytes the calling thread has allocated so far: the figure load does not move. */
    static long allocatedBytes() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads instanceof com.sun.management.ThreadMXBean) {
            return ((com.sun.management.ThreadMXBean) threads).getCurrentThreadAllocatedBytes();
        }
        throw new IllegalStateException("no allocation counter in this JVM");
    }

    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        throw new IllegalStateException("no process CPU time in this JVM");
    }
}
