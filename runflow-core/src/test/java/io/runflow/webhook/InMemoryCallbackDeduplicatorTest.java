package io.runflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.runflow.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryCallbackDeduplicatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T10:00:00Z"));

    @Test
    void answersTrueForTheFirstDeliveryAndFalseForARepeat() {
        CallbackDeduplicator deduplicator = InMemoryCallbackDeduplicator.create();

        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isFalse();
    }

    @Test
    void takesADeliveryForTheFirstAgainOnceReleased() {
        InMemoryCallbackDeduplicator deduplicator = InMemoryCallbackDeduplicator.create();
        deduplicator.firstDelivery(run("run-1", "run.completed"));
        deduplicator.firstDelivery(run("run-2", "run.completed"));

        deduplicator.release(run("run-1", "run.completed"));

        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(run("run-2", "run.completed"))).isFalse();
    }

    @Test
    void releasingADeliveryItDoesNotRememberChangesNothing() {
        InMemoryCallbackDeduplicator deduplicator = InMemoryCallbackDeduplicator.create();
        deduplicator.firstDelivery(run("run-1", "run.completed"));

        deduplicator.release(run("run-9", "run.completed"));

        assertThat(deduplicator.size()).isEqualTo(1);
        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isFalse();
    }

    @Test
    void tellsRunsEventsAndBatchesApart() {
        CallbackDeduplicator deduplicator = InMemoryCallbackDeduplicator.create();

        assertThat(deduplicator.firstDelivery(run("x-1", "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(run("x-2", "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(run("x-1", "run.failed"))).isTrue();
        assertThat(deduplicator.firstDelivery(batch("x-1", "run.completed"))).isTrue();
        assertThat(CallbackDeduplicator.keyOf(run("x-1", "run.completed"))).isEqualTo("run:x-1:run.completed");
        assertThat(CallbackDeduplicator.keyOf(batch("x-1", "batch.succeeded"))).isEqualTo("batch:x-1:batch.succeeded");
    }

    @Test
    void remembersAKeyUntilJustBeforeItsTimeToLiveEnds() {
        InMemoryCallbackDeduplicator deduplicator = deduplicator(10, Duration.ofHours(1));
        deduplicator.firstDelivery(run("run-1", "run.completed"));

        clock.advance(Duration.ofHours(1).minusNanos(1));

        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isFalse();
    }

    @Test
    void forgetsAKeyOnceItsTimeToLiveHasPassed() {
        InMemoryCallbackDeduplicator deduplicator = deduplicator(10, Duration.ofHours(1));
        deduplicator.firstDelivery(run("run-1", "run.completed"));

        clock.advance(Duration.ofHours(1));

        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isFalse();
        assertThat(deduplicator.size()).isEqualTo(1);
    }

    @Test
    void evictsTheOldestKeyWhenFull() {
        InMemoryCallbackDeduplicator deduplicator = deduplicator(3, Duration.ofHours(1));
        for (String id : List.of("run-1", "run-2", "run-3", "run-4")) {
            clock.advance(Duration.ofSeconds(1));
            deduplicator.firstDelivery(run(id, "run.completed"));
        }

        assertThat(deduplicator.size()).isEqualTo(3);
        assertThat(deduplicator.firstDelivery(run("run-4", "run.completed"))).isFalse();
        assertThat(deduplicator.firstDelivery(run("run-2", "run.completed"))).isFalse();
        // run-1 was evicted to make room for run-4, so it counts as new (and now evicts run-2).
        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isTrue();
        assertThat(deduplicator.firstDelivery(run("run-2", "run.completed"))).isTrue();
    }

    @Test
    void answersTrueExactlyOnceWhenEightThreadsDeliverTheSameCallback() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                CallbackDeduplicator deduplicator = InMemoryCallbackDeduplicator.create();
                Callback callback = run("run-" + round, "run.completed");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> answers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    answers.add(threads.submit(() -> {
                        start.await();
                        return deduplicator.firstDelivery(callback);
                    }));
                }
                start.countDown();
                int firsts = 0;
                for (Future<Boolean> answer : answers) {
                    firsts += answer.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(firsts).as("round %d", round).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void rejectsANonPositiveCapacityAndTimeToLive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InMemoryCallbackDeduplicator.builder().capacity(0))
                .withMessage("capacity must be positive, got 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InMemoryCallbackDeduplicator.builder().timeToLive(Duration.ZERO))
                .withMessage("timeToLive must be positive, got PT0S");
    }

    @Test
    void describesItsLimits() {
        assertThat(InMemoryCallbackDeduplicator.create())
                .hasToString("InMemoryCallbackDeduplicator[capacity=10000, timeToLive=PT24H]");
    }

    @Test
    void forgetsExpiredKeysOfOtherDeliveriesAndOnlyThose() {
        InMemoryCallbackDeduplicator deduplicator = deduplicator(10, Duration.ofHours(1));
        deduplicator.firstDelivery(run("run-1", "run.completed"));
        deduplicator.firstDelivery(run("run-2", "run.completed"));
        clock.advance(Duration.ofMinutes(30));
        deduplicator.firstDelivery(run("run-3", "run.completed"));
        clock.advance(Duration.ofMinutes(30)); // run-1 and run-2 expire now; run-3 has 30 minutes left

        assertThat(deduplicator.firstDelivery(run("run-4", "run.completed"))).isTrue();

        assertThat(deduplicator.size()).isEqualTo(2);
        assertThat(deduplicator.firstDelivery(run("run-3", "run.completed"))).isFalse();
        assertThat(deduplicator.firstDelivery(run("run-1", "run.completed"))).isTrue();
    }

    private InMemoryCallbackDeduplicator deduplicator(int capacity, Duration timeToLive) {
        return InMemoryCallbackDeduplicator.builder()
                .capacity(capacity)
                .timeToLive(timeToLive)
                .clock(clock)
                .build();
    }

    private static Callback run(String runId, String event) {
        return RunCallback.builder().runId(runId).eventName(event).build();
    }

    private static Callback batch(String batchId, String event) {
        return BatchCallback.builder().batchId(batchId).eventName(event).build();
    }
}
