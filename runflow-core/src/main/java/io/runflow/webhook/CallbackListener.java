package io.runflow.webhook;

/**
 * Receives each verified callback once, from a {@link WebhookEndpoint}. Listeners run on the web
 * server's thread, in the order they were added, before the endpoint answers; keep them short or
 * hand the work to a queue. A listener that throws makes the endpoint answer {@code 500}, so Runflow
 * delivers the callback again later (to every listener: make them idempotent on {@link
 * RunCallback#runId()} or {@link RunCallback#batchId()}).
 *
 * <pre>{@code
 * CallbackListener listener = callback -> orders.markRendered(callback.runId(), callback.output());
 * }</pre>
 */
@FunctionalInterface
public interface CallbackListener {

    /**
     * Handles one verified callback, a run's ({@link RunCallback#runId()}) or a batch's ({@link
     * RunCallback#batchId()}).
     *
     * @param callback the callback, seen for the first time by the endpoint's de-duplicator
     */
    void onCallback(RunCallback callback);
}
