package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.FakeCallbackSecret;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.Json;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The org's callback signing secrets ({@code /v1/callback-secrets}). {@code plain_secret} appears only
 * in the create answer; the one secret with {@code is_current} signs deliveries. The first secret
 * created while none is current becomes current; {@code PATCH is_current=true} promotes another.
 */
final class CallbackSecretsApi {

    /** A secret's id and value, for signing. */
    record Signing(String id, String secret) {
        /** Shows the id only: a record's own {@code toString()} would print the value. */
        @Override
        public String toString() {
            return "Signing[id=" + id + ", secret=***]";
        }
    }

    private static final class Secret {
        final String id;
        final String plain;
        final Instant createdAt;
        String label;
        boolean current;
        Instant updatedAt;
        Instant lastUsedAt;

        Secret(String id, String plain, String label, boolean current, Instant createdAt) {
            this.id = id;
            this.plain = plain;
            this.label = label;
            this.current = current;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    private final List<Secret> secrets = new ArrayList<>();
    private final Ids ids;
    private final Clock clock;
    private final String orgId;
    private final String initialSecret;

    CallbackSecretsApi(Ids ids, Clock clock, String orgId, String initialSecret) {
        this.ids = ids;
        this.clock = clock;
        this.orgId = orgId;
        this.initialSecret = initialSecret;
        reset();
    }

    synchronized void reset() {
        secrets.clear();
        if (initialSecret != null) {
            secrets.add(new Secret(ids.next(), initialSecret, "default", true, clock.instant()));
        }
    }

    /** The current signing secret, or null when none is current (deliveries go unsigned). */
    synchronized Signing current() {
        for (Secret s : secrets) {
            if (s.current) {
                s.lastUsedAt = clock.instant();
                return new Signing(s.id, s.plain);
            }
        }
        return null;
    }

    /** Snapshots of every secret, oldest first, without their values. */
    synchronized List<FakeCallbackSecret> snapshots() {
        return secrets.stream()
                .map(s -> new FakeCallbackSecret(s.id, s.label, prefix(s), s.current, s.createdAt, s.updatedAt))
                .toList();
    }

    synchronized String currentValue() {
        return secrets.stream()
                .filter(s -> s.current)
                .map(s -> s.plain)
                .findFirst()
                .orElse(null);
    }

    Response create(Request request) {
        JsonNode body = request.body().length == 0 ? Json.object() : Json.parse(request.body());
        String label = label(body);
        synchronized (this) {
            boolean current = secrets.stream().noneMatch(s -> s.current);
            Secret s = new Secret(ids.next(), "whsec_" + ids.secret(), label, current, clock.instant());
            secrets.add(s);
            ObjectNode json = Json.object().put("plain_secret", s.plain);
            json.setAll(json(s));
            return Response.json(201, json);
        }
    }

    synchronized Response get(Request request) {
        return Response.json(200, json(find(request.param("id"))));
    }

    /** {@code GET /v1/callback-secrets}, with the list parameters of contract section 2.1. */
    synchronized Response list(Request request) {
        java.util.Map<String, java.util.function.Function<Secret, Object>> fields = new java.util.LinkedHashMap<>();
        fields.put("id", s -> s.id);
        fields.put("label", s -> s.label);
        fields.put("is_current", s -> s.current);
        fields.put("created_at", s -> s.createdAt);
        fields.put("updated_at", s -> s.updatedAt);
        Listing<Secret> listing = Listing.parse(request.query(), fields, "created_at:asc");
        return Response.json(200, listing.envelope(listing.page(List.copyOf(secrets)), this::json));
    }

    Response patch(Request request) {
        JsonNode body = Json.parse(request.body());
        if (!body.isObject()) {
            throw ErrorResponseException.badRequest("request body must be a JSON object");
        }
        String label = body.has("label") ? label(body) : null;
        JsonNode isCurrent = body.get("is_current");
        if (isCurrent != null && !isCurrent.isNull() && !isCurrent.isBoolean()) {
            throw ErrorResponseException.validation("is_current", "must be a boolean or null");
        }
        synchronized (this) {
            Secret s = find(request.param("id"));
            if (body.has("label")) {
                s.label = label;
            }
            if (isCurrent != null && isCurrent.isBoolean()) {
                if (isCurrent.booleanValue()) {
                    secrets.forEach(other -> other.current = false);
                }
                s.current = isCurrent.booleanValue();
            }
            s.updatedAt = clock.instant();
            return Response.json(200, json(s));
        }
    }

    private static String label(JsonNode body) {
        if (!body.isObject()) {
            throw ErrorResponseException.badRequest("request body must be a JSON object");
        }
        JsonNode label = body.get("label");
        if (label == null || label.isNull()) {
            return null;
        }
        if (!label.isTextual() || label.textValue().length() > 255) {
            throw ErrorResponseException.validation("label", "must be a string of at most 255 characters");
        }
        return label.textValue();
    }

    private Secret find(String id) {
        return secrets.stream()
                .filter(s -> s.id.equals(id))
                .findFirst()
                .orElseThrow(
                        () -> ErrorResponseException.notFound("NOT_FOUND", "callback secret " + id + " not found"));
    }

    private static String prefix(Secret s) {
        return s.plain.substring(0, Math.min(10, s.plain.length()));
    }

    private ObjectNode json(Secret s) {
        ObjectNode n = Json.object();
        n.put("id", s.id);
        n.put("org_id", orgId);
        n.put("key_prefix", prefix(s));
        n.put("is_current", s.current);
        Json.putNullable(n, "label", s.label);
        n.putNull("disabled_at");
        n.set("last_used_at", Json.time(s.lastUsedAt));
        n.set("created_at", Json.time(s.createdAt));
        n.set("updated_at", Json.time(s.updatedAt));
        return n;
    }
}
