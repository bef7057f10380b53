package io.runflow.internal.json;

import static io.runflow.internal.json.JsonFields.bool;
import static io.runflow.internal.json.JsonFields.decimal;
import static io.runflow.internal.json.JsonFields.firstArray;
import static io.runflow.internal.json.JsonFields.firstBool;
import static io.runflow.internal.json.JsonFields.firstText;
import static io.runflow.internal.json.JsonFields.intValue;
import static io.runflow.internal.json.JsonFields.longValue;
import static io.runflow.internal.json.JsonFields.millis;
import static io.runflow.internal.json.JsonFields.requestId;
import static io.runflow.internal.json.JsonFields.requireObject;
import static io.runflow.internal.json.JsonFields.requireText;
import static io.runflow.internal.json.JsonFields.text;
import static io.runflow.internal.json.JsonFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.internal.DataUris;
import io.runflow.model.JsonValue;
import io.runflow.model.NodeRun;
import io.runflow.model.OutputFile;
import io.runflow.model.Run;
import io.runflow.model.RunFailure;
import io.runflow.model.RunLog;
import io.runflow.model.RunOutput;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import io.runflow.model.RunStatusDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes runs: a run, its output, its log entries, its node runs, the run statuses, the
 * create and cancel bodies. Not public API.
 */
public final class RunWire {

    private RunWire() {}

    /**
     * Reads a run.
     *
     * @param node a JSON object
     * @return the run
     * @throws IllegalArgumentException if {@code node} is not an object
     */
    public static Run run(JsonNode node) {
        return run(node, null);
    }

    /**
     * Reads a run, taking {@code headerRequestId} as its request id when the body has none.
     *
     * @param node a JSON object with at least {@code id}; every other field is optional
     * @param headerRequestId the answer's {@code Runflow-Request-Id}, or {@code null}
     * @return the run
     */
    public static Run run(JsonNode node, String headerRequestId) {
        requireObject(node, "run");
        // A single run's answer without an id is not a run (a proxy's page, say): refuse it here.
        requireText(node, "id", "run");
        return listedRun(node, headerRequestId);
    }

    /**
     * Reads a run as a list returns it: every field optional, even {@code id}, since {@code fields}
     * may project it away.
     *
     * @param node a JSON object
     * @param headerRequestId the answer's {@code Runflow-Request-Id}, or {@code null}
     * @return the run
     */
    public static Run listedRun(JsonNode node, String headerRequestId) {
        requireObject(node, "run");
        return listedRun(JsonValues.of(node), headerRequestId);
    }

    /**
     * Reads a run already read into a {@link JsonValue}: as {@link #run(JsonNode, String)} reads the
     * tree {@link JsonValues#of(JsonNode)} converts from, without a second tree.
     *
     * @param json a JSON object with at least {@code id}; every other field is optional
     * @param headerRequestId the answer's {@code Runflow-Request-Id}, or {@code null}
     * @return the run
     */
    public static Run run(JsonValue json, String headerRequestId) {
        requireObject(json, "run");
        requireText(json, "id", "run");
        return listedRun(json, headerRequestId);
    }

    /**
     * Reads a listed run already read into a {@link JsonValue}, as {@link #listedRun(JsonNode,
     * String)} reads the tree.
     *
     * @param json a JSON object
     * @param headerRequestId the answer's {@code Runflow-Request-Id}, or {@code null}
     * @return the run
     */
    public static Run listedRun(JsonValue json, String headerRequestId) {
        requireObject(json, "run");
        String id = text(json, "id");
        String statusCode = firstText(json, "status_code", "status");
        JsonValue output = json.path("output");
        Run.Builder run = Run.builder();
        if (id != null) {
            run.id(id);
        }
        return run.status(RunStatus.from(statusCode))
                .statusCode(statusCode)
                .modelId(text(json, "model_id"))
                .targetType(text(json, "target_type"))
                .orgId(text(json, "org_id"))
                .input(json.path("input"))
                .output(output instanceof JsonValue.JsonObject ? outputOf(output) : null)
                .cost(decimal(json, "cost"))
                .duration(millis(json, "duration_ms"))
                .clientRef(text(json, "client_ref"))
                .callbackUrl(text(json, "callback_url"))
                .metadata(json.path("metadata"))
                .batchId(text(json, "batch_id"))
                .requestId(requestId(json, headerRequestId))
                .createdAt(timestamp(json, "created_at"))
                .startedAt(timestamp(json, "started_at"))
                .completedAt(firstTimestamp(json))
                .failure(failure(json))
                .nodesTotal(intValue(json, "nodes_total"))
                .nodesCompleted(intValue(json, "nodes_completed"))
                .hasNodeRuns(bool(json, "has_node_runs"))
                .hasLogs(bool(json, "has_logs"))
                .logs(embeddedLogs(json.path("logs")))
                .raw(json)
                .build();
    }

    private static List<RunLog> embeddedLogs(JsonValue logs) {
        if (!(logs instanceof JsonValue.JsonArray array)) {
            return List.of();
        }
        List<RunLog> entries = new ArrayList<>();
        for (JsonValue entry : array.elements()) {
            if (entry instanceof JsonValue.JsonObject && entry.path("id") instanceof JsonValue.JsonString) {
                entries.add(runLog(entry));
            }
        }
        return entries;
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
        return outputOf(JsonValues.of(node));
    }

    static RunOutput outputOf(JsonValue node) {
        requireObject(node, "output");
        List<OutputFile> files = new ArrayList<>();
        JsonValue outputs = node.path("outputs");
        JsonValue imageUrls = node.path("image_urls");
        if (outputs instanceof JsonValue.JsonArray array) {
            for (JsonValue entry : array.elements()) {
                OutputFile file = outputFile(entry);
                if (file != null) {
                    files.add(file);
                }
            }
        } else if (imageUrls instanceof JsonValue.JsonArray array) {
            for (JsonValue url : array.elements()) {
                if (url instanceof JsonValue.JsonString string) {
                    files.add(OutputFile.of(string.value(), "image"));
                }
            }
        }
        return new RunOutput(files, longValue(node, "seed"), node.path("timing"), bool(node, "nsfw_detected"), node);
    }

    private static OutputFile outputFile(JsonValue entry) {
        if (entry instanceof JsonValue.JsonString string) {
            String url = string.value();
            String mediaType = DataUris.mediaType(url);
            return new OutputFile(url, kind(mediaType), null, null, mediaType, null);
        }
        String url = entry instanceof JsonValue.JsonObject ? firstText(entry, "url", "data_uri") : null;
        if (url == null) {
            return null;
        }
        String contentType = firstText(entry, "content_type", "mime_type");
        String type = text(entry, "type");
        if (DataUris.isDataUri(url)) {
            // An inline file names its own type: take it when the entry does not.
            contentType = contentType != null ? contentType : DataUris.mediaType(url);
            type = type != null ? type : kind(contentType);
        }
        return new OutputFile(url, type, intValue(entry, "width"), intValue(entry, "height"), contentType, entry);
    }

    /** {@code image}, {@code video} or {@code audio} from a media type, else {@code null}. */
    private static String kind(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        for (String kind : List.of("image", "video", "audio")) {
            if (mediaType.startsWith(kind + "/")) {
                return kind;
            }
        }
        return null;
    }

    static RunFailure failure(JsonNode node) {
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

    static RunFailure failure(JsonValue node) {
        String code = text(node, "failure_code");
        String stage = firstText(node, "failure_stage_code", "failure_stage");
        String message = text(node, "failure_message");
        if (code == null && stage == null && message == null) {
            JsonValue error = node.path("error");
            if (error instanceof JsonValue.JsonObject) {
                return new RunFailure(text(error, "code"), null, text(error, "message"));
            }
            return null;
        }
        return new RunFailure(code, stage, message);
    }

    private static java.time.OffsetDateTime firstTimestamp(JsonValue node) {
        java.time.OffsetDateTime completed = timestamp(node, "completed_at");
        return completed != null ? completed : timestamp(node, "finished_at");
    }

    /**
     * Reads a run log entry.
     *
     * @param node a JSON object with at least {@code id}
     * @return the entry
     */
    public static RunLog runLog(JsonNode node) {
        requireObject(node, "run log");
        return runLog(JsonValues.of(node));
    }

    private static RunLog runLog(JsonValue json) {
        requireObject(json, "run log");
        return RunLog.builder()
                .id(requireText(json, "id", "run log"))
                .runId(text(json, "run_id"))
                .level(firstText(json, "level_code", "level"))
                .message(text(json, "message"))
                .timestamp(timestamp(json, "timestamp"))
                .meta(json.path("meta"))
                .raw(json)
                .build();
    }

    /**
     * Reads a node run (contract section 3.6): every field optional but {@code id}.
     *
     * @param node a JSON object with at least {@code id}
     * @return the node run
     */
    public static NodeRun nodeRun(JsonNode node) {
        requireObject(node, "node run");
        JsonValue json = JsonValues.of(node);
        String state = firstText(node, "state_code", "status_code");
        return NodeRun.builder()
                .id(requireText(node, "id", "node run"))
                .runId(text(node, "run_id"))
                .nodeId(text(node, "node_id"))
                .flowId(text(node, "flow_id"))
                .state(RunStatus.from(state))
                .stateCode(state)
                .input(json.path("input"))
                .output(json.path("output"))
                .inputSignature(text(node, "input_signature"))
                .previewType(text(node, "preview_type"))
                .previewValue(text(node, "preview_value"))
                .duration(millis(node, "duration_ms"))
                .cost(decimal(node, "cost"))
                .retryCount(intValue(node, "retry_count"))
                .errorMessage(text(node, "error_message"))
                .createdAt(timestamp(node, "created_at"))
                .startedAt(timestamp(node, "started_at"))
                .completedAt(timestamp(node, "completed_at"))
                .raw(json)
                .build();
    }

    /**
     * Reads {@code GET /v1/runs/statuses}: an array or an {@code items} envelope, of status strings or
     * objects with {@code code} (or {@code status_code}, {@code value}).
     *
     * @param node the body
     * @return the statuses, in the order sent
     */
    public static List<RunStatusDefinition> runStatuses(JsonNode node) {
        JsonNode list = node != null && node.isObject() ? firstArray(node, "items", "statuses") : node;
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("run statuses must be a JSON array or an object with \"items\"");
        }
        List<RunStatusDefinition> statuses = new ArrayList<>();
        for (JsonNode entry : list) {
            String code = entry.isTextual() ? entry.asText() : firstText(entry, "code", "status_code", "value");
            if (code != null && !code.isBlank()) {
                statuses.add(new RunStatusDefinition(
                        code,
                        RunStatus.from(code),
                        entry.isObject() ? firstBool(entry, "is_terminal", "terminal") : null,
                        entry.isObject() ? firstText(entry, "description", "name") : null,
                        JsonValues.of(entry)));
            }
        }
        return statuses;
    }

    /**
     * Writes the body of {@code POST /v1/models/{model}/runs}: {@code input}, and {@code
     * callback_url}, {@code metadata}, {@code client_ref} when set. The model id and idempotency key
     * travel in the path and a header, not here.
     *
     * @param request the request
     * @return the body
     */
    public static ObjectNode runRequestBody(RunRequest request) {
        ObjectNode body = RunflowJson.mapper().createObjectNode();
        body.set("input", JsonValues.toNode(request.input()));
        if (request.callbackUrl() != null) {
            body.put("callback_url", request.callbackUrl());
        }
        if (!request.metadata().isNull()) {
            body.set("metadata", JsonValues.toNode(request.metadata()));
        }
        if (request.clientRef() != null) {
            body.put("client_ref", request.clientRef());
        }
        return body;
    }

    /**
     * Writes the body of {@code POST /v1/admin/runs/{id}/cancellation}.
     *
     * @param reason the audit reason, or {@code null}
     * @return the body
     */
    public static ObjectNode cancellationBody(String reason) {
        ObjectNode body = RunflowJson.mapper().createObjectNode();
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }
}
