package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.Json;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The run endpoints: create, get, list, callback history and redelivery, admin cancellation. */
final class RunsApi {

    private final RunStore store;
    private final ModelsApi models;
    private final RunLifecycle lifecycle;
    private final Callbacks callbacks;
    private final CallbackLedger ledger;
    private final Outcomes outcomes;
    private final Ids ids;
    private final ServerClock clock;
    private final RunJson json;

    RunsApi(
            RunStore store,
            ModelsApi models,
            RunLifecycle lifecycle,
            Callbacks callbacks,
            CallbackLedger ledger,
            Outcomes outcomes,
            Ids ids,
            ServerClock clock,
            RunJson json) {
        this.store = store;
        this.models = models;
        this.lifecycle = lifecycle;
        this.callbacks = callbacks;
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
    }

    /**
     * {@code POST /v1/models/{model...}/runs}: 201 with the queued run. A replay of the same
     * Idempotency-Key never reaches here: the router's {@code Idempotency} middleware answers it.
     */
    Response create(Request request) {
        FakeModel model = models.require(request.param("model"));
        CreateRequest create = CreateRequest.validate(Json.parse(request.body()), model);
        String key = request.header("Idempotency-Key");
        RunState run;
        // Ids, sequence and place in the list are taken together, so runs list in creation order.
        synchronized (store) {
            run = store.add(newRun(model, create, key));
        }
        lifecycle.start(run);
        synchronized (store) {
            return Response.json(201, json.run(run));
        }
    }

    private RunState newRun(FakeModel model, CreateRequest create, String key) {
        return new RunState(
                ids.next(),
                store.nextSequence(),
                model,
                create.input(),
                create.metadata(),
                create.callbackUrl(),
                create.clientRef(),
                key,
                "req_" + ids.next(),
                create.seed() != null ? create.seed() : ids.seed(),
                clock.instant(),
                outcomes.take(model.id()));
    }

    /** {@code GET /v1/runs/{id}}: the failure fields only on a failed run, the logs embedded. */
    Response get(Request request) {
        RunState run = store.get(request.param("id"));
        synchronized (store) {
            return Response.json(200, json.detail(run));
        }
    }

    /**
     * {@code GET /v1/runs}: the {@code {items, first, next, previous}} envelope; {@code fields}
     * projects each item to the named top-level fields, {@code id} included only when named.
     */
    Response list(Request request) {
        RunQuery query = RunQuery.parse(request.query());
        String fields = request.query().get("fields");
        java.util.Set<String> projection = fields == null || fields.isBlank()
                ? null
                : java.util.Set.of(java.util.Arrays.stream(fields.split(","))
                        .map(String::strip)
                        .filter(f -> !f.isEmpty())
                        .distinct()
                        .toArray(String[]::new));
        synchronized (store) {
            RunQuery.Page page = query.page(store.all());
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            page.items().forEach(r -> {
                ObjectNode item = json.listItem(r);
                if (projection != null) {
                    item.retain(projection);
                }
                items.add(item);
            });
            body.put("first", page.first());
            body.put("next", page.next());
            body.put("previous", page.previous());
            return Response.json(200, body);
        }
    }

    /**
     * {@code GET /v1/runs/{id}/logs}: the run's log entries, paged, filtered ({@code level_code},
     * {@code timestamp}, ...) and sorted ({@code timestamp:asc} by default); {@code embed=run} embeds
     * the run in each entry.
     */
    Response logs(Request request) {
        Map<String, Function<RunState.LogEntry, Object>> fields = new LinkedHashMap<>();
        fields.put("id", RunState.LogEntry::id);
        fields.put("level_code", RunState.LogEntry::level);
        fields.put("message", RunState.LogEntry::message);
        fields.put("timestamp", RunState.LogEntry::timestamp);
        Listing<RunState.LogEntry> listing = Listing.parse(request.query(), fields, "timestamp:asc");
        boolean embedRun = request.query().getOrDefault("embed", "").contains("run");
        RunState run = store.get(request.param("id"));
        synchronized (store) {
            List<RunState.LogEntry> entries = List.copyOf(run.logs);
            return Response.json(200, listing.envelope(listing.page(entries), e -> {
                ObjectNode n = RunJson.logEntry(run, e);
                if (embedRun) {
                    n.set("run", json.run(run));
                } else {
                    n.putNull("run");
                }
                return n;
            }));
        }
    }

    /** {@code GET /v1/runs/statuses}: every status with whether it is terminal. */
    Response statuses(Request request) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        status(items, RunState.QUEUED, false, "accepted, waiting for compute");
        status(items, RunState.DISPATCHING, false, "being submitted to the execution provider");
        status(items, RunState.RUNNING, false, "executing");
        status(items, RunState.SUCCEEDED, true, "finished, outputs ready");
        status(items, RunState.FAILED, true, "error during execution; see failure_message");
        status(items, RunState.CANCELED, true, "cancelled");
        status(items, RunState.PARTIAL_SUCCEEDED, true, "finished with some of its outputs");
        return Response.json(200, body);
    }

    private static void status(ArrayNode items, String code, boolean terminal, String description) {
        items.addObject().put("code", code).put("is_terminal", terminal).put("description", description);
    }

    /** {@code GET /v1/runs/{id}/callback}: a JSON array of deliveries. */
    Response callbackHistory(Request request) {
        RunState run = store.get(request.param("id"));
        return Response.json(200, ledger.history(run.id));
    }

    /** {@code POST /v1/runs/{id}/callback-redeliveries}: a fresh payload from the current state. */
    Response redeliver(Request request) {
        RunState run = store.get(request.param("id"));
        byte[] payload;
        synchronized (store) {
            if (!run.isTerminal()) {
                throw ErrorResponseException.validation("run_id", "run is not terminal yet: " + run.status);
            }
            if (run.callbackUrl == null) {
                throw ErrorResponseException.validation("callback_url", "run has no callback_url");
            }
            payload = Json.write(RunJson.callbackPayload(run));
        }
        return Response.json(201, callbacks.redeliver(run.id, run.callbackUrl, payload));
    }

    /** {@code POST /v1/admin/runs/{id}/cancellation}: 201 on a transition, 200 when already terminal. */
    Response cancel(Request request) {
        RunState run = store.get(request.param("id"));
        if (request.body().length > 0) {
            JsonNode body = Json.parse(request.body());
            JsonNode reason = body.get("reason");
            if (!body.isObject()) {
                throw ErrorResponseException.badRequest("request body must be a JSON object");
            }
            if (reason != null
                    && !reason.isNull()
                    && (!reason.isTextual()
                            || reason.textValue().length() < 3
                            || reason.textValue().length() > 500)) {
                throw ErrorResponseException.validation("reason", "must be a string of 3 to 500 characters");
            }
        }
        boolean transitioned = lifecycle.cancel(run);
        synchronized (store) {
            return Response.json(transitioned ? 201 : 200, json.run(run));
        }
    }
}
