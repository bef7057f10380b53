package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.ErrorResponseException.FieldError;
import io.runflow.testkit.internal.http.Json;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The batch endpoints (contract section 3.10): create (N child runs, each through the run lifecycle
 * with its own scripted outcome), get with the aggregated status and counts, items (paged, filtered,
 * sorted), one item, callback history and redelivery. When the last item ends, one signed batch
 * callback goes to the batch's {@code callback_url}.
 */
final class BatchesApi {

    static final int MAX_ITEMS = 100;

    private final RunStore store;
    private final ModelsApi models;
    private final RunLifecycle lifecycle;
    private final Callbacks callbacks;
    private final CallbackLedger ledger;
    private final Outcomes outcomes;
    private final Ids ids;
    private final ServerClock clock;
    private final RunJson json;
    private final Map<String, BatchState> byId = new HashMap<>();
    private final List<BatchState> ordered = new ArrayList<>();

    BatchesApi(
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

    /** {@code POST /v1/models/{model...}/batches}: 201 with the queued batch. */
    Response create(Request request) {
        FakeModel model = models.require(request.param("model"));
        if (!model.batches()) {
            throw new ErrorResponseException(
                    422,
                    "VALIDATION_ERROR",
                    "model " + model.id() + " does not support batches: only template-backed models do",
                    List.of(new FieldError("model", "does not support batches")));
        }
        JsonNode body = Json.parse(request.body());
        if (!body.isObject()) {
            throw ErrorResponseException.badRequest("request body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode input = inputArray((ObjectNode) body);
        List<ObjectNode> inputs = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        if (input == null || input.isNull()) {
            errors.add(new FieldError("input", "is required"));
        } else if (!input.isArray()) {
            errors.add(new FieldError("input", "must be an array of 1 to " + MAX_ITEMS + " objects"));
        } else if (input.size() < 1 || input.size() > MAX_ITEMS) {
            errors.add(new FieldError("input", "must have 1 to " + MAX_ITEMS + " items, got " + input.size()));
        } else {
            for (int i = 0; i < input.size(); i++) {
                String path = "input[" + i + "]";
                JsonNode item = input.get(i);
                String ref = null;
                ObjectNode stripped = null;
                if (item.isObject()) {
                    stripped = ((ObjectNode) item).deepCopy();
                    JsonNode r = stripped.remove("client_ref");
                    if (r != null && !r.isNull()) {
                        if (!r.isTextual()) {
                            errors.add(new FieldError(path + ".client_ref", "must be a string or null"));
                        } else if (r.textValue().length() > 255) {
                            errors.add(new FieldError(path + ".client_ref", "must be at most 255 characters"));
                        } else {
                            ref = r.textValue();
                        }
                    }
                }
                // client_ref is stripped before the item is validated against the model, as documented.
                seeds.add(CreateRequest.validateInput(stripped != null ? stripped : item, model, path, errors));
                inputs.add(stripped);
                refs.add(ref);
            }
        }
        String callbackUrl = CreateRequest.text(body, "callback_url", 2048, errors);
        if (callbackUrl != null && !CreateRequest.isHttpUrl(callbackUrl)) {
            errors.add(new FieldError("callback_url", "must be an absolute http or https URL"));
        }
        JsonNode metadata = body.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            errors.add(new FieldError("metadata", "must be an object or null"));
        }
        if (!errors.isEmpty()) {
            throw ErrorResponseException.validation(errors);
        }
        BatchState batch;
        List<RunState> runs = new ArrayList<>();
        synchronized (store) {
            String batchId = ids.next();
            List<BatchState.Item> items = new ArrayList<>();
            ArrayNode kept = Json.array();
            for (int i = 0; i < inputs.size(); i++) {
                ObjectNode in = inputs.get(i);
                RunState run = new RunState(
                        ids.next(),
                        store.nextSequence(),
                        model,
                        in,
                        null,
                        null,
                        refs.get(i),
                        null,
                        "req_" + ids.next(),
                        seeds.get(i) != null ? seeds.get(i) : ids.seed(),
                        clock.instant(),
                        outcomes.take(model.id()));
                run.batchId = batchId;
                store.add(run);
                runs.add(run);
                items.add(new BatchState.Item(ids.next(), i, refs.get(i), run));
                ObjectNode original = in.deepCopy();
                if (refs.get(i) != null) {
                    original.put("client_ref", refs.get(i));
                }
                kept.add(original);
            }
            batch = new BatchState(
                    batchId,
                    model,
                    kept,
                    items,
                    metadata == null || metadata.isNull() ? null : metadata.deepCopy(),
                    callbackUrl,
                    clock.instant());
            byId.put(batchId, batch);
            ordered.add(batch);
        }
        runs.forEach(lifecycle::start);
        synchronized (store) {
            return Response.json(201, batchJson(batch));
        }
    }

    /**
     * How many runs a create asks for, to price it before it is validated: at least 1, so that a
     * malformed body reaches the validation that names what is wrong.
     */
    static int itemCount(Request request) {
        JsonNode body = Json.tryParse(request.body());
        if (body == null || !body.isObject()) {
            return 1;
        }
        JsonNode input = inputArray((ObjectNode) body);
        return input != null && input.isArray() ? Math.max(1, Math.min(input.size(), MAX_ITEMS)) : 1;
    }

    /** The OpenAPI body is {@code input: [..]}; the guide's {@code items: [{input}]} is read too. */
    private static JsonNode inputArray(ObjectNode body) {
        if (body.has("input") || !body.path("items").isArray()) {
            return body.get("input");
        }
        ArrayNode converted = Json.array();
        for (JsonNode item : body.path("items")) {
            JsonNode in = item.path("input");
            if (!in.isObject()) {
                converted.add(item);
                continue;
            }
            ObjectNode copy = ((ObjectNode) in).deepCopy();
            if (item.has("client_ref")) {
                copy.set("client_ref", item.get("client_ref"));
            }
            converted.add(copy);
        }
        return converted;
    }

    /** Called for every run that becomes terminal: the last item of a batch queues its callback. */
    void runFinished(RunState run) {
        String url;
        byte[] payload;
        String batchId;
        synchronized (store) {
            if (run.batchId == null) {
                return;
            }
            BatchState batch = byId.get(run.batchId);
            if (batch == null || batch.callbackQueued || !batch.isTerminal()) {
                return;
            }
            batch.callbackQueued = true;
            if (batch.callbackUrl == null) {
                return;
            }
            url = batch.callbackUrl;
            batchId = batch.id;
            payload = Json.write(callbackPayload(batch));
        }
        callbacks.batchFinished(batchId, url, payload);
    }

    /** {@code GET /v1/batches/{id}}. */
    Response get(Request request) {
        synchronized (store) {
            return Response.json(200, batchJson(require(request.param("id"))));
        }
    }

    /** {@code GET /v1/batches/{id}/items}: full items, in sequence order by default. */
    Response items(Request request) {
        Map<String, Function<BatchState.Item, Object>> fields = new LinkedHashMap<>();
        fields.put("id", BatchState.Item::id);
        fields.put("sequence_index", BatchState.Item::sequenceIndex);
        fields.put("status_code", i -> i.run().status);
        fields.put("client_ref", BatchState.Item::clientRef);
        fields.put("run_id", i -> i.run().id);
        fields.put("created_at", i -> i.run().createdAt);
        fields.put("completed_at", i -> i.run().completedAt);
        Listing<BatchState.Item> listing = Listing.parse(request.query(), fields, "sequence_index:asc");
        synchronized (store) {
            BatchState batch = require(request.param("id"));
            return Response.json(200, listing.envelope(listing.page(batch.items), i -> fullItem(batch, i)));
        }
    }

    /** {@code GET /v1/batches/{batch}/items/{id}}. */
    Response item(Request request) {
        synchronized (store) {
            BatchState batch = require(request.param("batch"));
            String itemId = request.param("id");
            for (BatchState.Item i : batch.items) {
                if (i.id().equals(itemId)) {
                    return Response.json(200, fullItem(batch, i));
                }
            }
            throw ErrorResponseException.notFound(
                    "BATCH_ITEM_NOT_FOUND", "item " + itemId + " is not an item of batch " + batch.id);
        }
    }

    /** {@code GET /v1/batches/{id}/callback}: a JSON array of deliveries. */
    Response callbackHistory(Request request) {
        String id;
        synchronized (store) {
            id = require(request.param("id")).id;
        }
        return Response.json(200, ledger.history(id, true));
    }

    /** {@code POST /v1/batches/{id}/callback-redeliveries}: guarded as the contract documents. */
    Response redeliver(Request request) {
        String url;
        byte[] payload;
        String id;
        synchronized (store) {
            BatchState batch = require(request.param("id"));
            if (!batch.isTerminal()) {
                throw ErrorResponseException.validation("batch_id", "batch is not terminal yet: " + batch.status());
            }
            if (batch.callbackUrl == null) {
                throw ErrorResponseException.validation("callback_url", "batch has no callback_url");
            }
            url = batch.callbackUrl;
            id = batch.id;
            payload = Json.write(callbackPayload(batch));
        }
        return Response.json(201, callbacks.redeliverBatch(id, url, payload));
    }

    /** @throws ErrorResponseException 404 {@code BATCH_NOT_FOUND}; call with the store's lock held */
    private BatchState require(String id) {
        BatchState batch = byId.get(id);
        if (batch == null) {
            throw ErrorResponseException.notFound(
                    "BATCH_NOT_FOUND", "batch " + id + " does not exist or belongs to another org");
        }
        return batch;
    }

    /** The batch (contract section 3.10, get batch). Call with the store's lock held. */
    private ObjectNode batchJson(BatchState b) {
        String status = b.status();
        ObjectNode n = Json.object();
        n.put("id", b.id);
        n.put("org_id", json.orgId());
        n.put("target_type_code", "model");
        n.put("target_type", "model");
        n.put("target_id", ModelsApi.uuid(b.model));
        n.put("status_code", status);
        n.put("source_code", "api");
        n.put("items_total", b.items.size());
        n.put("items_succeeded", b.succeeded());
        n.put("items_failed", b.count(RunState.FAILED));
        n.put("items_cancelled", b.count(RunState.CANCELED));
        n.set("input", b.input.deepCopy());
        n.putNull("resolved_template_id");
        n.putNull("dispatch_provider_link_id");
        n.put("cost", cost(b).toPlainString());
        if (RunState.isTerminal(status)) {
            n.set("output", summary(b));
        } else {
            n.putNull("output");
        }
        if (b.metadata == null) {
            n.putNull("metadata");
        } else {
            n.set("metadata", b.metadata.deepCopy());
        }
        Json.putNullable(n, "callback_url", b.callbackUrl);
        Instant completed = b.completedAt();
        if (completed == null) {
            n.putNull("duration_ms");
        } else {
            n.put("duration_ms", Duration.between(b.createdAt, completed).toMillis());
        }
        n.putNull("failure_code");
        n.putNull("failure_message");
        n.putNull("failure_stage_code");
        n.putNull("created_by");
        n.set("created_at", Json.time(b.createdAt));
        n.set("started_at", Json.time(b.startedAt()));
        n.set("completed_at", Json.time(completed));
        n.putObject("links").put("items", "/v1/batches/" + b.id + "/items");
        ArrayNode items = n.putArray("items");
        b.items.forEach(i -> items.add(leanItem(i)));
        return n;
    }

    private static BigDecimal cost(BatchState b) {
        BigDecimal price = new BigDecimal(b.model.price());
        return price.multiply(BigDecimal.valueOf(b.succeeded()));
    }

    private static ObjectNode leanItem(BatchState.Item i) {
        ObjectNode n = Json.object();
        n.put("id", i.id());
        n.put("sequence_index", i.sequenceIndex());
        n.put("run_id", i.run().id);
        n.put("status_code", i.run().status);
        Json.putNullable(n, "client_ref", i.clientRef());
        return n;
    }

    private ObjectNode fullItem(BatchState b, BatchState.Item i) {
        RunState r = i.run();
        ObjectNode n = Json.object();
        n.put("id", i.id());
        n.put("batch_id", b.id);
        n.put("sequence_index", i.sequenceIndex());
        n.put("run_id", r.id);
        n.set("created_at", Json.time(r.createdAt));
        Json.putNullable(n, "client_ref", i.clientRef());
        n.put("status_code", r.status);
        n.set("input", r.input.deepCopy());
        if (r.hasSucceeded()) {
            n.put("cost", r.model.price());
        } else {
            n.putNull("cost");
        }
        if (r.output == null) {
            n.putNull("output");
        } else {
            n.set("output", r.output.deepCopy());
        }
        if (RunState.FAILED.equals(r.status)) {
            n.putObject("error")
                    .put("code", r.failureCode)
                    .put("message", r.failureMessage)
                    .put("stage", r.failureStage);
        } else {
            n.putNull("error");
        }
        n.set("started_at", Json.time(r.startedAt));
        n.set("completed_at", Json.time(r.completedAt));
        n.set("run", json.run(r));
        return n;
    }

    /** The batch callback's and the finished batch's {@code output}: {items, succeeded, failed, cancelled, total}. */
    private static ObjectNode summary(BatchState b) {
        ObjectNode output = Json.object();
        ArrayNode items = output.putArray("items");
        b.items.forEach(i -> items.add(leanItem(i)));
        output.put("succeeded", b.succeeded());
        output.put("failed", b.count(RunState.FAILED));
        output.put("cancelled", b.count(RunState.CANCELED));
        output.put("total", b.items.size());
        return output;
    }

    /** The batch callback envelope, frozen at delivery. Call with the store's lock held. */
    private static ObjectNode callbackPayload(BatchState b) {
        String status = b.status();
        ObjectNode n = Json.object();
        // Event names spell cancel the UK way, statuses the US way (contract section 4.2).
        n.put("event", "batch." + (RunState.CANCELED.equals(status) ? "cancelled" : status));
        n.put("batch_id", b.id);
        n.put("status", status);
        n.set("output", summary(b));
        Instant completed = b.completedAt();
        n.put("duration_ms", Duration.between(b.createdAt, completed).toMillis());
        n.put("created_at", Json.callbackTime(b.createdAt));
        n.put("completed_at", Json.callbackTime(completed));
        if (b.metadata == null) {
            n.putNull("metadata");
        } else {
            n.set("metadata", b.metadata.deepCopy());
        }
        return n;
    }

    void clear() {
        synchronized (store) {
            byId.clear();
            ordered.clear();
        }
    }
}
