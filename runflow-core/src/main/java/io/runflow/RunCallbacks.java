package io.runflow;

import io.runflow.model.Run;
import java.util.Objects;

/**
 * Where an application hands the run states it learns of outside polling, so that waits on those
 * runs end at once. The webhook endpoints of the Spring and Micronaut modules feed it with each
 * verified callback (through {@code io.runflow.webhook.WebhookEndpoint}, which calls it for each
 * callback it delivers); a receiver of its own passes {@code callback.toRun()}. Obtained from {@link
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
     * Returns how many waits are in progress.
     *
     * @return the number of pending waits
     */
    public int pendingWaits() {
        return pending.size();
    }
}
