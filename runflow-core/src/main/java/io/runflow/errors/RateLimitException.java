package io.runflow.errors;

import io.runflow.RetryPolicy;
import io.runflow.model.ApiError;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429 ({@code RATE_LIMITED}): too many requests; retried by the {@link RetryPolicy} before it
 * reaches you.
 */
public final class RateLimitException extends RunflowApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status (429)
     * @param error the decoded error envelope
     * @param requestId the request id from the response headers, or {@code null}
     * @param message the full message
     * @param retryAfter the server's {@code Retry-After}, or {@code null} (Runflow currently sends none)
     */
    public RateLimitException(int status, ApiError error, String requestId, String message, Duration retryAfter) {
        super(status, error, requestId, message);
        this.retryAfter = retryAfter;
    }

    /**
     * Returns the delay the server asked for.
     *
     * @return the {@code Retry-After} in seconds form, or empty when not sent
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
