package io.runflow.errors;

import io.runflow.model.ApiError;

/** HTTP 409 ({@code CONFLICT}): a race or a duplicate create, or an {@code Idempotency-Key} reused with a different body. */
public final class ConflictException extends RunflowApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param error the decoded error envelope
     * @param requestId the request id from the response headers, or {@code null}
     * @param message the full message
     */
    public ConflictException(int status, ApiError error, String requestId, String message) {
        super(status, error, requestId, message);
    }
}
