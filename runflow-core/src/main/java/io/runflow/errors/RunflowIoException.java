package io.runflow.errors;

/**
 * The request did not complete: connection refused or reset, timeout, DNS failure, or an interrupted
 * wait. Whether the server acted on it is unknown; creates are safe to retry because they carry an
 * {@code Idempotency-Key}.
 */
public final class RunflowIoException extends RunflowException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, for example {@code GET /v1/runs/{id}: connection refused}
     * @param cause the I/O failure
     */
    public RunflowIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
