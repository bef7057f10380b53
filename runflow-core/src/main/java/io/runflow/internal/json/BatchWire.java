package io.runflow.internal.json;

import static io.runflow.internal.json.JsonFields.decimal;
import static io.runflow.internal.json.JsonFields.firstText;
import static io.runflow.internal.json.JsonFields.hasText;
import static io.runflow.internal.json.JsonFields.intValue;
import static io.runflow.internal.json.JsonFields.requestId;
import static io.runflow.internal.json.JsonFields.requireObject;
import static io.runflow.internal.json.JsonFields.requireText;
import static io.runflow.internal.json.JsonFields.text;
import static io.runflow.internal.json.JsonFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.model.Batch;
import io.runflow.model.BatchItem;
import io.runflow.model.BatchRequest;
import io.runflow.model.JsonValue;
import io.runflow.model.RunStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Reads and writes batches: a batch, its items, a batch callback's batch, the create body. Not
 * public API.
 */
public final class BatchWire {

    private BatchWire() {}

    /**
     * Reads a batch, from {@code POST /v1/models/{model}/batches} or {@code GET /v1/batches/{id}}.
     * The older guide's create answer ({@code {id, status_code, items_total}}) reads too.
     *
     * @param node a JSON object with at least {@code id}
     * @param headerRequestId the answer's {@code Runflow-Request-Id}, or {@code null}
     * @return the batch
     */
    public static Batch batch(JsonNode node, String headerRequestId) {
        requireObject(node, "batch");
        String statusCode = firstText(node, "status_code", "status");
        // Converted once: the items are read from the value the batch keeps as raw, not each again.
        JsonValue json = JsonValues.of(node);
        List<BatchItem> items = new ArrayList<>();
        for (JsonValue item : elements(json.path("items"))) {
            if (hasText(item, "id")) {
                items.add(batchItem(item));
            }
        }
        items.sort(Comparator.comparing(BatchItem::sequenceIndex, Comparator.nullsLast(Comparator.naturalOrder())));
        return Batch.builder()
                .id(requireText(node, "id", "batch"))
                .status(RunStatus.from(statusCode))
                .statusCode(statusCode)
                .targetType(text(node, "target_type"))
                .targetId(text(node, "target_id"))
                .itemsTotal(count(node, "items_total", items.size()))
                .itemsSucceeded(count(node, "items_succeeded", 0))
                .itemsFailed(count(node, "items_failed", 0))
                .itemsCancelled(count(node, "items_cancelled", 0))
                .items(items)
                .cost(decimal(node, "cost"))
                .output(json.path("output"))
                .metadata(json.path("metadata"))
                .callbackUrl(text(node, "callback_url"))
                .requestId(requestId(node, headerRequestId))
                .createdAt(timestamp(node, "created_at"))
                .startedAt(timestamp(node, "started_at"))
                .completedAt(timestamp(node, "completed_at"))
                .failure(RunWire.failure(node))
                .raw(json)
                .build();
    }

    /**
     * Reads a batch from a verified batch callback's body: {@code batch_id}, {@code status}, and the
     * {@code output} envelope {@code {items, succeeded, failed, cancelled, total}}.
     *
     * @param body the callback body, read into one value (the callback's {@code raw})
     * @param requestId the callback's {@code Runflow-Request-Id}, or {@code null}
     * @return the batch as the callback describes it
     */
    public static Batch batchFromCallback(JsonValue body, String requestId) {
        requireObject(body, "batch callback");
        String statusCode = firstText(body, "status");
        JsonValue output = body.path("output");
        List<BatchItem> items = new ArrayList<>();
        for (JsonValue item : elements(output.path("items"))) {
            if (hasText(item, "id")) {
                items.add(batchItem(item));
            }
        }
        return Batch.builder()
                .id(requireText(body, "batch_id", "batch callback"))
                .status(RunStatus.from(statusCode))
                .statusCode(statusCode)
                .itemsTotal(count(output, "total", items.size()))
                .itemsSucceeded(count(output, "succeeded", 0))
                .itemsFailed(count(output, "failed", 0))
                .itemsCancelled(count(output, "cancelled", 0))
                .items(items)
                .output(output)
                .metadata(body.path("metadata"))
                .requestId(requestId)
                .createdAt(timestamp(body, "created_at"))
                .completedAt(timestamp(body, "completed_at"))
                .raw(body)
                .build();
    }

    /** What iterating a Jackson node gives: an array's elements, an object's member values, else none. */
    private static Collection<JsonValue> elements(JsonValue value) {
        if (value instanceof JsonValue.JsonArray array) {
            return array.elements();
        } else if (value instanceof JsonValue.JsonObject object) {
            return object.members().values();
        }
        return List.of();
    }

    private static int count(JsonValue output, String field, int fallback) {
        Integer value = intValue(output, field);
        return value == null ? fallback : value;
    }

    /** A batch item, lean or full, from the value the answer or the callback was read into. */
    static BatchItem batchItem(JsonValue item) {
        String statusCode = firstText(item, "status_code", "status");
        JsonValue output = item.path("output");
        JsonValue run = item.path("run");
        return BatchItem.builder()
                .id(requireText(item, "id", "batch item"))
                .batchId(text(item, "batch_id"))
                .sequenceIndex(intValue(item, "sequence_index"))
                .runId(text(item, "run_id"))
                .status(RunStatus.from(statusCode))
                .statusCode(statusCode)
                .clientRef(text(item, "client_ref"))
                .input(item.path("input"))
                .cost(decimal(item, "cost"))
                .output(output instanceof JsonValue.JsonObject ? RunWire.outputOf(output) : null)
                .error(item.path("error"))
                .createdAt(timestamp(item, "created_at"))
                .startedAt(timestamp(item, "started_at"))
                .completedAt(timestamp(item, "completed_at"))
                .run(hasText(run, "id") ? RunWire.run(run, null) : null)
                .raw(item)
                .build();
    }

    private static int count(JsonNode node, String field, int fallback) {
        Integer value = intValue(node, field);
        return value == null ? fallback : value;
    }

    /**
     * Reads a batch item, lean (inside a batch) or full ({@code GET /v1/batches/{id}/items}).
     *
     * @param node a JSON object with at least {@code id}
     * @return the item
     */
    public static BatchItem batchItem(JsonNode node) {
        requireObject(node, "batch item");
        return batchItem(JsonValues.of(node));
    }

    /**
     * Writes the body of {@code POST /v1/models/{model}/batches}: {@code input} (each item with its
     * {@code client_ref} when set), and {@code metadata}, {@code callback_url} when set.
     *
     * @param request the request
     * @return the body
     */
    public static ObjectNode batchRequestBody(BatchRequest request) {
        ObjectNode body = RunflowJson.mapper().createObjectNode();
        ArrayNode input = body.putArray("input");
        request.inputs().forEach(item -> input.add(JsonValues.toNode(item.toWire())));
        if (!request.metadata().isNull()) {
            body.set("metadata", JsonValues.toNode(request.metadata()));
        }
        if (request.callbackUrl() != null) {
            body.put("callback_url", request.callbackUrl());
        }
        return body;
    }
}
