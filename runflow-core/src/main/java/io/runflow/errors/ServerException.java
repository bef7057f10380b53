package io.runflow.errors;

import io.runflow.RetryPolicy;
import io.runflow.model.ApiError;

/**
 * HTTP 5xx: Runflow failed or is unavailable. Retried by the {@link RetryPolicy} before it reaches you
 * when the call is safe to repeat; otherwise thrown at once, its message ending {@code "; not retried:
 * the request may have been applied, check before repeating it"}.
 */
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
