package io.runflow.errors;

import io.runflow.model.ApiError;

/** HTTP 404: no such run ({@code RUN_NOT_FOUND}), model or resource, or it belongs to another organization. */
public final class NotFoundException extends RunflowApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param error the decoded error envelope
     * @param requestId the request id from the response headers, or {@code null}
     * @param message the full message
     */
    public NotFoundException(int status, ApiError error, String requestId, String message) {
        super(status, error, requestId, message);
    }
}
