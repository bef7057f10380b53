package io.runflow.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP attempt of a callback delivery.
 *
 * @param number 1, 2 or 3
 * @param statusCode the receiver's HTTP status, or 0 when there was no answer (network error)
 * @param responseBody the start of the receiver's answer, empty when there was none
 * @param error the I/O error when there was no answer, else null
 * @param attemptedAt when the attempt started, on the server clock
 * @param responseTime how long the receiver took (real time)
 */
public record RecordedCallbackAttempt(
        int number, int statusCode, String responseBody, String error, Instant attemptedAt, Duration responseTime) {

    /** Checks the required values. */
    public RecordedCallbackAttempt {
        Objects.requireNonNull(responseBody, "responseBody");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(responseTime, "responseTime");
    }

    /**
     * Tells whether the receiver answered 2xx.
     *
     * @return true when this attempt delivered the callback
     */
    public boolean succeeded() {
        return statusCode >= 200 && statusCode < 300;
    }
}
