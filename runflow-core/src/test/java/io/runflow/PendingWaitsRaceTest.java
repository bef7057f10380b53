package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import java.time.Instant;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A wait that starts while the last wait on the same run ends must still be reachable by that
 * run's callback. Without the atomic add, the new wait could land in a set that the ending wait had
 * just taken out of the registry (hundreds of times in 20,000 trials).
 */
class PendingWaitsRaceTest {

    private static final int TRIALS = 20_000;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final InMemoryRunflowApi api = new InMemoryRunflowApi();

    @Test
    void aWaitAddedWhileAnotherIsRemovedIsStillReachedByTheCallback() throws Exception {
        PendingWaits pending = new PendingWaits();
        Run done = InMemoryRunflowApi.run("r", RunStatus.SUCCEEDED);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            int unreachable = 0;
            for (int i = 0; i < TRIALS; i++) {
                RunWaiter ending = waiter();
                RunWaiter starting = waiter();
                pending.add(ending);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> end = threads.submit(() -> {
                    start.await();
                    return ending.future().cancel(false); // removes it from the registry
                });
                int delay = i % 400; // sweeps the add across the removal, trial by trial
                Future<?> begin = threads.submit(() -> {
                    start.await();
                    for (int spin = 0; spin < delay; spin++) {
                        Thread.onSpinWait();
                    }
                    pending.add(starting);
                    return null;
                });
                end.get();
                begin.get();

                pending.offer(done);

                if (!starting.future().isDone()) {
                    unreachable++;
                    starting.future().cancel(false);
                }
            }
            assertThat(unreachable).as("waits the callback could not reach").isZero();
            assertThat(pending.size()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    private RunWaiter waiter() {
        return new RunWaiter(
                "r", api, PollPolicy.defaults(), clock, scheduler, Runnable::run, run -> {}, RunflowObserver.noop());
    }
}
