package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A run of a model, as {@code POST /v1/models/{model}/runs}, {@code GET /v1/runs/{id}} and the run
 * list return it.
 *
 * <p>Fields the server leaves out or sends as {@code null} are {@code null} here, except {@link
 * #input()}, {@link #metadata()} and {@link #raw()}, which are JSON nodes (missing when absent).
 * Fields this SDK does not model stay reachable through {@link #raw()}.
 *
 * @param id the run id (opaque string)
 * @param status the status; {@link RunStatus#UNKNOWN} for a value this SDK does not know
 * @param statusCode the raw {@code status_code} as sent
 * @param modelId the id of the model that runs
 * @param targetType what runs, for example {@code model}
 * @param orgId the organization the run belongs to
 * @param input the model input as submitted
 * @param output the output; {@code null} until the run succeeds
 * @param cost what the run cost, from the decimal string {@code cost}
 * @param duration the total run time, from {@code duration_ms}
 * @param clientRef the caller's correlation reference
 * @param callbackUrl where the terminal callback goes
 * @param metadata the metadata given at creation
 * @param batchId the batch this run belongs to, if any
 * @param requestId the request id the server recorded for the create
 * @param createdAt when the run was created
 * @param startedAt when it started executing
 * @param completedAt when it reached a terminal state
 * @param failure why it failed; {@code null} unless a failure field is present
 * @param raw the run as received
 */
public record Run(
        String id,
        RunStatus status,
        String statusCode,
        String modelId,
        String targetType,
        String orgId,
        JsonNode input,
        RunOutput output,
        BigDecimal cost,
        Duration duration,
        String clientRef,
        String callbackUrl,
        JsonNode metadata,
        String batchId,
        String requestId,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        RunFailure failure,
        JsonNode raw) {

    /** Checks the id and status, and normalises absent JSON nodes to missing nodes. */
    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        input = input == null ? MissingNode.getInstance() : input;
        metadata = metadata == null ? MissingNode.getInstance() : metadata;
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /** Returns {@code input} as a copy: records are shared (one run reaches every wait on it). */
    @Override
    public JsonNode input() {
        return input == null ? null : input.deepCopy();
    }

    /** Returns {@code metadata} as a copy: records are shared (one run reaches every wait on it). */
    @Override
    public JsonNode metadata() {
        return metadata == null ? null : metadata.deepCopy();
    }

    /** Returns {@code raw} as a copy: records are shared (one run reaches every wait on it). */
    @Override
    public JsonNode raw() {
        return raw == null ? null : raw.deepCopy();
    }

    /**
     * Tells whether the run will change no more.
     *
     * @return {@code status().isTerminal()}
     */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    @Override
    public String toString() {
        return "Run[id=" + id + ", status=" + statusCode + "]";
    }
}
