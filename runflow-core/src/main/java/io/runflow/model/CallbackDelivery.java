package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A delivery of a run's or a batch's callback, with its attempts ({@code GET /v1/runs/{id}/callback},
 * {@code POST /v1/runs/{id}/callback-redeliveries}, and their {@code /v1/batches/{id}/...} twins).
 *
 * @param id the delivery id
 * @param runId the run the callback is about, {@code null} for a batch callback
 * @param batchId the batch the callback is about, {@code null} for a run callback
 * @param callbackUrl where it was sent
 * @param payloadBytes the exact body that was sent (and signed)
 * @param signingSecretId the id of the secret that signed it, {@code null} if unsigned
 * @param automatic true for the delivery made when the run finished, false for a redelivery
 * @param statusCode the delivery's status, for example {@code succeeded} or {@code failed}
 * @param failureReasonCode why it failed, if it did
 * @param attemptCount attempts made so far
 * @param maxAttempts attempts the server will make at most
 * @param nextAttemptAt when the next attempt is due, {@code null} if none
 * @param createdAt when the delivery was created
 * @param completedAt when it stopped (delivered or given up)
 * @param attempts every attempt, oldest first; never {@code null}
 * @param raw the record as received
 */
public record CallbackDelivery(
        String id,
        String runId,
        String batchId,
        String callbackUrl,
        String payloadBytes,
        String signingSecretId,
        boolean automatic,
        String statusCode,
        String failureReasonCode,
        int attemptCount,
        int maxAttempts,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt,
        List<CallbackAttempt> attempts,
        JsonNode raw) {

    /** Checks the id and copies the attempts. */
    public CallbackDelivery {
        Objects.requireNonNull(id, "id");
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    @Override
    public String toString() {
        return "CallbackDelivery[id=" + id + (runId != null ? ", runId=" + runId : ", batchId=" + batchId) + ", status="
                + statusCode + ", attempts=" + attemptCount + "]";
    }
}
