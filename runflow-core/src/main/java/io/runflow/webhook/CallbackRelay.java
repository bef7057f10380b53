package io.runflow.webhook;

/**
 * Passes a verified callback on to other application instances, so that their waits on its run end
 * at once ({@link PostgresWakeUp}). {@link WebhookEndpoint} calls it after answering 200 (delivered,
 * or a duplicate), with the signed bytes, so that a receiver verifies them again rather than trust
 * the channel.
 */
@FunctionalInterface
public interface CallbackRelay {

    /**
     * Relays one callback; must not throw for a failure to relay (polling remains the backstop).
     *
     * @param callback the verified callback
     * @param rawBody its body as received
     * @param signature its {@code Runflow-Signature} header
     */
    void relay(Callback callback, byte[] rawBody, String signature);
}
