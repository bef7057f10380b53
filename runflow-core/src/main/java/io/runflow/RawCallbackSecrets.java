package io.runflow;

import io.runflow.model.CallbackSecret;
import io.runflow.model.CallbackSecretUpdate;

/**
 * Callback signing secrets with the HTTP status and headers of each answer: {@link CallbackSecrets} seen through {@link
 * CallbackSecrets#withRawResponse()}. Each method makes the same request, with the same checks and
 * idempotency key, as the method of the same name there.
 *
 * <pre>{@code
 * RawResponse<CallbackSecret> secret = runflow.callbackSecrets().withRawResponse().get(secretId);
 * }</pre>
 */
public final class RawCallbackSecrets {

    private final CallbackSecrets callbackSecrets;
    private final RunflowApi api;

    RawCallbackSecrets(CallbackSecrets callbackSecrets, RunflowApi api) {
        this.callbackSecrets = callbackSecrets;
        this.api = api;
    }

    /**
     * Creates a secret, as {@link CallbackSecrets#create(String)}.
     *
     * @param label a label, or {@code null}
     * @return the answer
     */
    public RawResponse<CallbackSecret> create(String label) {
        return api.exchange(() -> callbackSecrets.create(label));
    }

    /**
     * Reads a secret, as {@link CallbackSecrets#get(String)}.
     *
     * @param secretId the secret's id
     * @return the answer
     */
    public RawResponse<CallbackSecret> get(String secretId) {
        return api.exchange(() -> callbackSecrets.get(secretId));
    }

    /**
     * Changes a secret, as {@link CallbackSecrets#update(String, CallbackSecretUpdate)}.
     *
     * @param secretId the secret's id
     * @param update the change
     * @return the answer
     */
    public RawResponse<CallbackSecret> update(String secretId, CallbackSecretUpdate update) {
        return api.exchange(() -> callbackSecrets.update(secretId, update));
    }
}
