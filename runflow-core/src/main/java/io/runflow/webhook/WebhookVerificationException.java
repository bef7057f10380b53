package io.runflow.webhook;

import io.runflow.errors.RunflowException;
import java.util.Objects;

/**
 * A callback that did not pass {@link WebhookVerifier#verify(byte[], String)}. An endpoint does not
 * act on the body and answers {@link Reason#httpStatus()}: {@code 401} for a missing, malformed or
 * mismatched signature, {@code 400} for a body that is not a callback, {@code 413} for one that is
 * too large. The message says what was wrong but never contains a secret or the expected signature.
 */
public final class WebhookVerificationException extends RunflowException {

    private static final long serialVersionUID = 1L;

    /** Why a callback was rejected, in the order the verifier checks. */
    public enum Reason {
        /** The body is larger than the verifier's {@code maxBodySize}; it was not hashed. */
        BODY_TOO_LARGE(413),
        /** No {@code Runflow-Signature} header, or a blank one. */
        MISSING_SIGNATURE(401),
        /** The header is not 64 hex characters after trimming white space. */
        MALFORMED_SIGNATURE(401),
        /** The signature matches the body under none of the configured secrets. */
        SIGNATURE_MISMATCH(401),
        /** The signature is valid, but the body is not JSON or lacks {@code event} or the run/batch id. */
        BODY_NOT_A_CALLBACK(400);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /**
         * Returns what a webhook endpoint answers for this reason.
         *
         * @return 401, 400 or 413
         */
        public int httpStatus() {
            return httpStatus;
        }
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
