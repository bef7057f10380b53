package io.runflow.benchmarks;

import io.runflow.PollPolicy;
import io.runflow.RunflowApi;
import io.runflow.RunflowClient;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * P4: {@code N} concurrent {@code awaitAsync} on a 4-thread scheduler against an in-memory API. Prints
 * {@code bytesPerWait=..} (used heap after full collections, waits parked an hour away, divided by N)
 * and {@code completionMillis=..} (N waits, each polled queued, running, succeeded at 5 to 20 ms
 * intervals, until all are done). Run in a fresh JVM so the heap holds nothing else.
 */
public final class PendingWaitsMain {

    private static final RunStatus[] SCRIPT = {RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.SUCCEEDED};

    private PendingWaitsMain() {}

    /**
     * Runs both measurements.
     *
     * @param args the number of waits (default 100,000)
     * @throws Exception if a wait fails
     */
    public static void main(String[] args) throws Exception {
        int waits = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.printf(Locale.ROOT, "bytesPerWait=%d%n", bytesPerPendingWait(waits));
        System.out.printf(Locale.ROOT, "completionMillis=%d%n", completionMillis(waits));
    }

    /** A {@link RunflowApi} that knows only {@code getRun}: each poll of a run moves it one step. */
    static RunflowApi inMemoryApi(Map<String, AtomicInteger> polls) {
        return (RunflowApi) Proxy.newProxyInstance(
                RunflowApi.class.getClassLoader(), new Class<?>[] {RunflowApi.class}, (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "getRun":
                            String id = (String) arguments[0];
                            int step = polls.computeIfAbsent(id, k -> new AtomicInteger())
                                    .getAndIncrement();
                            return run(id, SCRIPT[Math.min(step, SCRIPT.length - 1)]);
                        case "close":
                            return null;
                        case "toString":
                            return "InMemoryRunflowApi";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == arguments[0];
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static Run run(String id, RunStatus status) {
        return Run.builder()
                .id(id)
                .status(status)
                .statusCode(status.name().toLowerCase(Locale.ROOT))
                .targetType("model")
                .build();
    }

    static long bytesPerPendingWait(int count) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(4);
        scheduler.setRemoveOnCancelPolicy(true);
        PollPolicy parked = PollPolicy.builder()
                .initialInterval(Duration.ofHours(1))
                .maxInterval(Duration.ofHours(1))
                .timeout(Duration.ofHours(2))
                .build();
        RunflowApi api = inMemoryApi(new ConcurrentHashMap<>());
        try (RunflowClient runflow = RunflowClient.builder()
                .apiKey("k")
                .transport(options -> api)
                .scheduler(scheduler)
                .executor(scheduler)
                .pollPolicy(parked)
                .build()) {
            List<String> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ids.add(String.format(Locale.ROOT, "0190f3a2-7c1e-7b3a-9d2e-%012d", i));
            }
            List<CompletableFuture<Run>> waits = new ArrayList<>(count);
            // One wait first, so that the classes and the scheduler's worker are not counted.
            runflow.runs().awaitAsync("warm-up").cancel(false);
            long before = usedHeapAfterGc();
            for (String id : ids) {
                waits.add(runflow.runs().awaitAsync(id));
            }
            long after = usedHeapAfterGc();
            if (runflow.callbacks().pendingWaits() != count) {
                throw new IllegalStateException("expected " + count + " pending waits");
            }
            waits.forEach(wait -> wait.cancel(false));
            return (after - before) / count;
        } finally {
            scheduler.shutdownNow();
        }
    }

    static long completionMillis(int count) throws Exception {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(4);
        PollPolicy fast = PollPolicy.builder()
                .initialInterval(Duration.ofMillis(5))
                .maxInterval(Duration.ofMillis(20))
                .build();
        Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
        RunflowApi api = inMemoryApi(polls);
        try (RunflowClient runflow = RunflowClient.builder()
                .apiKey("k")
                .transport(options -> api)
                .scheduler(scheduler)
                .executor(scheduler)
                .pollPolicy(fast)
                .build()) {
            List<String> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ids.add("r" + i);
            }
            long started = System.nanoTime();
            List<CompletableFuture<Run>> waits = new ArrayList<>(count);
            for (String id : ids) {
                waits.add(runflow.runs().awaitAsync(id));
            }
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            for (CompletableFuture<Run> wait : waits) {
                if (wait.join().status() != RunStatus.SUCCEEDED) {
                    throw new IllegalStateException(
                            "a wait ended " + wait.join().status());
                }
            }
            if (scheduler.getLargestPoolSize() > 4) {
                throw new IllegalStateException("the scheduler grew to " + scheduler.getLargestPoolSize());
            }
            return took;
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
