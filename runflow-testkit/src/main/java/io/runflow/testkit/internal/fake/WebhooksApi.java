package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.Json;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Organization webhooks (contract section 3.14), read and update: list, get (subscriptions always,
 * deliveries with {@code embed=deliveries}), {@code PATCH} ({@code url}, {@code disabled}), {@code
 * DELETE} (204; its deliveries go with it), the event types, deliveries ({@code any} spans every
 * webhook) and their attempts. Creation is not documented, so the API serves none: tests add
 * webhooks with {@code FakeRunflowServer.addWebhook}.
 *
 * <p>Delivery: when a run ends, every enabled webhook subscribed to its event (or to nothing, which
 * means every event) gets a delivery of the run's callback payload, POSTed unsigned (Runflow does not
 * document a webhook signature) once, through the same loopback guard as callbacks; the attempt is
 * recorded with its status, answer and time. No retries: Runflow documents no schedule for them.
 */
final class WebhooksApi {

    /** The event types the fake knows, with what they mean. */
    static final Map<String, String> EVENT_TYPES = eventTypes();

    private final Ids ids;
    private final ServerClock clock;
    private final String orgId;
    private final Scheduler scheduler;
    private final CallbackSender sender;
    private final LoopbackGuard guard;
    private final Map<String, Hook> hooks = new LinkedHashMap<>();
    private final List<Delivery> deliveries = new ArrayList<>();

    WebhooksApi(
            Ids ids, ServerClock clock, String orgId, Scheduler scheduler, CallbackSender sender, LoopbackGuard guard) {
        this.ids = ids;
        this.clock = clock;
        this.orgId = orgId;
        this.scheduler = scheduler;
        this.sender = sender;
        this.guard = guard;
    }

    private static Map<String, String> eventTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("run.completed", "a run succeeded");
        types.put("run.failed", "a run failed");
        types.put("run.cancelled", "a run was canceled");
        types.put("run.partial_succeeded", "a run finished with some of its outputs");
        return java.util.Collections.unmodifiableMap(types);
    }

    private static final class Hook {
        final String id;
        String url;
        final List<String> eventTypes;
        Instant disabledAt;
        Instant lastTriggeredAt;
        final Instant createdAt;
        Instant updatedAt;

        Hook(String id, String url, List<String> eventTypes, Instant now) {
            this.id = id;
            this.url = url;
            this.eventTypes = List.copyOf(eventTypes);
            this.createdAt = now;
            this.updatedAt = now;
        }
    }

    private record Attempt(
            String id,
            int number,
            int status,
            String responseBody,
            long responseTimeMs,
            boolean succeeded,
            Instant createdAt) {}

    private static final class Delivery {
        final String id;
        final String webhookId;
        final String eventType;
        final JsonNode payload;
        final Instant createdAt;
        final List<Attempt> attempts = new ArrayList<>();

        Delivery(String id, String webhookId, String eventType, JsonNode payload, Instant createdAt) {
            this.id = id;
            this.webhookId = webhookId;
            this.eventType = eventType;
            this.payload = payload;
            this.createdAt = createdAt;
        }
    }

    /** Adds a webhook, as Runflow's dashboard would; returns its id. */
    synchronized String add(String url, List<String> eventTypes) {
        if (!CreateRequest.isHttpUrl(url)) {
            throw new IllegalArgumentException("url must be an absolute http or https URL: " + url);
        }
        for (String type : eventTypes) {
            if (!EVENT_TYPES.containsKey(type)) {
                throw new IllegalArgumentException("unknown event type " + type + "; known: " + EVENT_TYPES.keySet());
            }
        }
        Hook hook = new Hook(ids.next(), url, eventTypes, clock.instant());
        hooks.put(hook.id, hook);
        return hook.id;
    }

    /** A run ended: one delivery per subscribed, enabled webhook, each sent once. */
    void runFinished(ObjectNode payload) {
        String event = payload.path("event").asText();
        byte[] bytes = Json.write(payload);
        List<Map.Entry<Delivery, String>> due = new ArrayList<>();
        synchronized (this) {
            for (Hook hook : hooks.values()) {
                if (hook.disabledAt == null && (hook.eventTypes.isEmpty() || hook.eventTypes.contains(event))) {
                    Delivery d = new Delivery(ids.next(), hook.id, event, payload.deepCopy(), clock.instant());
                    deliveries.add(d);
                    hook.lastTriggeredAt = d.createdAt;
                    due.add(Map.entry(d, hook.url));
                }
            }
        }
        for (Map.Entry<Delivery, String> entry : due) {
            scheduler.start(Duration.ZERO, () -> attempt(entry.getKey(), entry.getValue(), bytes));
        }
    }

    private CompletableFuture<Void> attempt(Delivery d, String url, byte[] payload) {
        URI uri = URI.create(url);
        String refusal = guard.refusal(uri);
        long started = System.nanoTime();
        CompletableFuture<CallbackSender.Result> sent = refusal != null
                ? CompletableFuture.completedFuture(CallbackSender.Result.failed(refusal))
                : sender.send(uri, payload, "req_" + d.id, null);
        return sent.thenAccept(result -> {
            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            boolean ok = result.status() >= 200 && result.status() < 300;
            String body = result.error() != null ? result.error() : result.body();
            synchronized (this) {
                d.attempts.add(
                        new Attempt(ids.next(), d.attempts.size() + 1, result.status(), body, ms, ok, clock.instant()));
            }
        });
    }

    /** {@code GET /v1/webhooks}: paged, filtered ({@code url}, {@code created_at}), oldest first. */
    Response list(Request request) {
        Map<String, Function<Hook, Object>> fields = new LinkedHashMap<>();
        fields.put("id", h -> h.id);
        fields.put("url", h -> h.url);
        fields.put("created_at", h -> h.createdAt);
        Listing<Hook> listing = Listing.parse(request.query(), fields, "created_at:asc");
        synchronized (this) {
            return Response.json(200, listing.envelope(listing.page(List.copyOf(hooks.values())), h -> json(h, false)));
        }
    }

    /** {@code GET /v1/webhooks/{id}}: subscriptions always, deliveries with attempts under {@code embed=deliveries}. */
    synchronized Response get(Request request) {
        boolean embed =
                Set.of(request.query().getOrDefault("embed", "").split(",")).contains("deliveries");
        return Response.json(200, json(require(request.param("id")), embed));
    }

    /** {@code PATCH /v1/webhooks/{id}}: {@code url} and {@code disabled}; anything else is 422. */
    synchronized Response patch(Request request) {
        Hook hook = require(request.param("id"));
        JsonNode body = Json.parse(request.body());
        if (!body.isObject()) {
            throw ErrorResponseException.badRequest("request body must be a JSON object");
        }
        List<ErrorResponseException.FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("url") && !name.equals("disabled")) {
                errors.add(new ErrorResponseException.FieldError(name, "only url and disabled may be changed"));
            }
        });
        JsonNode url = body.get("url");
        if (url != null && (!url.isTextual() || !CreateRequest.isHttpUrl(url.asText()))) {
            errors.add(new ErrorResponseException.FieldError("url", "must be an absolute http or https URL"));
        }
        JsonNode disabled = body.get("disabled");
        if (disabled != null && !disabled.isBoolean()) {
            errors.add(new ErrorResponseException.FieldError("disabled", "must be true or false"));
        }
        if (!errors.isEmpty()) {
            throw new ErrorResponseException(422, "VALIDATION_ERROR", "request validation failed", errors);
        }
        Instant now = clock.instant();
        if (url != null) {
            hook.url = url.asText();
        }
        if (disabled != null) {
            hook.disabledAt = disabled.asBoolean() ? (hook.disabledAt != null ? hook.disabledAt : now) : null;
        }
        hook.updatedAt = now;
        return Response.json(200, json(hook, false));
    }

    /** {@code DELETE /v1/webhooks/{id}}: 204; its deliveries go with it; a second delete is 404. */
    synchronized Response delete(Request request) {
        Hook hook = require(request.param("id"));
        hooks.remove(hook.id);
        deliveries.removeIf(d -> d.webhookId.equals(hook.id));
        return Response.bytes(204, "application/json", new byte[0]);
    }

    /** {@code GET /v1/webhooks/event-types}: the paged envelope of {@code {code, description}}. */
    Response eventTypes(Request request) {
        Map<String, Function<Map.Entry<String, String>, Object>> fields = new LinkedHashMap<>();
        fields.put("code", Map.Entry::getKey);
        Listing<Map.Entry<String, String>> listing = Listing.parse(request.query(), fields, "code:asc");
        return Response.json(
                200,
                listing.envelope(
                        listing.page(List.copyOf(EVENT_TYPES.entrySet())),
                        e -> Json.object().put("code", e.getKey()).put("description", e.getValue())));
    }

    /** {@code GET /v1/webhooks/{id}/deliveries}: paged, oldest first; {@code any} spans every webhook. */
    synchronized Response deliveries(Request request) {
        String webhookId = request.param("id");
        if (!NodeRuns.ANY.equals(webhookId)) {
            require(webhookId);
        }
        Map<String, Function<Delivery, Object>> fields = new LinkedHashMap<>();
        fields.put("id", d -> d.id);
        fields.put("webhook_id", d -> d.webhookId);
        fields.put("event_type_code", d -> d.eventType);
        fields.put("created_at", d -> d.createdAt);
        Listing<Delivery> listing = Listing.parse(request.query(), fields, "created_at:asc");
        List<Delivery> matching = new ArrayList<>();
        for (Delivery d : deliveries) {
            if (NodeRuns.ANY.equals(webhookId) || d.webhookId.equals(webhookId)) {
                matching.add(d);
            }
        }
        return Response.json(200, listing.envelope(listing.page(matching), d -> json(d, false)));
    }

    /** {@code GET /v1/webhooks/{webhook}/deliveries/{id}/attempts}: the delivery's attempts, paged. */
    synchronized Response attempts(Request request) {
        String webhookId = request.param("webhook");
        String deliveryId = request.param("id");
        Delivery delivery = null;
        for (Delivery d : deliveries) {
            if (d.id.equals(deliveryId) && (NodeRuns.ANY.equals(webhookId) || d.webhookId.equals(webhookId))) {
                delivery = d;
            }
        }
        if (delivery == null) {
            throw ErrorResponseException.notFound(
                    "WEBHOOK_DELIVERY_NOT_FOUND", "webhook delivery " + deliveryId + " does not exist");
        }
        Delivery found = delivery;
        Map<String, Function<Attempt, Object>> fields = new LinkedHashMap<>();
        fields.put("attempt_number", Attempt::number);
        Listing<Attempt> listing = Listing.parse(request.query(), fields, "attempt_number:asc");
        return Response.json(200, listing.envelope(listing.page(List.copyOf(found.attempts)), a -> json(found, a)));
    }

    synchronized void clear() {
        hooks.clear();
        deliveries.clear();
    }

    private Hook require(String id) {
        Hook hook = hooks.get(id);
        if (hook == null) {
            throw ErrorResponseException.notFound(
                    "WEBHOOK_NOT_FOUND", "webhook " + id + " does not exist or belongs to another org");
        }
        return hook;
    }

    private ObjectNode json(Hook h, boolean withDeliveries) {
        ObjectNode n = Json.object();
        n.put("id", h.id);
        n.put("org_id", orgId);
        n.put("url", h.url);
        n.put("secret_fingerprint", "whsec_" + Integer.toHexString(h.id.hashCode()));
        n.set("disabled_at", Json.time(h.disabledAt));
        n.set("last_triggered_at", Json.time(h.lastTriggeredAt));
        n.set("created_at", Json.time(h.createdAt));
        n.set("updated_at", Json.time(h.updatedAt));
        ArrayNode subscriptions = n.putArray("event_subscriptions");
        h.eventTypes.forEach(
                t -> subscriptions.addObject().put("webhook_id", h.id).put("event_type_code", t));
        if (withDeliveries) {
            ArrayNode embedded = n.putArray("deliveries");
            for (Delivery d : deliveries) {
                if (d.webhookId.equals(h.id)) {
                    embedded.add(json(d, true));
                }
            }
        }
        return n;
    }

    private ObjectNode json(Delivery d, boolean withAttempts) {
        ObjectNode n = Json.object();
        n.put("id", d.id);
        n.put("webhook_id", d.webhookId);
        n.put("event_type_code", d.eventType);
        n.set("payload", d.payload.deepCopy());
        n.set("created_at", Json.time(d.createdAt));
        if (withAttempts) {
            ArrayNode attempts = n.putArray("attempts");
            d.attempts.forEach(a -> attempts.add(json(d, a)));
        }
        return n;
    }

    private static ObjectNode json(Delivery d, Attempt a) {
        ObjectNode n = Json.object();
        n.put("id", a.id());
        n.put("delivery_id", d.id);
        n.put("attempt_number", a.number());
        n.put("status_code", a.status());
        n.put("response_body", a.responseBody());
        n.put("response_time_ms", a.responseTimeMs());
        n.put("succeeded", a.succeeded());
        n.putNull("next_retry_at");
        n.set("created_at", Json.time(a.createdAt()));
        return n;
    }
}
