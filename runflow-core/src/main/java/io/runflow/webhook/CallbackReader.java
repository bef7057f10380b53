package io.runflow.webhook;

import com.fasterxml.jackson.core.JsonParser;
import io.runflow.internal.JsonLimits;
import io.runflow.internal.json.BatchWire;
import io.runflow.internal.json.CallbackWire;
import io.runflow.internal.json.JsonValues;
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
 *
 * <p>The body is read once, by Jackson's streaming parser with the SDK's read limits, straight into
 * the {@link JsonValue} the callback keeps as {@code raw}, and every field is taken from that value: no
 * Jackson tree first (the tree, its conversion to {@code raw} and a second conversion of {@code
 * output} cost a 2 KiB callback more than its HMAC).
 */
final class CallbackReader {

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

    /** The whole body as one value; anything after it means it is not the envelope Runflow sends. */
    private static JsonValue parse(byte[] body) {
        JsonValue plain = JsonValues.readPlain(body);
        if (plain != null) {
            return plain; // the plain form Runflow sends; anything else goes to Jackson, which decides it
        }
        try (JsonParser parser = JsonLimits.FACTORY.createParser(body)) {
            if (parser.nextToken() == null) {
                return null; // empty or white space only
            }
            JsonValue value = JsonValues.read(parser);
            if (parser.nextToken() != null) {
                throw notACallback("callback body is not valid JSON", null);
            }
            return value;
        } catch (IOException e) {
            throw notACallback("callback body is not valid JSON", e);
        }
    }

    private static Callback readSigned(byte[] body, String requestId) {
        JsonValue raw = parse(body);
        if (!(raw instanceof JsonValue.JsonObject)) {
            throw notACallback("callback body is not a JSON object", null);
        }
        String eventName = nonBlank(raw, "event");
        if (eventName == null) {
            throw notACallback("callback body has no \"event\"", null);
        }
        String runId = nonBlank(raw, "run_id");
        String batchId = nonBlank(raw, "batch_id");
        if (runId == null && batchId == null) {
            throw notACallback("callback body has neither \"run_id\" nor \"batch_id\"", null);
        }
        CallbackEvent event = CallbackEvent.from(eventName);
        String statusCode = CallbackWire.text(raw, "status");
        RunStatus status = CallbackFields.status(null, statusCode, event);
        if (runId == null) {
            Batch batch = BatchWire.batchFromCallback(raw, requestId);
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
                    .duration(CallbackWire.millis(raw, "duration_ms"))
                    .createdAt(CallbackWire.timestamp(raw, "created_at"))
                    .completedAt(CallbackWire.timestamp(raw, "completed_at"))
                    .metadata(raw.path("metadata"))
                    .requestId(requestId)
                    .raw(raw)
                    .build();
        }
        JsonValue outputValue = raw.path("output");
        RunOutput output = null;
        ApiError error = null;
        if (outputValue instanceof JsonValue.JsonObject) {
            if (status == RunStatus.FAILED) {
                ApiError envelope = CallbackWire.apiError(outputValue);
                error = envelope.code() == null && envelope.message() == null ? null : envelope;
            } else if (status != RunStatus.CANCELED) {
                output = CallbackWire.output(outputValue);
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
                .duration(CallbackWire.millis(raw, "duration_ms"))
                .createdAt(CallbackWire.timestamp(raw, "created_at"))
                .completedAt(CallbackWire.timestamp(raw, "completed_at"))
                .metadata(raw.path("metadata"))
                .requestId(requestId)
                .raw(raw)
                .build();
    }

    private static String nonBlank(JsonValue body, String field) {
        String value = CallbackWire.text(body, field);
        return value == null || value.isBlank() ? null : value;
    }

    private static WebhookVerificationException notACallback(String message, Throwable cause) {
        return new WebhookVerificationException(Reason.BODY_NOT_A_CALLBACK, message, cause);
    }
}
