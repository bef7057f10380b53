package io.runflow.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one run as the fake holds it, for assertions in tests. Values that the run does not
 * have (yet) are null.
 *
 * @param id the run id
 * @param model the model id from the create path, e.g. {@code black-forest-labs/flux-1-1-pro-ultra}
 * @param status the {@code status_code}: {@code queued}, {@code dispatching}, {@code running}, {@code
 *     succeeded}, {@code failed} or {@code canceled}
 * @param input the {@code input} object as received (a copy)
 * @param metadata the {@code metadata} object, or null
 * @param callbackUrl the {@code callback_url}, or null
 * @param clientRef the {@code client_ref}, or null
 * @param idempotencyKey the {@code Idempotency-Key} header of the create, or null
 * @param seed the seed used: the input's, else a generated one
 * @param createdAt when the create was accepted, on the server clock
 * @param completedAt when the run became terminal, or null
 * @param failureCode the {@code failure_code} of a failed run, or null
 * @param failureMessage the {@code failure_message} of a failed run, or null
 */
public record FakeRun(
        String id,
        String model,
        String status,
        JsonNode input,
        JsonNode metadata,
        String callbackUrl,
        String clientRef,
        String idempotencyKey,
        long seed,
        Instant createdAt,
        Instant completedAt,
        String failureCode,
        String failureMessage) {

    /** Checks the required values. */
    public FakeRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Tells whether the run reached a terminal status.
     *
     * @return true for succeeded, failed and canceled
     */
    public boolean isTerminal() {
        return status.equals("succeeded") || status.equals("failed") || status.equals("canceled");
    }
}
