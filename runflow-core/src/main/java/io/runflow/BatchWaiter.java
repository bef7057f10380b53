package io.runflow;

import io.runflow.RunflowObserver.Wait.EndedBy;
import io.runflow.errors.BatchTimeoutException;
import io.runflow.errors.RunflowException;
import io.runflow.model.Batch;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One wait for one batch, by polls of {@code GET /v1/batches/{id}} or a verified batch callback,
 * with the guarantees of {@link PollingWait}. What is the batch's own: a new status or a new count of
 * pending items is a change; every terminal status completes the wait with the batch, since the
 * outcome is per item. Nothing is reported to the observer: {@link RunflowObserver.Wait} describes
 * run waits, and a batch wait has no event of its own.
 */
final class BatchWaiter extends PollingWait<Batch> {

    BatchWaiter(
            String batchId,
            RunflowApi api,
            PollPolicy policy,
            Clock clock,
            ScheduledExecutorService scheduler,
            Executor executor) {
        super(batchId, "batch", api::getBatch, policy, clock, scheduler, executor, batch -> {}, RunflowObserver.noop());
    }

    @Override
    boolean sameState(Batch previous, Batch current) {
        return previous.status() == current.status() && previous.itemsPending() == current.itemsPending();
    }

    @Override
    boolean conclude(Batch batch, EndedBy source) {
        return batch.isTerminal() && succeed(batch, source);
    }

    @Override
    RunflowException timedOut(Batch seen, Duration timeout) {
        return new BatchTimeoutException(seen, timeout);
    }
}
