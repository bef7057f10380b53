package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.Json;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The node runs of contract section 3.6: {@code GET /v1/runs/{run_id}/node-runs} and {@code GET
 * /v1/runs/{run_id}/node-runs/{id}}, {@code run_id} {@code any} spanning every run. A fake run is a
 * one-node flow: its node run appears when the run starts running and follows the run's state, output,
 * cost and failure. Ids are derived from the run's, so they stay stable across reads.
 */
final class NodeRuns {

    /** The parent id that spans every run. */
    static final String ANY = "any";

    private final RunStore store;

    NodeRuns(RunStore store) {
        this.store = store;
    }

    /** Whether a run has its node run yet. Call with the store's lock held. */
    static boolean exists(RunState run) {
        return run.startedAt != null;
    }

    static String id(RunState run) {
        return UUID.nameUUIDFromBytes(("node-run:" + run.id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** {@code GET /v1/runs/{id}/node-runs}: paged, filtered and sorted ({@code created_at:asc} by default). */
    Response list(Request request) {
        Map<String, Function<RunState, Object>> fields = new LinkedHashMap<>();
        fields.put("id", NodeRuns::id);
        fields.put("run_id", r -> r.id);
        fields.put("state_code", r -> r.status);
        fields.put("created_at", r -> r.startedAt);
        Listing<RunState> listing = Listing.parse(request.query(), fields, "created_at:asc");
        List<RunState> runs = runs(request.param("id"));
        synchronized (store) {
            List<RunState> started = new ArrayList<>();
            for (RunState run : runs) {
                if (exists(run)) {
                    started.add(run);
                }
            }
            return Response.json(200, listing.envelope(listing.page(started), NodeRuns::json));
        }
    }

    /** {@code GET /v1/runs/{run}/node-runs/{id}}: 404 {@code NODE_RUN_NOT_FOUND} when there is none. */
    Response get(Request request) {
        String nodeRunId = request.param("id");
        for (RunState run : runs(request.param("run"))) {
            synchronized (store) {
                if (exists(run) && id(run).equals(nodeRunId)) {
                    return Response.json(200, json(run));
                }
            }
        }
        throw ErrorResponseException.notFound(
                "NODE_RUN_NOT_FOUND", "node run " + nodeRunId + " does not exist or belongs to another org");
    }

    private List<RunState> runs(String runId) {
        return ANY.equals(runId) ? store.all() : List.of(store.get(runId));
    }

    /** The node run of a run. Call with the store's lock held. */
    private static ObjectNode json(RunState r) {
        ObjectNode n = Json.object();
        n.put("id", id(r));
        n.put("run_id", r.id);
        n.put(
                "node_id",
                UUID.nameUUIDFromBytes(("node:" + r.model.id()).getBytes(StandardCharsets.UTF_8))
                        .toString());
        n.putNull("flow_id");
        n.put("state_code", r.status);
        n.set("input", r.input.deepCopy());
        if (r.output == null) {
            n.putNull("output");
        } else {
            n.set("output", r.output.deepCopy());
        }
        n.putNull("input_signature");
        boolean succeeded = r.hasSucceeded() && r.output != null;
        Json.putNullable(n, "preview_type", succeeded ? "image" : null);
        Json.putNullable(
                n,
                "preview_value",
                succeeded ? r.output.path("outputs").path(0).path("url").asText(null) : null);
        if (r.completedAt == null) {
            n.putNull("duration_ms");
        } else {
            n.put("duration_ms", Duration.between(r.startedAt, r.completedAt).toMillis());
        }
        Json.putNullable(n, "cost", r.hasSucceeded() ? r.model.price() : null);
        n.put("retry_count", 0);
        Json.putNullable(n, "error_message", r.failureMessage);
        n.set("created_at", Json.time(r.startedAt));
        n.set("started_at", Json.time(r.startedAt));
        n.set("completed_at", Json.time(r.completedAt));
        return n;
    }
}
