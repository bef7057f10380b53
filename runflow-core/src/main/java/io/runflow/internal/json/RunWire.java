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
import static io.runflow.internal.json.JsonFields.tree;

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
        String id = text(node, "id");
        String statusCode = firstText(node, "status_code", "status");
        JsonNode output = tree(node, "output");
        JsonValue json = JsonValues.of(node);
        Run.Builder run = Run.builder();
        if (id != null) {
            run.id(id);
        }
        return run.status(RunStatus.from(statusCode))
                .statusCode(statusCode)
                .modelId(text(node, "model_id"))
                .targetType(text(node, "target_type"))
                .orgId(text(node, "org_id"))
                .input(json.path("input"))
                .output(output == null || !output.isObject() ? null : outputOf(output, json.path("output")))
                .cost(decimal(node, "cost"))
                .duration(millis(node, "duration_ms"))
                .clientRef(text(node, "client_ref"))
                .callbackUrl(text(node, "callback_url"))
                .metadata(json.path("metadata"))
                .batchId(text(node, "batch_id"))
                .requestId(requestId(node, headerRequestId))
                .createdAt(timestamp(node, "created_at"))
                .startedAt(timestamp(node, "started_at"))
                .completedAt(firstTimestamp(node))
                .failure(failure(node))
                .nodesTotal(intValue(node, "nodes_total"))
                .nodesCompleted(intValue(node, "nodes_completed"))
                .hasNodeRuns(bool(node, "has_node_runs"))
                .hasLogs(bool(node, "has_logs"))
                .logs(embeddedLogs(node.path("logs")))
                .raw(json)
                .build();
    }

    private static List<RunLog> embeddedLogs(JsonNode logs) {
        if (!logs.isArray()) {
            return List.of();
        }
        List<RunLog> entries = new ArrayList<>();
        for (JsonNode entry : logs) {
            if (entry.isObject() && entry.path("id").isTextual()) {
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
        return outputOf(node, JsonValues.of(node));
    }

    static RunOutput outputOf(JsonNode node, JsonValue raw) {
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
        return new RunOutput(files, longValue(node, "seed"), raw.path("timing"), bool(node, "nsfw_detected"), raw);
    }

    private static OutputFile outputFile(JsonNode entry) {
        if (entry.isTextual()) {
            String url = entry.asText();
            String mediaType = DataUris.mediaType(url);
            return new OutputFile(url, kind(mediaType), null, null, mediaType, null);
        }
        String url = entry.isObject() ? firstText(entry, "url", "data_uri") : null;
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
        return new OutputFile(
                url, type, intValue(entry, "width"), intValue(entry, "height"), contentType, JsonValues.of(entry));
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

    private static java.time.OffsetDateTime firstTimestamp(JsonNode node) {
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
        JsonValue json = JsonValues.of(node);
        return RunLog.builder()
                .id(requireText(node, "id", "run log"))
                .runId(text(node, "run_id"))
                .level(firstText(node, "level_code", "level"))
                .message(text(node, "message"))
                .timestamp(timestamp(node, "timestamp"))
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
