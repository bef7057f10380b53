package io.runflow.model;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One HTTP attempt of a callback delivery.
 *
 * @param id the attempt id
 * @param attemptNumber 1 for the first attempt
 * @param httpStatus the HTTP status your endpoint answered, {@code null} on a network error
 * @param responseBody what your endpoint answered (possibly truncated by the server)
 * @param responseTime how long your endpoint took, {@code null} if not recorded
 * @param errorMessage the network error, if any
 * @param createdAt when the attempt was made
 */
public record CallbackAttempt(
        String id,
        int attemptNumber,
        Integer httpStatus,
        String responseBody,
        Duration responseTime,
        String errorMessage,
        OffsetDateTime createdAt) {}
