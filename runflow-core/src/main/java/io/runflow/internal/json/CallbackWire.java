package io.runflow.internal.json;

import io.runflow.model.ApiError;
import io.runflow.model.Batch;
import io.runflow.model.BatchItem;
import io.runflow.model.FieldError;
import io.runflow.model.JsonValue;
import io.runflow.model.RunOutput;
import io.runflow.model.RunStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads the parts of a callback body that was read straight into a {@link JsonValue} (one tree, the
 * callback's {@code raw}): the twins of what a Jackson tree gave {@code io.runflow.webhook}'s reader
 * through {@link JsonFields}, {@link RunWire#output}, {@link ApiErrors#apiError} and {@link
 * BatchWire#batchFromCallback}, with the same results for every body those read. Not public API.
 */
public final class CallbackWire {

    private CallbackWire() {}

    /**
     * Reads a scalar member as text, as {@link JsonFields#text(com.fasterxml.jackson.databind.JsonNode,
     * String)} reads the tree.
     *
     * @param body the object
     * @param field the member name
     * @return the text, or {@code null} when absent, {@code null} or a container
     */
    public static String text(JsonValue body, String field) {
        return JsonFields.text(body, field);
    }

    /**
     * Reads a whole number of milliseconds.
     *
     * @param body the object
     * @param field the member name, such as {@code duration_ms}
     * @return the duration, or {@code null} when absent or not a whole number
     */
    public static Duration millis(JsonValue body, String field) {
        return JsonFields.millis(body, field);
    }

    /**
     * Reads a timestamp, the API's own form without a formatter.
     *
     * @param body the object
     * @param field the member name
     * @return the timestamp, or {@code null} when absent or unparseable
     */
    public static OffsetDateTime timestamp(JsonValue body, String field) {
        return JsonFields.timestamp(body, field);
    }

    /**
     * Reads a run's output.
     *
     * @param output the {@code output} object
     * @return the output
     */
    public static RunOutput output(JsonValue output) {
        return RunWire.outputOf(output);
    }

    /**
     * Reads the error envelope, tolerating the nested {@code {"error": {...}}} form, as {@link
     * ApiErrors#apiError} reads the tree.
     *
     * @param body the value, which may be anything
     * @return the error; with {@code null} code and message if the value was not the envelope
     */
    public static ApiError apiError(JsonValue body) {
        if (!(body instanceof JsonValue.JsonObject object)) {
            return new ApiError(null, null, List.of());
        }
        JsonValue envelope = object.members().containsKey("code")
                        || object.members().containsKey("message")
                        || !(body.path("error") instanceof JsonValue.JsonObject)
                ? body
                : body.path("error");
        List<FieldError> errors = new ArrayList<>();
        if (envelope.path("errors") instanceof JsonValue.JsonArray details) {
            for (JsonValue detail : details.elements()) {
                errors.add(fieldError(detail));
            }
        }
        return new ApiError(text(envelope, "code"), JsonFields.firstText(envelope, "message", "detail"), errors);
    }

    private static FieldError fieldError(JsonValue detail) {
        if (!(detail instanceof JsonValue.JsonObject)) {
            // A tree's value node (a scalar or null) gives its text; an array none.
            return new FieldError(null, detail instanceof JsonValue.JsonArray ? null : asText(detail), detail);
        }
        String field = JsonFields.firstText(detail, "field", "path", "name");
        if (field == null && detail.path("loc") instanceof JsonValue.JsonArray loc) {
            StringBuilder joined = new StringBuilder();
            for (JsonValue part : loc.elements()) {
                if (joined.length() > 0) {
                    joined.append('.');
                }
                joined.append(asText(part));
            }
            field = joined.toString();
        }
        return new FieldError(field, JsonFields.firstText(detail, "message", "msg"), detail);
    }

    /** Jackson's {@code asText()} of the node the value was read from: empty for a container. */
    private static String asText(JsonValue value) {
        if (value instanceof JsonValue.JsonNull) {
            return "null";
        } else if (value instanceof JsonValue.JsonNumber number) {
            BigDecimal decimal = number.value();
            return decimal.scale() == 0 ? decimal.toString() : Double.toString(decimal.doubleValue());
        } else if (value instanceof JsonValue.JsonString string) {
            return string.value();
        } else if (value instanceof JsonValue.JsonBoolean bool) {
            return bool.value() ? "true" : "false";
        }
        return "";
    }

    /**
     * Reads the batch a batch callback describes, as {@link BatchWire#batchFromCallback} reads the
     * tree: the counts and items from {@code output}.
     *
     * @param body the callback body, an object with {@code batch_id}
     * @param requestId the callback's {@code Runflow-Request-Id}, or {@code null}
     * @return the batch
     */
    public static Batch batchFromCallback(JsonValue body, String requestId) {
        JsonFields.requireObject(body, "batch callback");
        String statusCode = JsonFields.firstText(body, "status");
        JsonValue output = body.path("output");
        List<BatchItem> items = new ArrayList<>();
        for (JsonValue item : elements(output.path("items"))) {
            if (hasText(item, "id")) {
                items.add(batchItem(item));
            }
        }
        return Batch.builder()
                .id(JsonFields.requireText(body, "batch_id", "batch callback"))
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
        Integer value = JsonFields.intValue(output, field);
        return value == null ? fallback : value;
    }

    private static boolean hasText(JsonValue value, String field) {
        if (!(value instanceof JsonValue.JsonObject)) {
            return false;
        }
        String text = text(value, field);
        return text != null && !text.isBlank();
    }

    /** A batch item as {@link BatchWire#batchItem} reads the tree. */
    private static BatchItem batchItem(JsonValue item) {
        String statusCode = JsonFields.firstText(item, "status_code", "status");
        JsonValue output = item.path("output");
        JsonValue run = item.path("run");
        return BatchItem.builder()
                .id(JsonFields.requireText(item, "id", "batch item"))
                .batchId(text(item, "batch_id"))
                .sequenceIndex(JsonFields.intValue(item, "sequence_index"))
                .runId(text(item, "run_id"))
                .status(RunStatus.from(statusCode))
                .statusCode(statusCode)
                .clientRef(text(item, "client_ref"))
                .input(item.path("input"))
                .cost(JsonFields.decimal(item, "cost"))
                .output(output instanceof JsonValue.JsonObject ? RunWire.outputOf(output) : null)
                .error(item.path("error"))
                .createdAt(timestamp(item, "created_at"))
                .startedAt(timestamp(item, "started_at"))
                .completedAt(timestamp(item, "completed_at"))
                .run(hasText(run, "id") ? RunWire.run(run, null) : null)
                .raw(item)
                .build();
    }
}
