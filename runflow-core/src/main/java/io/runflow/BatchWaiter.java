package io.runflow;

import io.runflow.errors.BatchTimeoutException;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import io.runflow.model.Batch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One wait for one batch, shaped like {@link RunWaiter}: scheduled polls of {@code GET
 * /v1/batches/{id}} that hold no thread in between, a deadline task, and {@link #settle(Batch)} for a
 * verified batch callback. Every terminal status completes it with the batch (the outcome is per
 * item); the future completes exactly once.
 */
final class BatchWaiter {

    private final String batchId;
    private final RunflowApi api;
    private final PollPolicy policy;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final Instant deadline;
    private final CompletableFuture<Batch> result = new CompletableFuture<>();

    private volatile ScheduledFuture<?> nextPoll;
    private volatile ScheduledFuture<?> deadlineTask;
    private Batch last;
    private RunflowException lastFailure;
    private int unchangedPolls;

    BatchWaiter(
            String batchId,
            RunflowApi api,
            PollPolicy policy,
            Clock clock,
            ScheduledExecutorService scheduler,
            Executor executor) {
        this.batchId = batchId;
        this.api = api;
        this.policy = policy;
        this.clock = clock;
        this.scheduler = scheduler;
        this.executor = executor;
        this.deadline = clock.instant().plus(policy.timeout());
        result.whenComplete((batch, failure) -> {
            cancel(nextPoll);
            cancel(deadlineTask);
        });
    }

    String batchId() {
        return batchId;
    }

    CompletableFuture<Batch> future() {
        return result;
    }

    void start(Batch known) {
        if (known != null && settle(known)) {
            return;
        }
        // The first poll before the deadline, as RunWaiter does, for virtual-time schedulers.
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

    /** Takes a state of the batch; tells whether this state completed the wait. */
    boolean settle(Batch batch) {
        synchronized (this) {
            boolean changed =
                    last == null || last.status() != batch.status() || last.itemsPending() != batch.itemsPending();
            unchangedPolls = changed ? 0 : unchangedPolls + 1;
            last = batch;
        }
        return batch.isTerminal() && result.complete(batch);
    }

    void close() {
        result.completeExceptionally(new RunflowException("the client was closed while waiting for batch " + batchId));
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
            return;
        }
        try {
            nextPoll = scheduler.schedule(
                    () -> {
                        try {
                            executor.execute(this::poll);
                        } catch (RejectedExecutionException e) {
                            closed(e);
                        }
                    },
                    Math.min(interval.toNanos(), remaining),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            closed(e);
            return;
        }
        if (result.isDone()) {
            cancel(nextPoll);
        }
    }

    private void poll() {
        if (result.isDone()) {
            return;
        }
        Batch batch;
        try {
            batch = api.getBatch(batchId);
        } catch (RunflowException e) {
            if (!RetryPolicy.isRetryable(e)) {
                result.completeExceptionally(e);
                return;
            }
            synchronized (this) {
                lastFailure = e;
            }
            continueOrTimeOut();
            return;
        } catch (Throwable e) {
            result.completeExceptionally(e);
            return;
        }
        if (!settle(batch) && !result.isDone()) {
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
        Batch seen;
        RunflowException failure;
        synchronized (this) {
            seen = last;
            failure = lastFailure;
        }
        if (seen != null) {
            result.completeExceptionally(new BatchTimeoutException(seen, policy.timeout()));
        } else if (failure != null) {
            result.completeExceptionally(failure);
        } else {
            result.completeExceptionally(
                    new RunflowIoException("no answer about batch " + batchId + " within " + policy.timeout(), null));
        }
    }

    private void closed(RejectedExecutionException e) {
        result.completeExceptionally(new RunflowException("client is closed; cannot wait for batch " + batchId, e));
    }

    private long nanosUntil(Instant instant) {
        Duration remaining = Duration.between(clock.instant(), instant);
        if (remaining.isNegative()) {
            return 0L;
        }
        try {
            return remaining.toNanos();
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
