package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.internal.http.Json;
import java.time.Duration;
import java.util.List;

/** Writes the Run object (contract section 4.1) and the callback payload (section 6.2). */
final class RunJson {

    private final String orgId;

    RunJson(String orgId) {
        this.orgId = orgId;
    }

    String orgId() {
        return orgId;
    }

    /** Call with the store's lock held. */
    ObjectNode run(RunState r) {
        ObjectNode n = Json.object();
        n.put("id", r.id);
        n.putNull("flow_id");
        n.put("model_id", ModelsApi.uuid(r.model));
        n.putNull("comfyui_workflow_id");
        n.put("target_type", "model");
        n.putNull("target_version");
        n.put("org_id", orgId);
        n.put("status_code", r.status);
        n.put("source_code", "api");
        n.set("input", r.input.deepCopy());
        if (r.output == null) {
            n.putNull("output");
        } else {
            n.set("output", r.output.deepCopy());
        }
        n.putObject("context");
        if (r.completedAt == null) {
            n.putNull("duration_ms");
        } else {
            n.put("duration_ms", durationMillis(r));
        }
        if (r.hasSucceeded()) {
            n.put("cost", r.model.price());
        } else {
            n.putNull("cost");
        }
        n.putNull("cost_breakdown");
        n.put("nodes_total", 1);
        n.put("nodes_completed", r.isTerminal() ? 1 : 0);
        Json.putNullable(n, "batch_id", r.batchId);
        Json.putNullable(n, "client_ref", r.clientRef);
        n.put("request_id", r.requestId);
        n.putNull("created_by");
        n.set("created_at", Json.time(r.createdAt));
        n.set("started_at", Json.time(r.startedAt));
        n.set("completed_at", Json.time(r.completedAt));
        Json.putNullable(n, "callback_url", r.callbackUrl);
        if (r.metadata == null) {
            n.putNull("metadata");
        } else {
            n.set("metadata", r.metadata.deepCopy());
        }
        n.put("has_logs", !r.logs.isEmpty());
        n.put("has_node_runs", NodeRuns.exists(r));
        n.putObject("links");
        Json.putNullable(n, "failure_code", r.failureCode);
        Json.putNullable(n, "failure_message", r.failureMessage);
        Json.putNullable(n, "failure_stage_code", r.failureStage);
        return n;
    }

    /**
     * A run as {@code GET /v1/runs} lists it (2026-12 pages): the run, and the feedback and evaluation
     * summary fields, {@code null} here since the fake takes no feedback and runs no evaluation. Call
     * with the store's lock held.
     */
    ObjectNode listItem(RunState r) {
        ObjectNode n = run(r);
        n.putNull("feedback_is_positive");
        n.putNull("feedback_reason");
        n.putNull("current_evaluation_summary");
        return n;
    }

    /**
     * A run as {@code GET /v1/runs/{id}} answers it (2026-12 pages): the failure fields only once the
     * run failed, and its log entries embedded as {@code logs[]}. Call with the store's lock held.
     */
    ObjectNode detail(RunState r) {
        ObjectNode n = run(r);
        if (r.failureCode == null && r.failureMessage == null && r.failureStage == null) {
            n.remove(List.of("failure_code", "failure_message", "failure_stage_code"));
        }
        ArrayNode logs = n.putArray("logs");
        r.logs.forEach(e -> logs.add(logEntry(r, e)));
        return n;
    }

    /** One log entry, without the embedded run. Call with the store's lock held. */
    static ObjectNode logEntry(RunState run, RunState.LogEntry e) {
        ObjectNode n = Json.object();
        n.put("id", e.id());
        n.put("run_id", run.id);
        n.put("level_code", e.level());
        n.put("message", e.message());
        n.set("timestamp", Json.time(e.timestamp()));
        n.set("meta", e.meta().deepCopy());
        return n;
    }

    /** The callback envelope, frozen when a delivery is created. Call with the store's lock held. */
    static ObjectNode callbackPayload(RunState r) {
        ObjectNode n = Json.object();
        n.put("event", event(r.status));
        n.put("run_id", r.id);
        n.put("status", r.status);
        if (r.hasSucceeded() && r.output != null) {
            n.set("output", r.output.deepCopy());
        } else if (RunState.FAILED.equals(r.status)) {
            n.putObject("output").put("code", r.failureCode).put("message", r.failureMessage);
        } else {
            n.putNull("output");
        }
        n.put("duration_ms", durationMillis(r));
        n.put("created_at", Json.callbackTime(r.createdAt));
        n.put("completed_at", Json.callbackTime(r.completedAt));
        if (r.metadata == null) {
            n.putNull("metadata");
        } else {
            n.set("metadata", r.metadata.deepCopy());
        }
        return n;
    }

    /** Event names use the UK spelling for cancel, statuses the US one, as the contract says. */
    static String event(String status) {
        switch (status) {
            case RunState.SUCCEEDED:
                return "run.completed";
            case RunState.FAILED:
                return "run.failed";
            case RunState.CANCELED:
                return "run.cancelled";
            default:
                return "run." + status;
        }
    }

    private static long durationMillis(RunState r) {
        return Duration.between(r.createdAt, r.completedAt).toMillis();
    }
}
