package io.runflow.webhook;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives each verified callback once, from a {@link WebhookEndpoint}: run and batch callbacks
 * alike, as the sealed {@link Callback}. Listeners run on the web server's thread, in the order they
 * were added, before the endpoint answers; keep them short or hand the work to a queue. A listener
 * that throws makes the endpoint answer {@code 500}, so Runflow delivers the callback again later (to
 * every listener: make them idempotent on {@link Callback#id()}).
 *
 * <p>A listener interested in one kind only registers through {@link #runs(Consumer)} or {@link
 * #batches(Consumer)}, which pass the other kind over:
 *
 * <pre>{@code
 * CallbackListener listener = CallbackListener.runs(run -> orders.markRendered(run.runId(), run.output()));
 * }</pre>
 *
 * A listener of both tells them apart by type:
 *
 * <pre>{@code
 * CallbackListener listener = callback -> {
 *     if (callback instanceof RunCallback run) {
 *         orders.markRendered(run.runId(), run.output());
 *     } else if (callback instanceof BatchCallback batch) {
 *         orders.markBatchDone(batch.batchId(), batch.itemsSucceeded());
 *     }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface CallbackListener {

    /**
     * Handles one verified callback, a {@link RunCallback} or a {@link BatchCallback}.
     *
     * @param callback the callback, seen for the first time by the endpoint's de-duplicator
     */
    void onCallback(Callback callback);

    /**
     * Returns a listener that hands run callbacks to {@code listener} and ignores batch callbacks.
     *
     * @param listener receives each {@link RunCallback}
     * @return the listener
     */
    static CallbackListener runs(Consumer<? super RunCallback> listener) {
        Objects.requireNonNull(listener, "listener");
        return callback -> {
            if (callback instanceof RunCallback run) {
                listener.accept(run);
            }
        };
    }

    /**
     * Returns a listener that hands batch callbacks to {@code listener} and ignores run callbacks.
     *
     * @param listener receives each {@link BatchCallback}
     * @return the listener
     */
    static CallbackListener batches(Consumer<? super BatchCallback> listener) {
        Objects.requireNonNull(listener, "listener");
        return callback -> {
            if (callback instanceof BatchCallback batch) {
                listener.accept(batch);
            }
        };
    }
}
