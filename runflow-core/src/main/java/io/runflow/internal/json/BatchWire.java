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
import static io.runflow.internal.json.JsonFields.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.model.Batch;
import io.runflow.model.BatchItem;
import io.runflow.model.BatchRequest;
import io.runflow.model.JsonValue;
import io.runflow.model.RunStatus;
import java.util.ArrayList;
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
        List<BatchItem> items = new ArrayList<>();
        for (JsonNode item : node.path("items")) {
            if (hasText(item, "id")) {
                items.add(batchItem(item));
            }
        }
        items.sort(Comparator.comparing(BatchItem::sequenceIndex, Comparator.nullsLast(Comparator.naturalOrder())));
        JsonValue json = JsonValues.of(node);
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
     * @param node the callback body
     * @param requestId the callback's {@code Runflow-Request-Id}, or {@code null}
     * @return the batch as the callback describes it
     */
    public static Batch batchFromCallback(JsonNode node, String requestId) {
        requireObject(node, "batch callback");
        String statusCode = firstText(node, "status");
        JsonNode output = node.path("output");
        List<BatchItem> items = new ArrayList<>();
        for (JsonNode item : output.path("items")) {
            if (hasText(item, "id")) {
                items.add(batchItem(item));
            }
        }
        JsonValue json = JsonValues.of(node);
        return Batch.builder()
                .id(requireText(node, "batch_id", "batch callback"))
                .status(RunStatus.from(statusCode))
                .statusCode(statusCode)
                .itemsTotal(count(output, "total", items.size()))
                .itemsSucceeded(count(output, "succeeded", 0))
                .itemsFailed(count(output, "failed", 0))
                .itemsCancelled(count(output, "cancelled", 0))
                .items(items)
                .output(json.path("output"))
                .metadata(json.path("metadata"))
                .requestId(requestId)
                .createdAt(timestamp(node, "created_at"))
                .completedAt(timestamp(node, "completed_at"))
                .raw(json)
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
        String statusCode = firstText(node, "status_code", "status");
        JsonNode output = tree(node, "output");
        JsonNode run = tree(node, "run");
        JsonValue json = JsonValues.of(node);
        return BatchItem.builder()
                .id(requireText(node, "id", "batch item"))
                .batchId(text(node, "batch_id"))
                .sequenceIndex(intValue(node, "sequence_index"))
                .runId(text(node, "run_id"))
                .status(RunStatus.from(statusCode))
                .statusCode(statusCode)
                .clientRef(text(node, "client_ref"))
                .input(json.path("input"))
                .cost(decimal(node, "cost"))
                .output(output == null || !output.isObject() ? null : RunWire.outputOf(json.path("output")))
                .error(json.path("error"))
                .createdAt(timestamp(node, "created_at"))
                .startedAt(timestamp(node, "started_at"))
                .completedAt(timestamp(node, "completed_at"))
                .run(hasText(run, "id") ? RunWire.run(run) : null)
                .raw(json)
                .build();
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
