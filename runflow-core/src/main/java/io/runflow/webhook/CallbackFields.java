package io.runflow.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.internal.json.JsonValues;
import io.runflow.model.JsonValue;
import io.runflow.model.RunStatus;

/** What {@link RunCallback} and {@link BatchCallback} build alike. */
final class CallbackFields {

    private CallbackFields() {}

    static void requireEvent(CallbackEvent event, String eventName) {
        if (event == null && eventName == null) {
            throw new IllegalStateException("eventName is required");
        }
    }

    /** The status as given, else the one the raw status names, else the one the event stands for. */
    static RunStatus status(RunStatus status, String statusCode, CallbackEvent event) {
        if (status != null) {
            return status;
        }
        return statusCode != null ? RunStatus.from(statusCode) : event.impliedStatus();
    }

    /** A model record's tree for a value: {@code null} (which the records read as absent) for JSON null. */
    static JsonNode node(JsonValue value) {
        return value.isNull() ? null : JsonValues.toNode(value);
    }
}
