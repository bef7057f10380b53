package io.runflow;

import io.runflow.model.Batch;
import io.runflow.model.Run;
import java.util.Objects;

/**
 * Where an application hands the run states it learns of outside polling, so that waits on those
 * runs end at once. The webhook endpoints of the Spring and Micronaut modules feed it with each
 * verified callback (through {@code io.runflow.webhook.WebhookEndpoint}, which calls it for each
 * callback it delivers); a receiver of its own passes {@code toRun()} of an {@code
 * io.runflow.webhook.RunCallback} to {@link #accept(Run)} and {@code toBatch()} of a {@code
 * BatchCallback} to {@link #acceptBatch(Batch)}. Obtained from {@link RunflowClient#callbacks()}.
 *
 * <p>It takes model values rather than callbacks so that this package does not depend on {@code
 * io.runflow.webhook}, which depends on it.
 */
public final class RunCallbacks {

    private final PendingWaits pending;
    private final PendingBatchWaits pendingBatches;
    private final RunTracker tracker;

    RunCallbacks(PendingWaits pending, PendingBatchWaits pendingBatches, RunTracker tracker) {
        this.pending = pending;
        this.pendingBatches = pendingBatches;
        this.tracker = tracker;
    }

    /**
     * Offers a state of a run to every wait in progress on it. A terminal state completes them;
     * other states only inform them. Waits already complete are not touched: each completes once.
     *
     * @param run the run's state, for example built from a verified callback
     * @return how many waits this completed
     */
    public int accept(Run run) {
        int completed = pending.offer(Objects.requireNonNull(run, "run"));
        // A run created by this client and followed for its observer, but not waited for, ends here.
        tracker.callback(run);
        return completed;
    }

    /**
     * Offers a state of a batch, for example from a verified batch callback, to every {@code
     * batches().await} in progress on it. A terminal state completes them with this batch.
     *
     * @param batch the batch's state
     * @return how many waits this completed
     */
    public int acceptBatch(Batch batch) {
        return pendingBatches.offer(Objects.requireNonNull(batch, "batch"));
    }

    /**
     * Returns how many batch waits are in progress.
     *
     * @return the number of pending batch waits
     */
    public int pendingBatchWaits() {
        return pendingBatches.size();
    }

    /**
     * Returns how many run waits are in progress.
     *
     * @return the number of pending waits
     */
    public int pendingWaits() {
        return pending.size();
    }

    /**
     * Returns the ids of the runs with a wait in progress, for example to read each once after a
     * wake-up channel was down and may have missed their callbacks.
     *
     * @return a snapshot of the ids
     */
    public java.util.Set<String> pendingRunIds() {
        return pending.ids();
    }
}
