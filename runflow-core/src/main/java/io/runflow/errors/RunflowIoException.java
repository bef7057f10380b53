package io.runflow.errors;

/**
 * The request did not complete: connection refused or reset, timeout, DNS failure, or an interrupted
 * wait.
 *
 * <p>Most such failures are ambiguous: the request may have reached Runflow and been applied before
 * the answer was lost. {@link #mayHaveReachedServer()} is false only when the transport knows the
 * request never left the client (the connection was refused, the connect timed out, the host did not
 * resolve). The {@link io.runflow.RetryPolicy} retries an ambiguous failure only for calls that are
 * safe to repeat.
 */
public final class RunflowIoException extends RunflowException {

    private static final long serialVersionUID = 1L;

    // Stored inverted so that an instance serialized before this field existed reads as ambiguous.
    private final boolean neverSent;

    /**
     * Creates the exception for a failure after which the request may have reached the server.
     *
     * @param message what failed, for example {@code GET /v1/runs/{id}: connection reset}
     * @param cause the I/O failure
     */
    public RunflowIoException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private RunflowIoException(String message, Throwable cause, boolean neverSent) {
        super(message, cause);
        this.neverSent = neverSent;
    }

    /**
     * Creates the exception for a request that provably never reached the server, such as a refused
     * connection or a connect timeout: repeating it cannot apply it twice.
     *
     * @param message what failed, for example {@code POST /v1/callback-secrets: ConnectException}
     * @param cause the I/O failure
     * @return the exception, whose {@link #mayHaveReachedServer()} is false
     */
    public static RunflowIoException neverSent(String message, Throwable cause) {
        return new RunflowIoException(message, cause, true);
    }

    /**
     * Tells whether the server may have received, and acted on, the request.
     *
     * @return false only when the request provably never left the client; true when unknown
     */
    public boolean mayHaveReachedServer() {
        return !neverSent;
    }
}
