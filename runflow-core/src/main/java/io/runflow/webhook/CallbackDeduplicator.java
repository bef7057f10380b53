package io.runflow.webhook;

/**
 * Decides whether a callback is the first delivery of its kind. Runflow retries a delivery that
 * failed or timed out, and redeliveries can be requested, so the same callback may arrive several
 * times; endpoints use this to hand each to the application once.
 *
 * <p>A delivery is identified by its run id (or batch id) and its event name. The default, {@link
 * InMemoryCallbackDeduplicator}, remembers within one process; an application with several instances
 * behind a load balancer plugs in a shared store: {@link JdbcCallbackDeduplicator} (a table in the
 * application's own database), or another, for example a Redis {@code SET NX} with an expiry. A
 * shared store that cannot be reached throws {@link CallbackDeduplicationException} rather than
 * guess.
 *
 * <p>Implementations must be thread-safe, and answer {@code true} exactly once per key while they
 * remember it, even when deliveries arrive concurrently.
 */
public interface CallbackDeduplicator {

    /**
     * Records a delivery and tells whether it is the first of its run (or batch) and event.
     *
     * @param callback a verified callback
     * @return true the first time, false for a repeat the implementation still remembers
     */
    boolean firstDelivery(Callback callback);

    /**
     * Forgets a delivery, so that the next delivery of the same run (or batch) and event counts as
     * the first again. An endpoint calls it when the application failed to handle a callback it had
     * marked: it answers 5xx, Runflow retries, and the retry must not be taken for a duplicate.
     * Releasing a delivery that is not remembered does nothing.
     *
     * @param callback a callback that {@link #firstDelivery(Callback)} accepted
     */
    void release(Callback callback);

    /**
     * Returns the de-duplicator that remembers nothing: every delivery counts as the first, so the
     * application must be idempotent itself. For applications that de-duplicate in their own store.
     *
     * @return the de-duplicator that never reports a repeat
     */
    static CallbackDeduplicator none() {
        return NoCallbackDeduplicator.INSTANCE;
    }

    /**
     * Returns the key a delivery is identified by: {@code run:<run id>:<event>} for a {@link
     * RunCallback}, {@code batch:<batch id>:<event>} for a {@link BatchCallback}, with the event name as
     * sent.
     *
     * @param callback the callback
     * @return the key
     */
    static String keyOf(Callback callback) {
        // Run and batch ids live in different namespaces on the server; the prefix keeps them apart.
        String kind = callback instanceof BatchCallback ? "batch:" : "run:";
        return kind + callback.id() + ":" + callback.eventName();
    }
}
