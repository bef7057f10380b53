package io.runflow.errors;

import io.runflow.RetryPolicy;
import io.runflow.model.ApiError;

/** HTTP 5xx: Runflow failed or is unavailable; retried by the {@link RetryPolicy} before it reaches you. */
public final class ServerException extends RunflowApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param error the decoded error envelope
     * @param requestId the request id from the response headers, or {@code null}
     * @param message the full message
     */
    public ServerException(int status, ApiError error, String requestId, String message) {
        super(status, error, requestId, message);
    }
}
