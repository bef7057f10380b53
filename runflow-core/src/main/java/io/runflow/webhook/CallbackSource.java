package io.runflow.webhook;

/**
 * Where a {@link Callback} came from. Listeners that must act the same way either way ignore it;
 * logs and metrics can tell a delivery from a catch-up.
 */
public enum CallbackSource {
    /** Runflow POSTed it to the application's webhook, and its signature was verified. */
    CALLBACK,
    /**
     * The SDK built it from the run or batch as the API reports it, because no callback arrived in
     * time; it carries no signature and no {@code Runflow-Request-Id}.
     */
    RECONCILED
}
