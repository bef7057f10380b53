package io.runflow.errors;

import io.runflow.model.ApiError;

/** HTTP 403: the key may not do this ({@code PERMISSION_DENIED}, {@code EMAIL_NOT_VERIFIED}, ...); see {@link #code()}. */
public final class PermissionDeniedException extends RunflowApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param error the decoded error envelope
     * @param requestId the request id from the response headers, or {@code null}
     * @param message the full message
     */
    public PermissionDeniedException(int status, ApiError error, String requestId, String message) {
        super(status, error, requestId, message);
    }
}
