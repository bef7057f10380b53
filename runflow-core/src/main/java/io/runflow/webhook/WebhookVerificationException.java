package io.runflow.webhook;

import io.runflow.RunflowException;
import java.util.Objects;

/**
 * A callback that did not pass {@link WebhookVerifier#verify(byte[], String)}. An endpoint answers
 * it with {@code 400} (or {@code 413} for {@link Reason#BODY_TOO_LARGE}) and does not act on the
 * body. The message says what was wrong but never contains a secret or the expected signature.
 */
public final class WebhookVerificationException extends RunflowException {

    private static final long serialVersionUID = 1L;

    /** Why a callback was rejected, in the order the verifier checks. */
    public enum Reason {
        /** The body is larger than the verifier's {@code maxBodySize}; it was not hashed. */
        BODY_TOO_LARGE,
        /** No {@code Runflow-Signature} header, or a blank one. */
        MISSING_SIGNATURE,
        /** The header is not 64 hex characters after trimming white space. */
        MALFORMED_SIGNATURE,
        /** The signature matches the body under none of the configured secrets. */
        SIGNATURE_MISMATCH,
        /** The signature is valid, but the body is not JSON or lacks {@code event} or the run/batch id. */
        BODY_NOT_A_CALLBACK
    }

    private final Reason reason;

    WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    WebhookVerificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns why the callback was rejected.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
