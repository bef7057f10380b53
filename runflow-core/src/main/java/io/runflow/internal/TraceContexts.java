package io.runflow.internal;

import io.runflow.model.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The trace context a run's create stores in the run's metadata, under one reserved key, so that the
 * run's callback can continue the trace: written by the client, read by the webhook endpoint once a
 * callback's signature has verified.
 */
public final class TraceContexts {

    /** The reserved metadata key; {@code RunflowClient.TRACE_CONTEXT_METADATA_KEY} documents it. */
    public static final String KEY = "_runflow_trace";

    /** Longest value kept per field: a {@code traceparent} is 55 characters, a {@code tracestate} at most 512. */
    private static final int MAX_VALUE_LENGTH = 1024;

    private static final Function<String, String> NONE = field -> null;

    private TraceContexts() {}

    /**
     * Tells whether metadata already holds the reserved key.
     *
     * @param metadata a request's metadata: an object or JSON null
     * @return true if the key is present
     */
    public static boolean hasKey(JsonValue metadata) {
        return metadata instanceof JsonValue.JsonObject object
                && object.members().containsKey(KEY);
    }

    /**
     * Returns the metadata with the trace context added under the reserved key.
     *
     * @param metadata the caller's metadata, an object or JSON null, kept as it is
     * @param fields the trace context's fields, for example {@code traceparent}
     * @return a new object
     */
    public static JsonValue.JsonObject with(JsonValue metadata, Map<String, String> fields) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        if (metadata instanceof JsonValue.JsonObject object) {
            members.putAll(object.members());
        }
        Map<String, JsonValue> context = new LinkedHashMap<>();
        fields.forEach((name, value) -> context.put(name, new JsonValue.JsonString(value)));
        members.put(KEY, new JsonValue.JsonObject(context));
        return new JsonValue.JsonObject(members);
    }

    /**
     * Returns a reader of the trace context stored in metadata: string fields only, of bounded length;
     * nothing for metadata without the key.
     *
     * @param metadata a verified callback's metadata
     * @return the field's value by name, or {@code null}
     */
    public static Function<String, String> reader(JsonValue metadata) {
        if (!(metadata instanceof JsonValue.JsonObject object)
                || !(object.members().get(KEY) instanceof JsonValue.JsonObject context)) {
            return NONE;
        }
        return field -> context.members().get(field) instanceof JsonValue.JsonString text
                        && text.value().length() <= MAX_VALUE_LENGTH
                ? text.value()
                : null;
    }
}
