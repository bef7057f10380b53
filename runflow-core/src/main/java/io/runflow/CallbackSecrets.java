package io.runflow;

import io.runflow.internal.Endpoint;
import io.runflow.model.CallbackSecret;
import io.runflow.model.CallbackSecretUpdate;
import java.util.Objects;

/**
 * The organization's callback signing secrets. Obtained from {@link RunflowClient#callbackSecrets()}.
 *
 * <p>Rotation: {@link #create(String)} a new secret, add it to your verifier beside the old one,
 * {@link #update(String, CallbackSecretUpdate) promote} it with {@link CallbackSecretUpdate#promote()},
 * then drop the old one from the verifier.
 */
public final class CallbackSecrets {

    private final RunflowApi api;

    CallbackSecrets(RunflowApi api) {
        this.api = api;
    }

    /**
     * Returns this service's requests with the HTTP status and headers of each answer.
     *
     * <pre>{@code
     * RawResponse<CallbackSecret> secret = runflow.callbackSecrets().withRawResponse().get(secretId);
     * }</pre>
     *
     * @return the raw view
     */
    public RawCallbackSecrets withRawResponse() {
        return new RawCallbackSecrets(this, api);
    }

    /**
     * Creates a secret ({@code POST /v1/callback-secrets}). The result carries the secret material,
     * {@link CallbackSecret#secret()}, this once: store it now.
     *
     * @param label a label of at most 255 characters, or {@code null}
     * @return the new secret with its material
     */
    public CallbackSecret create(String label) {
        if (label != null && label.length() > CallbackSecretUpdate.MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("label must be at most " + CallbackSecretUpdate.MAX_LABEL_LENGTH
                    + " characters, got " + label.length());
        }
        return api.createCallbackSecret(label, Endpoint.CREATE_CALLBACK_SECRET.newIdempotencyKey());
    }

    /**
     * Reads a secret's record, without its material ({@code GET /v1/callback-secrets/{id}}).
     *
     * @param secretId the secret's id
     * @return the record
     */
    public CallbackSecret get(String secretId) {
        return api.getCallbackSecret(requireId(secretId));
    }

    /**
     * Relabels a secret or makes it the current signer ({@code PATCH /v1/callback-secrets/{id}}).
     *
     * @param secretId the secret's id
     * @param update the change
     * @return the updated record
     */
    public CallbackSecret update(String secretId, CallbackSecretUpdate update) {
        return api.updateCallbackSecret(requireId(secretId), Objects.requireNonNull(update, "update"));
    }

    private static String requireId(String secretId) {
        return Calls.requireId(secretId, "secretId", "a callback secret id");
    }
}
