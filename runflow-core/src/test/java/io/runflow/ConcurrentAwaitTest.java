package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many waits at once share a small scheduler, because no wait holds a thread between polls. */
class ConcurrentAwaitTest {

    private static final int WAITS = 10_000;

    @Test
    void tenThousandWaitsCompleteOnASchedulerOfFourThreads() throws Exception {
        InMemoryRunflowApi api = new InMemoryRunflowApi();
        for (int i = 0; i < WAITS; i++) {
            api.script("r" + i, RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.SUCCEEDED);
        }
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(4);
        PollPolicy fast = PollPolicy.builder()
                .initialInterval(Duration.ofMillis(5))
                .maxInterval(Duration.ofMillis(20))
                .build();
        try (RunflowClient runflow = RunflowClient.builder()
                .apiKey("k")
                .transport(options -> api)
                .scheduler(scheduler)
                .executor(scheduler)
                .pollPolicy(fast)
                .build()) {
            List<CompletableFuture<Run>> waits = new ArrayList<>(WAITS);
            for (int i = 0; i < WAITS; i++) {
                waits.add(runflow.runs().awaitAsync("r" + i));
            }

            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertThat(waits)
                    .allSatisfy(wait -> assertThat(wait.join().status()).isEqualTo(RunStatus.SUCCEEDED));
            assertThat(scheduler.getLargestPoolSize()).isLessThanOrEqualTo(4);
            // A wait leaves the registry in a completion stage of its own future, which may run just
            // after the stage that completes allOf(..): give that last removal a moment.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (runflow.callbacks().pendingWaits() != 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(runflow.callbacks().pendingWaits()).isZero();
        } finally {
            scheduler.shutdownNow();
        }
    }

    /**
     * A pending wait holds a few hundred bytes of heap, not a thread: 10,000 waits are parked (their
     * first poll an hour away) and the used heap is compared after full collections, against a
     * generous bound that states an order of magnitude. The figure itself is benchmark P4's
     * ({@code runflow-benchmarks}).
     */
    @Test
    void aPendingWaitCostsAFewHundredBytesOfHeap() {
        InMemoryRunflowApi api = new InMemoryRunflowApi();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        scheduler.setRemoveOnCancelPolicy(true);
        PollPolicy parked = PollPolicy.builder()
                .initialInterval(Duration.ofHours(1))
                .maxInterval(Duration.ofHours(1))
                .timeout(Duration.ofHours(2))
                .build();
        try (RunflowClient runflow = RunflowClient.builder()
                .apiKey("k")
                .transport(options -> api)
                .scheduler(scheduler)
                .executor(scheduler)
                .pollPolicy(parked)
                .build()) {
            List<String> ids = new ArrayList<>(WAITS);
            for (int i = 0; i < WAITS; i++) {
                ids.add("0190f3a2-7c1e-7b3a-9d2e-" + String.format("%012d", i));
            }
            long before = usedHeapAfterGc();
            List<CompletableFuture<Run>> waits = new ArrayList<>(WAITS);
            for (String id : ids) {
                waits.add(runflow.runs().awaitAsync(id));
            }
            long after = usedHeapAfterGc();
            long perWait = (after - before) / WAITS;

            assertThat(runflow.callbacks().pendingWaits()).isEqualTo(WAITS);
            assertThat(perWait).isBetween(1L, 4096L);
            waits.forEach(wait -> wait.cancel(false));
            assertThat(runflow.callbacks().pendingWaits()).isZero();
            assertThat(scheduler.getQueue()).isEmpty();
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
