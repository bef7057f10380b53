package io.runflow.errors;

/**
 * A 2xx response whose body could not be read as the documented shape. The message names the
 * endpoint and what was wrong; the Jackson error is the cause.
 */
public final class RunflowDecodingException extends RunflowException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the endpoint and the problem
     * @param cause the parsing failure
     */
    public RunflowDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
