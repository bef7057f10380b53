package io.runflow.errors;

import io.runflow.model.ApiError;

/** HTTP 422: the input failed validation; {@link #errors()} names the fields. */
public final class UnprocessableEntityException extends RunflowApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param error the decoded error envelope
     * @param requestId the request id from the response headers, or {@code null}
     * @param message the full message
     */
    public UnprocessableEntityException(int status, ApiError error, String requestId, String message) {
        super(status, error, requestId, message);
    }
}
