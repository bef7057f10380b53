package io.runflow.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.runflow.internal.json.BatchWire;
import io.runflow.internal.json.JsonValues;
import io.runflow.model.ApiError;
import io.runflow.model.Batch;
import io.runflow.model.Run;
import io.runflow.model.RunFailure;
import io.runflow.model.RunOutput;
import io.runflow.model.RunStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A verified callback: what Runflow POSTs to a run's {@code callback_url} when the run reaches a
 * terminal state, or, with {@link #batchId()} instead of {@link #runId()}, when a batch is done.
 * Obtained from {@link WebhookVerifier#verify(byte[], String)}; there is deliberately no public way
 * to read one from bytes without checking the signature.
 *
 * <p>Hand it to {@code runflow.callbacks().accept(callback.toRun())} to finish every wait on the run at once.
 *
 * @param event the event; {@link CallbackEvent#UNKNOWN} for a value this SDK does not know
 * @param eventName the raw {@code event} as sent, for example {@code run.completed}
 * @param runId the run id ({@code run_id}); {@code null} for a batch callback
 * @param batchId the batch id ({@code batch_id}); {@code null} for a run callback
 * @param status the terminal status; when the body has no {@code status}, the one the event stands
 *     for
 * @param statusCode the raw {@code status} as sent; {@code null} when absent
 * @param output the output of a run that succeeded (fully or partially); {@code null} otherwise
 * @param error the error envelope a failed run's {@code output} carries; {@code null} otherwise
 * @param duration the total run time, from {@code duration_ms}; {@code null} when absent
 * @param createdAt when the run was created; {@code null} when absent
 * @param completedAt when it reached its terminal state; {@code null} when absent
 * @param metadata the metadata given at creation, verbatim; a missing node when absent or null
 * @param requestId the {@code Runflow-Request-Id} header, for log correlation; {@code null} when not
 *     given
 * @param raw the whole body as received
 */
public record RunCallback(
        CallbackEvent event,
        String eventName,
        String runId,
        String batchId,
        RunStatus status,
        String statusCode,
        RunOutput output,
        ApiError error,
        Duration duration,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt,
        JsonNode metadata,
        String requestId,
        JsonNode raw) {

    /**
     * Checks the required values and normalises absent JSON nodes to missing nodes.
     *
     * @throws IllegalArgumentException if neither {@code runId} nor {@code batchId} is given
     */
    public RunCallback {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(status, "status");
        if (runId == null && batchId == null) {
            throw new IllegalArgumentException("a callback needs a runId or a batchId");
        }
        metadata = metadata == null ? MissingNode.getInstance() : metadata;
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /** Returns {@code metadata} as a copy, so that no consumer of the callback can change it for another. */
    @Override
    public JsonNode metadata() {
        return metadata.deepCopy();
    }

    /** Returns {@code raw} as a copy, so that no consumer of the callback can change it for another. */
    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    /**
     * Tells whether this is a batch callback rather than a run callback.
     *
     * @return true when the callback has no run id
     */
    public boolean isBatch() {
        return runId == null;
    }

    /**
     * Returns the run's state as this callback describes it, so that waits can complete from it.
     * Fields a callback does not carry (model, input, cost, ...) are {@code null}; a failed run's
     * failure comes from the error envelope.
     *
     * @return the run
     * @throws IllegalStateException for a batch callback, which describes no single run
     */
    public Run toRun() {
        if (runId == null) {
            throw new IllegalStateException("batch callback " + batchId + " describes no single run");
        }
        RunFailure failure = error == null ? null : new RunFailure(error.code(), null, error.message());
        return Run.builder()
                .id(runId)
                .status(status)
                .statusCode(statusCode != null ? statusCode : status.value())
                .output(output)
                .duration(duration)
                .metadata(JsonValues.of(metadata))
                .batchId(batchId)
                .createdAt(createdAt)
                .completedAt(completedAt)
                .failure(failure)
                .raw(JsonValues.of(raw))
                .build();
    }

    /**
     * Returns the batch's state as this batch callback describes it, so that {@code
     * batches().await(..)} can complete from it: id, status, and the counts and lean items of the
     * {@code output} envelope {@code {items, succeeded, failed, cancelled, total}}. Fields a callback
     * does not carry (target, cost, callback URL, ...) are {@code null}.
     *
     * @return the batch
     * @throws IllegalStateException for a run callback
     */
    public Batch toBatch() {
        if (batchId == null || runId != null) {
            throw new IllegalStateException("run callback " + runId + " describes no batch");
        }
        return BatchWire.batchFromCallback(raw, requestId);
    }

    @Override
    public String toString() {
        return "RunCallback[event=" + eventName + ", " + (runId != null ? "runId=" + runId : "batchId=" + batchId)
                + ", status=" + status + ", requestId=" + requestId + "]";
    }
}
