package io.runflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    static final Instant T0 = FakeRunflowServer.DETERMINISTIC_START;

    final FakeRunflowServer server = FakeRunflowServer.builder().deterministic().build();
    final ScheduledExecutorService scheduler = server.clientScheduler();
    final CountDownLatch gate = new CountDownLatch(1);

    @AfterEach
    void stop() {
        gate.countDown();
        server.close();
    }

    /** Keeps the worker busy until the gate opens, so that the tasks after it queue up together. */
    void holdTheWorker() {
        scheduler.schedule(
                () -> {
                    gate.await(5, TimeUnit.SECONDS);
                    return null;
                },
                0,
                TimeUnit.SECONDS);
    }

    @Test
    void tasksRunInDueOrderEachAtItsOwnTime() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        holdTheWorker();
        ScheduledFuture<?> late =
                scheduler.schedule(() -> ran.add("late at " + server.clock().instant()), 180, TimeUnit.SECONDS);
        ScheduledFuture<?> soon =
                scheduler.schedule(() -> ran.add("soon at " + server.clock().instant()), 1, TimeUnit.SECONDS);
        gate.countDown();
        late.get(5, TimeUnit.SECONDS);
        soon.get(5, TimeUnit.SECONDS);

        assertThat(ran).containsExactly("soon at " + T0.plusSeconds(1), "late at " + T0.plusSeconds(180));
    }

    @Test
    void tasksDueAtTheSameTimeRunInTheOrderTheyCame() throws Exception {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        holdTheWorker();
        for (int i = 0; i < 5; i++) {
            int n = i;
            scheduler.schedule(() -> ran.add(n), 2, TimeUnit.SECONDS);
        }
        gate.countDown();
        scheduler.schedule(() -> null, 2, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);

        assertThat(ran).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void resetDropsThePollsOfThePreviousTest() throws Exception {
        holdTheWorker();
        ScheduledFuture<?> leftover = scheduler.schedule(() -> {}, 180, TimeUnit.SECONDS);
        server.reset();
        gate.countDown();
        scheduler.schedule(() -> null, 0, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);

        assertThat(leftover.isCancelled()).isTrue();
        assertThat(server.clock().instant()).isEqualTo(T0);
    }

    @Test
    void aTaskAddedWhileTheWorkerWaitsIsSeen() throws Exception {
        ScheduledFuture<Instant> first = scheduler.schedule(() -> server.clock().instant(), 0, TimeUnit.SECONDS);
        ScheduledFuture<Instant> second =
                scheduler.schedule(() -> server.clock().instant(), 3, TimeUnit.SECONDS);

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(T0);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(T0.plusSeconds(3));
    }
}
