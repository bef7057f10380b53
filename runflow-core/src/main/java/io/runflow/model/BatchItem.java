package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One item of a batch. In a {@link Batch} it is lean (id, sequence index, run id, status, client
 * reference); {@code GET /v1/batches/{id}/items[/{item}]} fill in the rest, the item's full {@link
 * #run()} included. Fields the server leaves out are {@code null}.
 *
 * @param id the item id
 * @param batchId the batch it belongs to, {@code null} in a lean item
 * @param sequenceIndex the item's place in the batch's {@code input} array, from 0
 * @param runId the id of the item's run
 * @param status the item's status
 * @param statusCode the raw {@code status_code}
 * @param clientRef the item's {@code client_ref}
 * @param input the item's input, or missing
 * @param cost what the item cost
 * @param output the item's output, {@code null} until it succeeds
 * @param error the item's {@code error} object as sent, or missing
 * @param createdAt when it was created
 * @param startedAt when its run started
 * @param completedAt when its run finished
 * @param run the item's full run, {@code null} in a lean item
 * @param raw the item as received
 */
public record BatchItem(
        String id,
        String batchId,
        Integer sequenceIndex,
        String runId,
        RunStatus status,
        String statusCode,
        String clientRef,
        JsonNode input,
        BigDecimal cost,
        RunOutput output,
        JsonNode error,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        Run run,
        JsonNode raw) {

    /** Checks the id and status and normalises absent JSON nodes. */
    public BatchItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        input = input == null ? MissingNode.getInstance() : input;
        error = error == null ? MissingNode.getInstance() : error;
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /** Returns {@code input} as a copy. */
    @Override
    public JsonNode input() {
        return input.deepCopy();
    }

    /** Returns {@code error} as a copy. */
    @Override
    public JsonNode error() {
        return error.deepCopy();
    }

    /** Returns {@code raw} as a copy. */
    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    @Override
    public String toString() {
        return "BatchItem[id=" + id + ", index=" + sequenceIndex + ", runId=" + runId + ", status=" + statusCode + "]";
    }
}
