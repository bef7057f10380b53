package io.runflow;

import io.runflow.RunflowObserver.Wait.EndedBy;
import io.runflow.RunflowObserver.Wait.Outcome;
import io.runflow.errors.RunCanceledException;
import io.runflow.errors.RunFailedException;
import io.runflow.errors.RunTimeoutException;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One wait for one run. Between polls it holds no thread: the scheduler fires a task that hands the
 * blocking {@code GET} to the executor, and the next poll is scheduled from there. A verified
 * callback ({@link #settle(Run)}) completes it at once. A deadline task, scheduled at the start, ends
 * the wait on time even while a slow poll is still in flight (that poll's answer is then ignored).
 * The future completes exactly once, whichever of poll, callback, deadline, cancellation or the
 * client's close comes first; completing it cancels whatever is still scheduled.
 */
final class RunWaiter {

    private final String runId;
    private final RunflowApi api;
    private final PollPolicy policy;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final Instant deadline;
    private final Consumer<Run> onStatusChange;
    private final RunflowObserver observer;
    private final Instant startedAt;
    private final CompletableFuture<Run> result = new CompletableFuture<>();

    private volatile ScheduledFuture<?> nextPoll;
    private volatile ScheduledFuture<?> deadlineTask;
    private Run last;
    private RunflowException lastFailure;
    private int unchangedPolls;
    private int polls;

    RunWaiter(
            String runId,
            RunflowApi api,
            PollPolicy policy,
            Clock clock,
            ScheduledExecutorService scheduler,
            Executor executor,
            Consumer<Run> onStatusChange,
            RunflowObserver observer) {
        this.runId = runId;
        this.api = api;
        this.policy = policy;
        this.clock = clock;
        this.scheduler = scheduler;
        this.executor = executor;
        this.onStatusChange = onStatusChange;
        this.observer = observer;
        this.startedAt = clock.instant();
        this.deadline = startedAt.plus(policy.timeout());
        result.whenComplete((run, failure) -> {
            cancel(nextPoll);
            cancel(deadlineTask);
            if (result.isCancelled()) {
                report(Outcome.ABANDONED, EndedBy.CALLER);
            }
        });
    }

    String runId() {
        return runId;
    }

    CompletableFuture<Run> future() {
        return result;
    }

    /** Starts polling, or completes at once if the known state is already terminal. */
    void start(Run known) {
        if (known != null) {
            settle(known, EndedBy.KNOWN_STATE);
            if (result.isDone()) {
                return;
            }
        }
        // The first poll before the deadline: a virtual-time scheduler that runs whatever it holds
        // (the testkit's) must never find the deadline alone in its queue.
        schedulePoll();
        if (result.isDone()) {
            return;
        }
        try {
            deadlineTask = scheduler.schedule(this::timeOut, nanosUntil(deadline), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            closed(e);
            return;
        }
        if (result.isDone()) {
            cancel(deadlineTask);
        }
    }

    /**
     * Takes a state of the run from a callback and tells whether it was this state that completed the
     * wait: false for a non-terminal state, and false if another state (a concurrent poll or
     * callback) won.
     */
    boolean settle(Run run) {
        return settle(run, EndedBy.CALLBACK);
    }

    private boolean settle(Run run, EndedBy source) {
        boolean changed;
        synchronized (this) {
            changed = last == null
                    || last.status() != run.status()
                    || !Objects.equals(last.statusCode(), run.statusCode());
            unchangedPolls = changed ? 0 : unchangedPolls + 1;
            last = run;
        }
        if (changed && !result.isDone()) {
            try {
                onStatusChange.accept(run);
            } catch (RuntimeException e) {
                return fail(e, Outcome.ERROR, source);
            }
        }
        RunStatus status = run.status();
        switch (status) {
            case SUCCEEDED:
            case PARTIAL_SUCCEEDED:
                if (result.complete(run)) {
                    report(Outcome.SUCCEEDED, source);
                    return true;
                }
                return false;
            case FAILED:
                return fail(new RunFailedException(run), Outcome.FAILED, source);
            case CANCELED:
                return fail(new RunCanceledException(run), Outcome.CANCELED, source);
            default:
                return false;
        }
    }

    /** Ends the wait because the client is closing. */
    void close() {
        fail(
                new RunflowException("the client was closed while waiting for run " + runId),
                Outcome.ABANDONED,
                EndedBy.CALLER);
    }

    private void schedulePoll() {
        if (result.isDone()) {
            return;
        }
        Duration interval;
        synchronized (this) {
            interval = policy.interval(unchangedPolls);
        }
        long remaining = nanosUntil(deadline);
        if (remaining <= 0) {
            return; // the deadline task ends the wait
        }
        try {
            nextPoll = scheduler.schedule(
                    () -> executeQuietly(this::poll), Math.min(interval.toNanos(), remaining), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            closed(e);
            return;
        }
        if (result.isDone()) {
            cancel(nextPoll);
        }
    }

    private void executeQuietly(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            closed(e);
        }
    }

    private void poll() {
        if (result.isDone()) {
            return;
        }
        Run run;
        synchronized (this) {
            polls++;
        }
        try {
            run = api.getRun(runId);
        } catch (RunflowException e) {
            if (!RetryPolicy.isRetryable(e)) {
                fail(e, Outcome.ERROR, EndedBy.POLL);
                return;
            }
            // The transport already retried; a wait outlasts a blip, so poll again until the deadline.
            synchronized (this) {
                lastFailure = e;
            }
            continueOrTimeOut();
            return;
        } catch (Throwable e) {
            // Whatever the transport throws, the future must not be left pending forever.
            fail(e, Outcome.ERROR, EndedBy.POLL);
            return;
        }
        settle(run, EndedBy.POLL);
        if (!result.isDone()) {
            continueOrTimeOut();
        }
    }

    private void continueOrTimeOut() {
        if (clock.instant().isBefore(deadline)) {
            schedulePoll();
        } else {
            timeOut();
        }
    }

    private void timeOut() {
        if (result.isDone()) {
            return;
        }
        Run seen;
        RunflowException failure;
        synchronized (this) {
            seen = last;
            failure = lastFailure;
        }
        if (seen != null) {
            fail(new RunTimeoutException(seen, policy.timeout()), Outcome.TIMED_OUT, EndedBy.DEADLINE);
        } else if (failure != null) {
            fail(failure, Outcome.ERROR, EndedBy.DEADLINE);
        } else {
            fail(
                    new RunflowIoException("no answer about run " + runId + " within " + policy.timeout(), null),
                    Outcome.TIMED_OUT,
                    EndedBy.DEADLINE);
        }
    }

    private void closed(RejectedExecutionException e) {
        fail(
                new RunflowException("client is closed; cannot wait for run " + runId, e),
                Outcome.ABANDONED,
                EndedBy.CALLER);
    }

    /** Completes the wait with a failure; only the one completion that wins is reported. */
    private boolean fail(Throwable failure, Outcome outcome, EndedBy source) {
        if (result.completeExceptionally(failure)) {
            report(outcome, source);
            return true;
        }
        return false;
    }

    private void report(Outcome outcome, EndedBy source) {
        if (observer == RunflowObserver.noop()) {
            return;
        }
        int made;
        synchronized (this) {
            made = polls;
        }
        observer.onWait(
                new RunflowObserver.Wait(runId, outcome, source, Duration.between(startedAt, clock.instant()), made));
    }

    private long nanosUntil(Instant instant) {
        Duration remaining = Duration.between(clock.instant(), instant);
        return remaining.isNegative() ? 0L : saturatedNanos(remaining);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }
}
