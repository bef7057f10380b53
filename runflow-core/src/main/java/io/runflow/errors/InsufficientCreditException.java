package io.runflow.errors;

import io.runflow.model.ApiError;

/** HTTP 402 ({@code INSUFFICIENT_CREDIT}): the organization's balance is too low; top up, then retry. */
public final class InsufficientCreditException extends RunflowApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param error the decoded error envelope
     * @param requestId the request id from the response headers, or {@code null}
     * @param message the full message
     */
    public InsufficientCreditException(int status, ApiError error, String requestId, String message) {
        super(status, error, requestId, message);
    }
}
