package io.runflow.errors;

import io.runflow.model.ApiError;
import io.runflow.model.FieldError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API answered with an error status. Subclasses exist where callers branch (400, 401, 402, 403,
 * 404, 409, 422, 429, 5xx); other statuses are this class itself.
 *
 * <p>The message reads {@code 401 UNAUTHORIZED: <server message> (request-id: <id>)}.
 */
public class RunflowApiException extends RunflowException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ApiError error;
    private final String requestId;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param error the decoded error envelope
     * @param requestId the request id from the response headers, or {@code null}
     * @param message the full message
     */
    public RunflowApiException(int status, ApiError error, String requestId, String message) {
        super(message);
        this.status = status;
        this.error = Objects.requireNonNull(error, "error");
        this.requestId = requestId;
    }

    /**
     * Returns the HTTP status.
     *
     * @return for example 404
     */
    public int status() {
        return status;
    }

    /**
     * Returns the machine-readable error code.
     *
     * @return for example {@code RUN_NOT_FOUND}; {@code null} if the body was not the error envelope
     */
    public String code() {
        return error == null ? null : error.code();
    }

    /**
     * Returns the field-level details, mostly for 422.
     *
     * @return the details; empty, never {@code null}
     */
    public List<FieldError> errors() {
        return error == null ? List.of() : error.errors();
    }

    /**
     * Returns the decoded error envelope.
     *
     * @return the envelope
     */
    public ApiError error() {
        return error;
    }

    /**
     * Returns the request id, to quote to Runflow's support.
     *
     * @return the id from the response headers, or empty
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
