package io.runflow.model;

/**
 * A change to a callback secret ({@code PATCH /v1/callback-secrets/{id}}). {@code null} fields are
 * left unchanged.
 *
 * @param label a new label of at most 255 characters, or {@code null}
 * @param current {@code true} to make this secret the one that signs, or {@code null}
 */
public record CallbackSecretUpdate(String label, Boolean current) {

    /** The longest label the API accepts. */
    public static final int MAX_LABEL_LENGTH = 255;

    /** Checks the label's length and that something changes. */
    public CallbackSecretUpdate {
        if (label != null && label.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException(
                    "label must be at most " + MAX_LABEL_LENGTH + " characters, got " + label.length());
        }
        if (label == null && current == null) {
            throw new IllegalArgumentException("an update must change the label or the current flag");
        }
    }

    /**
     * Returns an update that makes the secret the current signer (rotation).
     *
     * @return the update
     */
    public static CallbackSecretUpdate promote() {
        return new CallbackSecretUpdate(null, Boolean.TRUE);
    }

    /**
     * Returns an update that renames the secret.
     *
     * @param label the new label
     * @return the update
     */
    public static CallbackSecretUpdate relabel(String label) {
        return new CallbackSecretUpdate(label, null);
    }
}
