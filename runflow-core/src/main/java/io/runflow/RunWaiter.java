package io.runflow;

import io.runflow.RunflowObserver.Wait.EndedBy;
import io.runflow.RunflowObserver.Wait.Outcome;
import io.runflow.errors.RunCanceledException;
import io.runflow.errors.RunFailedException;
import io.runflow.errors.RunTimeoutException;
import io.runflow.errors.RunflowException;
import io.runflow.model.Run;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One wait for one run, by polls of {@code GET /v1/runs/{id}} or a verified run callback, with the
 * guarantees of {@link PollingWait}: no thread held between polls, a deadline kept even during a slow
 * poll, and a future that completes exactly once. What is the run's own: a new status or status code
 * is a change (and is told to {@code onStatusChange}); a success, full or partial, completes the
 * wait with the run, a failure or cancellation fails it; every ending is reported to the observer as
 * a {@link RunflowObserver.Wait}.
 */
final class RunWaiter extends PollingWait<Run> {

    /** The run's work when this client follows it (it created the run, with an observer); else null. */
    private final RunTracker.Tracked tracked;

    RunWaiter(
            String runId,
            RunflowApi api,
            PollPolicy policy,
            Clock clock,
            ScheduledExecutorService scheduler,
            Executor executor,
            Consumer<Run> onStatusChange,
            RunflowObserver observer) {
        this(runId, api::getRun, policy, clock, scheduler, executor, onStatusChange, observer, null);
    }

    RunWaiter(
            String runId,
            Function<String, Run> fetch,
            PollPolicy policy,
            Clock clock,
            ScheduledExecutorService scheduler,
            Executor executor,
            Consumer<Run> onStatusChange,
            RunflowObserver observer,
            RunTracker.Tracked tracked) {
        super(runId, "run", fetch, policy, clock, scheduler, executor, onStatusChange, observer);
        this.tracked = tracked;
    }

    @Override
    void ended(Outcome outcome, EndedBy source) {
        if (tracked != null) {
            tracked.waitEnded(source);
        }
    }

    @Override
    boolean sameState(Run previous, Run current) {
        return previous.status() == current.status() && Objects.equals(previous.statusCode(), current.statusCode());
    }

    @Override
    boolean conclude(Run run, EndedBy source) {
        if (tracked != null && run.status().isTerminal()) {
            // Before the future completes: a caller woken by it may close the client at once.
            tracked.waitEnded(source);
        }
        switch (run.status()) {
            case SUCCEEDED:
            case PARTIAL_SUCCEEDED:
                return succeed(run, source);
            case FAILED:
                return fail(new RunFailedException(run), Outcome.FAILED, source);
            case CANCELED:
                return fail(new RunCanceledException(run), Outcome.CANCELED, source);
            default:
                return false;
        }
    }

    @Override
    RunflowException timedOut(Run seen, Duration timeout) {
        return new RunTimeoutException(seen, timeout);
    }
}
