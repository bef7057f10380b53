package io.runflow.errors;

/**
 * The root of every exception the SDK throws for a failed call or wait. Unchecked. Messages never
 * contain the API key or a webhook secret.
 */
public class RunflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what went wrong
     */
    public RunflowException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public RunflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
