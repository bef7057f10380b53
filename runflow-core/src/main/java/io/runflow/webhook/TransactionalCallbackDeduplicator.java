package io.runflow.webhook;

/**
 * A de-duplicator whose mark and the listeners' work commit or roll back together, in one database
 * transaction. A listener that throws, or a process that dies while listeners run, leaves no mark,
 * so Runflow's retry (or the reconciler) delivers the callback again; a repeat that arrives while
 * the first delivery is still running waits for it and is then answered as a duplicate. Listeners
 * that write through the same database in that transaction get exactly-once effects.
 *
 * <p>The price: a listener holds a database connection (and the mark's row lock) for as long as it
 * runs. {@link WebhookEndpoint} uses this mode for a de-duplicator of this type unless {@link
 * WebhookEndpoint.Builder#transactional(boolean)} turns it off; every other de-duplicator is used
 * mark-first ({@link #firstDelivery(Callback)}, then the listeners, {@link #release(Callback)} when
 * one throws).
 */
public interface TransactionalCallbackDeduplicator extends CallbackDeduplicator {

    /**
     * Runs {@code delivery} for the first delivery of a callback, in one transaction with its mark.
     *
     * @param callback a verified (or reconciled) callback
     * @param delivery the work, usually every listener in turn; it runs on the calling thread,
     *     inside the transaction
     * @return true when {@code delivery} ran and the transaction committed, false for a repeat
     *     (nothing ran)
     * @throws CallbackDeduplicationException if the database cannot be used; nothing is committed
     * @throws RuntimeException whatever {@code delivery} threw, after the transaction rolled back
     */
    boolean deliverOnce(Callback callback, CallbackListener delivery);
}
