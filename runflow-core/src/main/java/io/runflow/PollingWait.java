package io.runflow;

import io.runflow.RunflowObserver.Wait.EndedBy;
import io.runflow.RunflowObserver.Wait.Outcome;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One wait for one resource (a run, a batch) whose state the API reports at {@code GET
 * /v1/<kind>s/{id}}: the machinery every wait shares, so that the kinds of wait differ only in how
 * they compare two states, read a terminal outcome from one, and name the failure of a wait that
 * timed out.
 *
 * <p>Between polls it holds no thread: the scheduler fires a task that hands the blocking {@code
 * GET} to the executor, and the next poll is scheduled from there. A verified callback ({@link
 * #settle(Object)}) completes it at once. A deadline task, scheduled at the start, ends the wait on
 * time even while a slow poll is still in flight (that poll's answer is then ignored). The future
 * completes exactly once, whichever of poll, callback, deadline, cancellation or the client's close
 * comes first; only the completion that wins is reported to the observer, and completing it cancels
 * whatever is still scheduled.
 *
 * @param <T> the state of the resource waited for
 */
abstract class PollingWait<T> {

    private final String id;
    private final String kind;
    private final Function<String, T> fetch;
    private final PollPolicy policy;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final Instant deadline;
    private final Consumer<? super T> onStatusChange;
    private final RunflowObserver observer;
    private final Instant startedAt;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    /** Where this wait is registered for callbacks; it leaves when its future completes. */
    private volatile WaitRegistry<T> registry;

    private volatile ScheduledFuture<?> nextPoll;
    private volatile ScheduledFuture<?> deadlineTask;
    private T last;
    private RunflowException lastFailure;
    private int unchangedPolls;
    private int polls;

    /**
     * @param kind what is waited for, as the failure messages name it ("run", "batch")
     * @param fetch fetches the current state by id ({@code GET /v1/<kind>s/{id}}); runs on the
     *     executor and may block
     * @param onStatusChange told of each state that differs from the last one, before the wait ends;
     *     if it throws, the wait fails with what it threw
     * @param observer told how the wait ended, through {@link RunflowObserver#onWait}
     */
    PollingWait(
            String id,
            String kind,
            Function<String, T> fetch,
            PollPolicy policy,
            Clock clock,
            ScheduledExecutorService scheduler,
            Executor executor,
            Consumer<? super T> onStatusChange,
            RunflowObserver observer) {
        this.id = id;
        this.kind = kind;
        this.fetch = fetch;
        this.policy = policy;
        this.clock = clock;
        this.scheduler = scheduler;
        this.executor = executor;
        this.onStatusChange = onStatusChange;
        this.observer = observer;
        this.startedAt = clock.instant();
        this.deadline = startedAt.plus(policy.timeout());
        // One completion action does everything a completion undoes: each whenComplete costs a pending
        // wait about 90 bytes of heap (the action, its dependent future and the lambda).
        result.whenComplete((state, failure) -> {
            WaitRegistry<T> registeredIn = registry;
            if (registeredIn != null) {
                registeredIn.remove(this);
            }
            cancel(nextPoll);
            cancel(deadlineTask);
            if (result.isCancelled()) {
                report(Outcome.ABANDONED, EndedBy.CALLER);
            }
        });
    }

    /** Tells whether two states are the same as far as polling goes: the same ones back off. */
    abstract boolean sameState(T previous, T current);

    /**
     * Ends the wait if the state is terminal, by {@link #succeed} or {@link #fail}, and tells whether
     * it was this call that completed the wait; false for a state that is not terminal.
     */
    abstract boolean conclude(T state, EndedBy source);

    /** The failure for a wait whose deadline passed after a state had been seen. */
    abstract RunflowException timedOut(T seen, Duration timeout);

    final String id() {
        return id;
    }

    final CompletableFuture<T> future() {
        return result;
    }

    /** Called by the registry before it adds this wait: completing the future takes the wait out. */
    final void registeredIn(WaitRegistry<T> waits) {
        this.registry = waits;
    }

    /** Starts polling, or completes at once if the known state is already terminal. */
    final void start(T known) {
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
        deadlineTask = schedule(this::timeOut, nanosUntil(deadline));
        if (result.isDone()) {
            cancel(deadlineTask);
        }
    }

    /**
     * Takes a state from a callback and tells whether it was this state that completed the wait:
     * false for a non-terminal state, and false if another state (a concurrent poll or callback) won.
     */
    final boolean settle(T state) {
        return settle(state, EndedBy.CALLBACK);
    }

    /** Ends the wait because the client is closing. */
    final void close() {
        fail(
                new RunflowException("the client was closed while waiting for " + kind + " " + id),
                Outcome.ABANDONED,
                EndedBy.CALLER);
    }

    /** Completes the wait with the state; only the one completion that wins is reported. */
    final boolean succeed(T state, EndedBy source) {
        if (result.complete(state)) {
            report(Outcome.SUCCEEDED, source);
            return true;
        }
        return false;
    }

    /** Completes the wait with a failure; only the one completion that wins is reported. */
    final boolean fail(Throwable failure, Outcome outcome, EndedBy source) {
        if (result.completeExceptionally(failure)) {
            report(outcome, source);
            return true;
        }
        return false;
    }

    private boolean settle(T state, EndedBy source) {
        boolean changed;
        synchronized (this) {
            changed = last == null || !sameState(last, state);
            unchangedPolls = changed ? 0 : unchangedPolls + 1;
            last = state;
        }
        if (changed && !result.isDone()) {
            try {
                onStatusChange.accept(state);
            } catch (RuntimeException e) {
                return fail(e, Outcome.ERROR, source);
            }
        }
        return conclude(state, source);
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
        nextPoll = schedule(() -> executeQuietly(this::poll), Math.min(interval.toNanos(), remaining));
        if (result.isDone()) {
            cancel(nextPoll);
        }
    }

    /**
     * Schedules a task of this wait. A scheduler that refuses it belongs to a closed client, so the
     * wait ends then and there, and there is no task (null). The caller cancels what it scheduled if
     * the wait completed meanwhile: the completion's own cancelling may have run before the task was
     * stored.
     */
    private ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        try {
            return scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            closed(e);
            return null;
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
        T state;
        synchronized (this) {
            polls++;
        }
        try {
            state = fetch.apply(id);
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
        settle(state, EndedBy.POLL);
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
        T seen;
        RunflowException failure;
        synchronized (this) {
            seen = last;
            failure = lastFailure;
        }
        if (seen != null) {
            fail(timedOut(seen, policy.timeout()), Outcome.TIMED_OUT, EndedBy.DEADLINE);
        } else if (failure != null) {
            fail(failure, Outcome.ERROR, EndedBy.DEADLINE);
        } else {
            fail(
                    new RunflowIoException("no answer about " + kind + " " + id + " within " + policy.timeout(), null),
                    Outcome.TIMED_OUT,
                    EndedBy.DEADLINE);
        }
    }

    private void closed(RejectedExecutionException e) {
        fail(
                new RunflowException("client is closed; cannot wait for " + kind + " " + id, e),
                Outcome.ABANDONED,
                EndedBy.CALLER);
    }

    /** Told once, of the completion that won, before the observer hears of it. */
    void ended(Outcome outcome, EndedBy source) {}

    private void report(Outcome outcome, EndedBy source) {
        ended(outcome, source);
        if (observer == RunflowObserver.noop()) {
            return;
        }
        int made;
        synchronized (this) {
            made = polls;
        }
        observer.onWait(
                new RunflowObserver.Wait(id, outcome, source, Duration.between(startedAt, clock.instant()), made));
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
