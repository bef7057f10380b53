package io.runflow;

import static io.runflow.model.RunStatus.FAILED;
import static io.runflow.model.RunStatus.QUEUED;
import static io.runflow.model.RunStatus.RUNNING;
import static io.runflow.model.RunStatus.SUCCEEDED;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.errors.BatchTimeoutException;
import io.runflow.model.Batch;
import io.runflow.model.RunStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A batch wait: what counts as a change (status, pending items), and how it ends. */
class BatchWaiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final InMemoryRunflowApi api = new InMemoryRunflowApi();
    private final PollPolicy policy =
            PollPolicy.builder().random(() -> 0.5).timeout(ofMinutes(1)).build();

    @Test
    void aNewStatusOrANewPendingCountStartsTheIntervalAgainAndTheSameOneBacksOff() {
        api.scriptBatch(
                "b1",
                batch(QUEUED, 4, 0),
                batch(RUNNING, 4, 0), // new status, same pending count
                batch(RUNNING, 4, 0), // unchanged
                batch(RUNNING, 4, 1), // one more item done
                batch(RUNNING, 4, 1), // unchanged
                batch(RUNNING, 4, 1), // unchanged
                batch(SUCCEEDED, 4, 4));
        BatchWaiter wait = waiter();

        wait.start(null);
        scheduler.runAll(100);

        assertThat(wait.future()).isCompletedWithValueMatching(batch -> batch.status() == SUCCEEDED);
        assertThat(api.gets("b1")).isEqualTo(7);
        assertThat(scheduler.delays())
                .containsExactly(
                        ofSeconds(1), // the first poll
                        ofMinutes(1), // the deadline
                        ofSeconds(1), // after QUEUED
                        ofSeconds(1), // after RUNNING: a change of status
                        ofMillis(1500), // RUNNING again
                        ofSeconds(1), // a change of the pending count
                        ofMillis(1500),
                        ofMillis(2250));
    }

    @Test
    void everyTerminalStatusEndsTheWaitWithTheBatchAndOnlyATerminalOne() {
        BatchWaiter wait = waiter();

        assertThat(wait.settle(batch(RUNNING, 2, 1))).isFalse();
        assertThat(wait.future()).isNotDone();
        // A failed batch is still an answer: the outcome is per item.
        assertThat(wait.settle(batch(FAILED, 2, 2))).isTrue();
        assertThat(wait.future()).isCompletedWithValueMatching(batch -> batch.status() == FAILED);
        assertThat(wait.settle(batch(SUCCEEDED, 2, 2))).isFalse();
    }

    @Test
    void aBatchThatNeverFinishesTimesOutWithTheLastStateSeen() {
        api.scriptBatch("b1", batch(RUNNING, 5, 2));
        BatchWaiter wait = waiter();

        wait.start(null);
        scheduler.runAll(1_000);

        assertThat(wait.future()).isCompletedExceptionally();
        Throwable failure = wait.future().handle((batch, e) -> e).join();
        assertThat(failure)
                .isExactlyInstanceOf(BatchTimeoutException.class)
                .hasMessage("batch b1 did not finish within PT1M (3 of 5 items pending); last status was 'running'");
        assertThat(((BatchTimeoutException) failure).batch().itemsPending()).isEqualTo(3);
    }

    private BatchWaiter waiter() {
        return new BatchWaiter("b1", api, policy, clock, scheduler, Runnable::run);
    }

    private static Batch batch(RunStatus status, int total, int succeeded) {
        return Batch.builder()
                .id("b1")
                .status(status)
                .statusCode(status.value())
                .itemsTotal(total)
                .itemsSucceeded(succeeded)
                .itemsFailed(0)
                .itemsCancelled(0)
                .build();
    }
}
