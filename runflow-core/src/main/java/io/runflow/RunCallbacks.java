package io.runflow;

import io.runflow.model.Run;
import io.runflow.webhook.RunCallback;
import java.util.Objects;

/**
 * Where an application hands the run states it learns of outside polling, so that waits on those
 * runs end at once. The webhook endpoints of the Spring and Micronaut modules feed it with each
 * verified callback; plain-Java receivers call it themselves. Obtained from {@link
 * RunflowClient#callbacks()}.
 */
public final class RunCallbacks {

    private final PendingWaits pending;

    RunCallbacks(PendingWaits pending) {
        this.pending = pending;
    }

    /**
     * Offers a state of a run to every wait in progress on it. A terminal state completes them;
     * other states only inform them. Waits already complete are not touched: each completes once.
     *
     * @param run the run's state, for example built from a verified callback
     * @return how many waits this completed
     */
    public int accept(Run run) {
        return pending.offer(Objects.requireNonNull(run, "run"));
    }

    /**
     * Offers a verified callback to every wait in progress on its run: a terminal callback completes
     * them at once, with the run {@link RunCallback#toRun()} describes (a {@code run.failed} callback
     * completes them with {@link RunFailedException}). Polling stays the fallback for callbacks that
     * never arrive. Batch callbacks describe no single run and are ignored.
     *
     * <pre>{@code
     * runflow.callbacks().accept(verifier.verify(body, request::getHeader));
     * }</pre>
     *
     * @param callback a callback from {@link io.runflow.webhook.WebhookVerifier}
     * @return how many waits this completed; 0 for a batch callback
     */
    public int accept(RunCallback callback) {
        Objects.requireNonNull(callback, "callback");
        return callback.isBatch() ? 0 : accept(callback.toRun());
    }

    /**
     * Returns how many waits are in progress.
     *
     * @return the number of pending waits
     */
    public int pendingWaits() {
        return pending.size();
    }
}
