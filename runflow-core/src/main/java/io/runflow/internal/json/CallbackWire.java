package io.runflow.internal.json;

import io.runflow.model.ApiError;
import io.runflow.model.FieldError;
import io.runflow.model.JsonValue;
import io.runflow.model.RunOutput;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parts of a callback body that was read straight into a {@link JsonValue} (one tree, the
 * callback's {@code raw}): the twins of what a Jackson tree gave {@code io.runflow.webhook}'s reader
 * through {@link JsonFields}, {@link RunWire#output} and {@link ApiErrors#apiError}, with the
 * same results for every body those read (the batch a batch callback describes is {@link
 * BatchWire#batchFromCallback}'s). Not public API.
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
}
