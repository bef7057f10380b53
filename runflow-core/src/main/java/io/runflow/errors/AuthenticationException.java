package io.runflow.errors;

import io.runflow.model.ApiError;

/** HTTP 401 ({@code UNAUTHORIZED}): the API key is missing, invalid or revoked. */
public final class AuthenticationException extends RunflowApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param error the decoded error envelope
     * @param requestId the request id from the response headers, or {@code null}
     * @param message the full message
     */
    public AuthenticationException(int status, ApiError error, String requestId, String message) {
        super(status, error, requestId, message);
    }
}
