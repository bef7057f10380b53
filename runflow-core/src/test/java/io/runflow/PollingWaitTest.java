package io.runflow;

import static io.runflow.InMemoryRunflowApi.run;
import static io.runflow.model.RunStatus.CANCELED;
import static io.runflow.model.RunStatus.FAILED;
import static io.runflow.model.RunStatus.RUNNING;
import static io.runflow.model.RunStatus.SUCCEEDED;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RunflowObserver.Wait;
import io.runflow.RunflowObserver.Wait.EndedBy;
import io.runflow.RunflowObserver.Wait.Outcome;
import io.runflow.errors.RunCanceledException;
import io.runflow.errors.RunFailedException;
import io.runflow.errors.RunTimeoutException;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import io.runflow.errors.ServerException;
import io.runflow.model.ApiError;
import io.runflow.model.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The machinery every wait shares ({@link PollingWait}), through a run wait built directly: what a
 * settle answers, and the races between a poll, a callback, the deadline and a closed client, each
 * staged on virtual time.
 */
class PollingWaitTest {

    private static final ServerException UNAVAILABLE = new ServerException(
            503, new ApiError("SERVICE_UNAVAILABLE", "down", List.of()), null, "503 SERVICE_UNAVAILABLE: down");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final InMemoryRunflowApi api = new InMemoryRunflowApi();
    /** No jitter (0.5 is the middle of the band), a one-minute deadline. */
    private final PollPolicy policy =
            PollPolicy.builder().random(() -> 0.5).timeout(ofMinutes(1)).build();

    private final List<Wait> reported = new ArrayList<>();
    private final RunflowObserver observer = new RunflowObserver() {
        @Override
        public void onWait(Wait wait) {
            reported.add(wait);
        }
    };

    @Test
    void settleTellsWhetherItWasThisStateThatEndedTheWait() {
        RunWaiter wait = waiter(Runnable::run, run -> {});

        assertThat(wait.settle(run("r1", RUNNING))).isFalse();
        assertThat(wait.future()).isNotDone();
        assertThat(wait.settle(run("r1", SUCCEEDED))).isTrue();
        assertThat(wait.future()).isCompletedWithValueMatching(run -> run.status() == SUCCEEDED);
        // Whatever comes after the winner completes nothing, and says so.
        assertThat(wait.settle(run("r1", SUCCEEDED))).isFalse();
        assertThat(wait.settle(run("r1", FAILED))).isFalse();
        assertThat(wait.settle(run("r1", CANCELED))).isFalse();
        assertThat(reported).singleElement().satisfies(wait1 -> {
            assertThat(wait1.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(wait1.endedBy()).isEqualTo(EndedBy.CALLBACK);
        });
    }

    @Test
    void aFailedOrCanceledStateEndsTheWaitAndTheSettleSaysSo() {
        RunWaiter failed = waiter(Runnable::run, run -> {});
        RunWaiter canceled = waiter(Runnable::run, run -> {});

        assertThat(failed.settle(run("r1", FAILED))).isTrue();
        assertThat(canceled.settle(run("r1", CANCELED))).isTrue();

        assertThat(failure(failed.future())).isInstanceOf(RunFailedException.class);
        assertThat(failure(canceled.future())).isInstanceOf(RunCanceledException.class);
        assertThat(reported).extracting(Wait::outcome).containsExactly(Outcome.FAILED, Outcome.CANCELED);
        // A later terminal state is not taken for the winner.
        assertThat(failed.settle(run("r1", SUCCEEDED))).isFalse();
        assertThat(canceled.settle(run("r1", FAILED))).isFalse();
    }

    @Test
    void aListenerThatThrowsEndsTheWaitWithItsExceptionAndTheSettleSaysSo() {
        IllegalStateException thrown = new IllegalStateException("listener broke");
        RunWaiter wait = waiter(Runnable::run, run -> {
            throw thrown;
        });

        assertThat(wait.settle(run("r1", RUNNING))).isTrue();

        assertThat(failure(wait.future())).isSameAs(thrown);
        assertThat(reported).extracting(Wait::outcome).containsExactly(Outcome.ERROR);
    }

    @Test
    void aListenerThatCancelsTheWaitBeforeThrowingDidNotEndItThroughTheSettle() {
        AtomicReference<RunWaiter> self = new AtomicReference<>();
        RunWaiter wait = waiter(Runnable::run, run -> {
            self.get().future().cancel(false);
            throw new IllegalStateException("listener broke");
        });
        self.set(wait);

        assertThat(wait.settle(run("r1", RUNNING))).isFalse();

        assertThat(wait.future()).isCancelled();
        assertThat(reported).extracting(Wait::outcome).containsExactly(Outcome.ABANDONED);
    }

    @Test
    void aWaitStartedOnATerminalStateSchedulesNothing() {
        RunWaiter wait = waiter(Runnable::run, run -> {});

        wait.start(run("r1", SUCCEEDED));

        assertThat(wait.future()).isCompleted();
        assertThat(scheduler.delays()).isEmpty();
        assertThat(reported).extracting(Wait::endedBy).containsExactly(EndedBy.KNOWN_STATE);
    }

    @Test
    void aCallbackWhileTheFirstPollIsBeingScheduledCancelsThatPollAndNoDeadlineIsScheduled() {
        RunWaiter wait = waiter(Runnable::run, run -> {});
        scheduler.afterNextSchedule(() -> wait.settle(run("r1", SUCCEEDED)));

        wait.start(null);

        assertThat(wait.future()).isCompleted();
        assertThat(scheduler.delays()).containsExactly(ofSeconds(1));
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aCallbackWhileTheDeadlineIsBeingScheduledCancelsTheDeadline() {
        RunWaiter wait = waiter(Runnable::run, run -> {});
        scheduler.afterNextSchedule(() -> scheduler.afterNextSchedule(() -> wait.settle(run("r1", SUCCEEDED))));

        wait.start(null);

        assertThat(wait.future()).isCompleted();
        assertThat(scheduler.delays()).containsExactly(ofSeconds(1), ofMinutes(1));
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aWaitStartedPastItsDeadlineNeverPollsAndTimesOutAtOnce() {
        api.script("r1", RUNNING);
        RunWaiter wait = waiter(Runnable::run, run -> {});
        clock.advance(ofMinutes(2));

        wait.start(null);
        scheduler.runAll(10);

        assertThat(scheduler.delays()).containsExactly(Duration.ZERO);
        assertThat(api.gets("r1")).isZero();
        assertThat(failure(wait.future()))
                .isExactlyInstanceOf(RunflowIoException.class)
                .hasMessage("no answer about run r1 within PT1M");
        assertThat(reported).singleElement().satisfies(ended -> {
            assertThat(ended.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(ended.endedBy()).isEqualTo(EndedBy.DEADLINE);
            assertThat(ended.polls()).isZero();
        });
    }

    @Test
    void aPollQueuedOnABusyExecutorDoesNotFetchOnceACallbackEndedTheWait() {
        api.script("r1", RUNNING);
        List<Runnable> queued = new ArrayList<>();
        RunWaiter wait = waiter(queued::add, run -> {});
        wait.start(null);

        scheduler.runNext(); // the first poll is due: handed to the executor, which is busy
        wait.settle(run("r1", SUCCEEDED));
        queued.forEach(Runnable::run);

        assertThat(api.gets("r1")).isZero();
        assertThat(reported)
                .singleElement()
                .satisfies(ended -> assertThat(ended.polls()).isZero());
    }

    @Test
    void aPollThatFailsAfterACallbackEndedTheWaitSchedulesNoFurtherPoll() {
        AtomicReference<RunWaiter> self = new AtomicReference<>();
        api.script("r1", () -> {
            self.get().settle(run("r1", SUCCEEDED));
            throw UNAVAILABLE;
        });
        RunWaiter wait = waiter(Runnable::run, run -> {});
        self.set(wait);
        wait.start(null);

        scheduler.runNext();

        assertThat(wait.future()).isCompletedWithValueMatching(run -> run.status() == SUCCEEDED);
        assertThat(scheduler.delays()).containsExactly(ofSeconds(1), ofMinutes(1));
    }

    @Test
    void aPollAnsweredAfterTheDeadlineEndsTheWaitThere() {
        api.script("r1", RUNNING);
        List<Runnable> queued = new ArrayList<>();
        RunWaiter wait = waiter(queued::add, run -> {});
        wait.start(null);

        scheduler.runNext(); // the first poll, handed to an executor that runs it late
        clock.advance(ofMinutes(2));
        queued.forEach(Runnable::run);

        assertThat(failure(wait.future()))
                .isInstanceOf(RunTimeoutException.class)
                .satisfies(e ->
                        assertThat(((RunTimeoutException) e).run().status()).isEqualTo(RUNNING));
        assertThat(reported).singleElement().satisfies(ended -> {
            assertThat(ended.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(ended.endedBy()).isEqualTo(EndedBy.DEADLINE);
            assertThat(ended.polls()).isEqualTo(1);
        });
    }

    @Test
    void pollsThatOnlyFailUntilTheDeadlineEndTheWaitWithTheLastFailure() {
        api.script("r1", () -> {
            throw UNAVAILABLE;
        });
        RunWaiter wait = waiter(Runnable::run, run -> {});
        wait.start(null);

        scheduler.runAll(1_000);

        assertThat(failure(wait.future())).isSameAs(UNAVAILABLE);
        assertThat(api.gets("r1")).isGreaterThan(1);
        assertThat(reported).singleElement().satisfies(ended -> {
            assertThat(ended.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(ended.endedBy()).isEqualTo(EndedBy.DEADLINE);
            assertThat(ended.duration()).isEqualTo(ofMinutes(1));
        });
    }

    @Test
    void anExecutorThatRefusesThePollEndsTheWaitAsAbandoned() {
        api.script("r1", RUNNING);
        RunWaiter wait = waiter(
                task -> {
                    throw new RejectedExecutionException("shut down");
                },
                run -> {});
        wait.start(null);

        scheduler.runNext();

        assertThat(failure(wait.future()))
                .isExactlyInstanceOf(RunflowException.class)
                .hasMessage("client is closed; cannot wait for run r1")
                .hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(api.gets("r1")).isZero();
        assertThat(reported).singleElement().satisfies(ended -> {
            assertThat(ended.outcome()).isEqualTo(Outcome.ABANDONED);
            assertThat(ended.endedBy()).isEqualTo(EndedBy.CALLER);
        });
        assertThat(scheduler.pending()).isZero();
    }

    private RunWaiter waiter(Executor executor, Consumer<Run> onStatusChange) {
        return new RunWaiter("r1", api, policy, clock, scheduler, executor, onStatusChange, observer);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        return future.handle((value, failure) -> failure).join();
    }
}
