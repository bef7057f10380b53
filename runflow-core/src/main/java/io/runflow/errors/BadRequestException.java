package io.runflow.errors;

import io.runflow.model.ApiError;

/** HTTP 400: the request's shape is wrong (for example malformed JSON); fix the request, do not retry. */
public final class BadRequestException extends RunflowApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param error the decoded error envelope
     * @param requestId the request id from the response headers, or {@code null}
     * @param message the full message
     */
    public BadRequestException(int status, ApiError error, String requestId, String message) {
        super(status, error, requestId, message);
    }
}
