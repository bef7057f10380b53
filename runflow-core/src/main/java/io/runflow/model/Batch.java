package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A batch: one model run over many inputs, as {@code POST /v1/models/{model}/batches} and {@code GET
 * /v1/batches/{id}} return it, or as a batch callback describes it. Its items are lean ({@code id},
 * {@code sequence_index}, {@code run_id}, {@code status_code}, {@code client_ref}), meant for
 * polling; {@code Batches.items(..)} reads them in full.
 *
 * <p>A batch ends {@link RunStatus#SUCCEEDED} when every item succeeded, {@link RunStatus#FAILED} when
 * none did, {@link RunStatus#PARTIAL_SUCCEEDED} when some did, and {@link RunStatus#CANCELED} when it
 * was cancelled. Fields the server leaves out are {@code null} (counts: 0).
 *
 * @param id the batch id
 * @param status the status; {@link RunStatus#UNKNOWN} for a value this SDK does not know
 * @param statusCode the raw {@code status_code}
 * @param targetType what runs, for example {@code model}
 * @param targetId the id of the model that runs
 * @param itemsTotal how many items the batch has
 * @param itemsSucceeded how many succeeded so far
 * @param itemsFailed how many failed so far
 * @param itemsCancelled how many were cancelled so far
 * @param items the lean items, in sequence order; empty if not given
 * @param cost what the batch cost so far, from the decimal string {@code cost}
 * @param output the batch output as sent, or missing
 * @param metadata the metadata given at creation, or missing
 * @param callbackUrl where the batch callback goes
 * @param requestId the request id: the body's {@code request_id}, else the {@code Runflow-Request-Id}
 *     header of the answer, else {@code null}
 * @param createdAt when the batch was created
 * @param startedAt when its first item started
 * @param completedAt when its last item finished
 * @param failure why the batch as a whole failed, if the server says
 * @param raw the batch as received
 */
public record Batch(
        String id,
        RunStatus status,
        String statusCode,
        String targetType,
        String targetId,
        int itemsTotal,
        int itemsSucceeded,
        int itemsFailed,
        int itemsCancelled,
        List<BatchItem> items,
        BigDecimal cost,
        JsonNode output,
        JsonNode metadata,
        String callbackUrl,
        String requestId,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        RunFailure failure,
        JsonNode raw) {

    /** Checks the id and status, copies the items and normalises absent JSON nodes. */
    public Batch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        items = items == null ? List.of() : List.copyOf(items);
        output = output == null ? MissingNode.getInstance() : output;
        metadata = metadata == null ? MissingNode.getInstance() : metadata;
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /** Returns {@code output} as a copy: records are shared (one batch reaches every wait on it). */
    @Override
    public JsonNode output() {
        return output.deepCopy();
    }

    /** Returns {@code metadata} as a copy. */
    @Override
    public JsonNode metadata() {
        return metadata.deepCopy();
    }

    /** Returns {@code raw} as a copy. */
    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    /**
     * Tells whether the batch will change no more.
     *
     * @return {@code status().isTerminal()}
     */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /**
     * Returns how many items have not finished yet.
     *
     * @return {@code itemsTotal - succeeded - failed - cancelled}, never negative
     */
    public int itemsPending() {
        return Math.max(0, itemsTotal - itemsSucceeded - itemsFailed - itemsCancelled);
    }

    @Override
    public String toString() {
        return "Batch[id=" + id + ", status=" + statusCode + ", items=" + itemsSucceeded + "/" + itemsFailed + "/"
                + itemsCancelled + " of " + itemsTotal + "]";
    }
}
