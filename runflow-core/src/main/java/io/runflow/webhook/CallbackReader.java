package io.runflow.webhook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.runflow.internal.json.ApiErrors;
import io.runflow.internal.json.BatchWire;
import io.runflow.internal.json.JsonFields;
import io.runflow.internal.json.JsonValues;
import io.runflow.internal.json.RunWire;
import io.runflow.internal.json.RunflowJson;
import io.runflow.model.ApiError;
import io.runflow.model.Batch;
import io.runflow.model.JsonValue;
import io.runflow.model.RunOutput;
import io.runflow.model.RunStatus;
import io.runflow.webhook.WebhookVerificationException.Reason;
import java.io.IOException;

/**
 * Reads a callback body. Package-private on purpose: the only public way in is through {@link
 * WebhookVerifier}, so that nobody acts on a body whose signature was not checked.
 */
final class CallbackReader {

    // The body is read whole; anything after the object means it is not the envelope Runflow sends.
    private static final ObjectReader READER =
            RunflowJson.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CallbackReader() {}

    static Callback read(byte[] body, String requestId) {
        try {
            return readSigned(body, requestId);
        } catch (WebhookVerificationException e) {
            throw e;
        } catch (RuntimeException e) {
            // A signed body this reader trips over is still only a body that is not a callback: the
            // endpoint must answer 400, not fail. The message names no part of the body.
            throw notACallback("callback body cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Callback readSigned(byte[] body, String requestId) {
        JsonNode node;
        try {
            node = READER.readTree(body);
        } catch (IOException e) {
            throw notACallback("callback body is not valid JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw notACallback("callback body is not a JSON object", null);
        }
        String eventName = nonBlank(node, "event");
        if (eventName == null) {
            throw notACallback("callback body has no \"event\"", null);
        }
        String runId = nonBlank(node, "run_id");
        String batchId = nonBlank(node, "batch_id");
        if (runId == null && batchId == null) {
            throw notACallback("callback body has neither \"run_id\" nor \"batch_id\"", null);
        }
        CallbackEvent event = CallbackEvent.from(eventName);
        String statusCode = JsonFields.text(node, "status");
        RunStatus status = CallbackFields.status(null, statusCode, event);
        // One conversion of the whole body; metadata and output are shared parts of it.
        JsonValue raw = JsonValues.of(node);
        if (runId == null) {
            Batch batch = BatchWire.batchFromCallback(node, requestId);
            return BatchCallback.builder()
                    .event(event)
                    .eventName(eventName)
                    .batchId(batchId)
                    .status(status)
                    .statusCode(statusCode)
                    .itemsTotal(batch.itemsTotal())
                    .itemsSucceeded(batch.itemsSucceeded())
                    .itemsFailed(batch.itemsFailed())
                    .itemsCancelled(batch.itemsCancelled())
                    .items(batch.items())
                    .output(raw.path("output"))
                    .duration(JsonFields.millis(node, "duration_ms"))
                    .createdAt(JsonFields.timestamp(node, "created_at"))
                    .completedAt(JsonFields.timestamp(node, "completed_at"))
                    .metadata(raw.path("metadata"))
                    .requestId(requestId)
                    .raw(raw)
                    .build();
        }
        JsonNode outputNode = JsonFields.tree(node, "output");
        RunOutput output = null;
        ApiError error = null;
        if (outputNode != null && outputNode.isObject()) {
            if (status == RunStatus.FAILED) {
                ApiError envelope = ApiErrors.apiError(outputNode);
                error = envelope.code() == null && envelope.message() == null ? null : envelope;
            } else if (status != RunStatus.CANCELED) {
                output = RunWire.output(outputNode);
            }
        }
        return RunCallback.builder()
                .event(event)
                .eventName(eventName)
                .runId(runId)
                .batchId(batchId)
                .status(status)
                .statusCode(statusCode)
                .output(output)
                .error(error)
                .duration(JsonFields.millis(node, "duration_ms"))
                .createdAt(JsonFields.timestamp(node, "created_at"))
                .completedAt(JsonFields.timestamp(node, "completed_at"))
                .metadata(raw.path("metadata"))
                .requestId(requestId)
                .raw(raw)
                .build();
    }

    private static String nonBlank(JsonNode node, String field) {
        String value = JsonFields.text(node, field);
        return value == null || value.isBlank() ? null : value;
    }

    private static WebhookVerificationException notACallback(String message, Throwable cause) {
        return new WebhookVerificationException(Reason.BODY_NOT_A_CALLBACK, message, cause);
    }
}
