package io.runflow.internal.json;

import static io.runflow.internal.json.JsonFields.bool;
import static io.runflow.internal.json.JsonFields.decimal;
import static io.runflow.internal.json.JsonFields.firstText;
import static io.runflow.internal.json.JsonFields.intValue;
import static io.runflow.internal.json.JsonFields.longValue;
import static io.runflow.internal.json.JsonFields.millis;
import static io.runflow.internal.json.JsonFields.text;
import static io.runflow.internal.json.JsonFields.timestamp;
import static io.runflow.internal.json.JsonFields.tree;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.model.ApiError;
import io.runflow.model.CallbackAttempt;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.CallbackSecret;
import io.runflow.model.FieldError;
import io.runflow.model.Health;
import io.runflow.model.Model;
import io.runflow.model.OutputFile;
import io.runflow.model.Run;
import io.runflow.model.RunFailure;
import io.runflow.model.RunOutput;
import io.runflow.model.RunStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the API's JSON into the model records. One place for every wire-format decision: both
 * spellings of canceled, both timestamp forms, old and new output shapes, old and new failure
 * field names. Not public API.
 */
public final class ModelReader {

    private ModelReader() {}

    /**
     * Reads a run.
     *
     * @param node a JSON object with at least {@code id}
     * @return the run
     * @throws IllegalArgumentException if {@code node} is not an object or has no {@code id}
     */
    public static Run run(JsonNode node) {
        requireObject(node, "run");
        String id = requireText(node, "id", "run");
        String statusCode = firstText(node, "status_code", "status");
        JsonNode output = tree(node, "output");
        return new Run(
                id,
                RunStatus.from(statusCode),
                statusCode,
                text(node, "model_id"),
                text(node, "target_type"),
                text(node, "org_id"),
                tree(node, "input"),
                output == null || !output.isObject() ? null : output(output),
                decimal(node, "cost"),
                millis(node, "duration_ms"),
                text(node, "client_ref"),
                text(node, "callback_url"),
                tree(node, "metadata"),
                text(node, "batch_id"),
                text(node, "request_id"),
                timestamp(node, "created_at"),
                timestamp(node, "started_at"),
                firstTimestamp(node),
                failure(node),
                node);
    }

    /**
     * Reads a run output in the normalised {@code outputs[]} shape or the older {@code
     * image_urls[]} shape.
     *
     * @param node the {@code output} object
     * @return the output
     */
    public static RunOutput output(JsonNode node) {
        requireObject(node, "output");
        List<OutputFile> files = new ArrayList<>();
        JsonNode outputs = node.path("outputs");
        if (outputs.isArray()) {
            for (JsonNode entry : outputs) {
                OutputFile file = outputFile(entry);
                if (file != null) {
                    files.add(file);
                }
            }
        } else if (node.path("image_urls").isArray()) {
            for (JsonNode url : node.path("image_urls")) {
                if (url.isTextual()) {
                    files.add(OutputFile.of(url.asText(), "image"));
                }
            }
        }
        return new RunOutput(files, longValue(node, "seed"), tree(node, "timing"), bool(node, "nsfw_detected"), node);
    }

    private static OutputFile outputFile(JsonNode entry) {
        if (entry.isTextual()) {
            return OutputFile.of(entry.asText(), null);
        }
        String url = entry.isObject() ? text(entry, "url") : null;
        if (url == null) {
            return null;
        }
        return new OutputFile(
                url,
                text(entry, "type"),
                intValue(entry, "width"),
                intValue(entry, "height"),
                firstText(entry, "content_type", "mime_type"),
                entry);
    }

    private static RunFailure failure(JsonNode node) {
        String code = text(node, "failure_code");
        String stage = firstText(node, "failure_stage_code", "failure_stage");
        String message = text(node, "failure_message");
        if (code == null && stage == null && message == null) {
            JsonNode error = node.path("error");
            if (error.isObject()) {
                return new RunFailure(text(error, "code"), null, text(error, "message"));
            }
            return null;
        }
        return new RunFailure(code, stage, message);
    }

    private static java.time.OffsetDateTime firstTimestamp(JsonNode node) {
        java.time.OffsetDateTime completed = timestamp(node, "completed_at");
        return completed != null ? completed : timestamp(node, "finished_at");
    }

    /**
     * Reads the error envelope, tolerating the nested {@code {"error": {...}}} form.
     *
     * @param node the body, which may be anything
     * @return the error; with {@code null} code and message if the body was not the envelope
     */
    public static ApiError apiError(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new ApiError(null, null, List.of());
        }
        JsonNode envelope =
                node.has("code") || node.has("message") || !node.path("error").isObject() ? node : node.path("error");
        List<FieldError> errors = new ArrayList<>();
        JsonNode details = envelope.path("errors");
        if (details.isArray()) {
            for (JsonNode detail : details) {
                errors.add(fieldError(detail));
            }
        }
        return new ApiError(text(envelope, "code"), firstText(envelope, "message", "detail"), errors);
    }

    private static FieldError fieldError(JsonNode detail) {
        if (!detail.isObject()) {
            return new FieldError(null, detail.isValueNode() ? detail.asText() : null, detail);
        }
        String field = firstText(detail, "field", "path", "name");
        JsonNode loc = detail.path("loc");
        if (field == null && loc.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode part : loc) {
                if (joined.length() > 0) {
                    joined.append('.');
                }
                joined.append(part.asText());
            }
            field = joined.toString();
        }
        return new FieldError(field, firstText(detail, "message", "msg"), detail);
    }

    /**
     * Reads a callback delivery record.
     *
     * @param node a JSON object with at least {@code id}
     * @return the delivery
     */
    public static CallbackDelivery callbackDelivery(JsonNode node) {
        requireObject(node, "callback delivery");
        List<CallbackAttempt> attempts = new ArrayList<>();
        for (JsonNode attempt : node.path("attempts")) {
            if (attempt.isObject()) {
                Integer number = intValue(attempt, "attempt_number");
                attempts.add(new CallbackAttempt(
                        text(attempt, "id"),
                        number == null ? attempts.size() + 1 : number,
                        intValue(attempt, "status_code"),
                        text(attempt, "response_body"),
                        millis(attempt, "response_time_ms"),
                        text(attempt, "error_message"),
                        timestamp(attempt, "created_at")));
            }
        }
        Integer attemptCount = intValue(node, "attempt_count");
        Integer maxAttempts = intValue(node, "max_attempts");
        return new CallbackDelivery(
                requireText(node, "id", "callback delivery"),
                text(node, "run_id"),
                text(node, "callback_url"),
                text(node, "payload_bytes"),
                text(node, "signing_secret_id"),
                !Boolean.FALSE.equals(bool(node, "is_automatic")),
                text(node, "status_code"),
                text(node, "failure_reason_code"),
                attemptCount == null ? attempts.size() : attemptCount,
                maxAttempts == null ? 0 : maxAttempts,
                timestamp(node, "next_attempt_at"),
                timestamp(node, "created_at"),
                timestamp(node, "completed_at"),
                attempts,
                node);
    }

    /**
     * Reads a catalog model.
     *
     * @param node a JSON object with at least {@code id}
     * @return the model
     */
    public static Model model(JsonNode node) {
        requireObject(node, "model");
        return new Model(
                requireText(node, "id", "model"),
                text(node, "slug"),
                text(node, "name"),
                text(node, "description"),
                text(node, "status_code"),
                bool(node, "is_public"),
                tree(node, "inputs"),
                timestamp(node, "created_at"),
                node);
    }

    /**
     * Reads a callback secret; the secret material is kept out of {@code raw}.
     *
     * @param node a JSON object with at least {@code id}
     * @return the secret record
     */
    public static CallbackSecret callbackSecret(JsonNode node) {
        requireObject(node, "callback secret");
        JsonNode withoutSecret = node.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutSecret).remove("plain_secret");
        return new CallbackSecret(
                requireText(node, "id", "callback secret"),
                text(node, "org_id"),
                text(node, "key_prefix"),
                Boolean.TRUE.equals(bool(node, "is_current")),
                text(node, "label"),
                text(node, "plain_secret"),
                timestamp(node, "disabled_at"),
                timestamp(node, "last_used_at"),
                timestamp(node, "created_at"),
                timestamp(node, "updated_at"),
                withoutSecret);
    }

    /**
     * Reads the health body. A body without {@code ok} counts as live: the endpoint answered 2xx.
     *
     * @param node the body
     * @return the health
     */
    public static Health health(JsonNode node) {
        Boolean ok = node == null ? null : bool(node, "ok");
        return new Health(ok == null || ok, node);
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(
                    what + " must be a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
        }
    }

    private static String requireText(JsonNode node, String field, String what) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " has no \"" + field + "\"");
        }
        return value;
    }
}
