package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.Json;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Response;

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

    /** {@code GET /v1/runs/{id}}. */
    Response get(Request request) {
        RunState run = store.get(request.param("id"));
        synchronized (store) {
            return Response.json(200, json.run(run));
        }
    }

    /** {@code GET /v1/runs}: the {@code {items, first, next, previous}} envelope. */
    Response list(Request request) {
        RunQuery query = RunQuery.parse(request.query());
        synchronized (store) {
            RunQuery.Page page = query.page(store.all());
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            page.items().forEach(r -> items.add(json.run(r)));
            body.put("first", page.first());
            body.put("next", page.next());
            body.put("previous", page.previous());
            return Response.json(200, body);
        }
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
