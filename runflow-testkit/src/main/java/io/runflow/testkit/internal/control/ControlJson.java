package io.runflow.testkit.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.FakeCallbackSecret;
import io.runflow.testkit.FakeRun;
import io.runflow.testkit.RecordedCallback;
import io.runflow.testkit.RecordedCallbackAttempt;
import io.runflow.testkit.RecordedRequest;
import io.runflow.testkit.internal.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The testkit's snapshots as control JSON: one object per record, snake_case names after the record
 * components, times as the API writes them (UTC, {@code Z}), durations as ISO-8601 strings, absent
 * values as JSON {@code null}.
 */
final class ControlJson {

    private ControlJson() {}

    /** {@code {"items": [...]}}, the list shape of the API. */
    static <T> ObjectNode items(List<T> values, Function<T, JsonNode> each) {
        ObjectNode page = Json.object();
        ArrayNode items = page.putArray("items");
        values.forEach(v -> items.add(each.apply(v)));
        return page;
    }

    static JsonNode request(RecordedRequest r) {
        ObjectNode n = Json.object();
        n.put("sequence", r.sequence());
        n.put("method", r.method());
        n.put("path", r.path());
        n.put("query", r.query());
        // Lower case, as HTTP/2 writes them: a dict lookup in Python or Node.js needs one spelling.
        Map<String, List<String>> byName = new TreeMap<>();
        r.headers()
                .forEach((name, values) -> byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .addAll(values));
        ObjectNode headers = n.putObject("headers");
        byName.forEach((name, values) -> values.forEach(headers.withArrayProperty(name)::add));
        n.put("body", r.bodyAsString());
        n.set("json", parsedOrNull(r.body()));
        n.set("received_at", Json.time(r.receivedAt()));
        return n;
    }

    static JsonNode delivery(RecordedCallback c) {
        ObjectNode n = Json.object();
        n.put("id", c.id());
        n.put("run_id", c.runId());
        n.put("callback_url", c.callbackUrl());
        n.put("payload", c.payloadAsString());
        n.set("json", parsedOrNull(c.payload()));
        Json.putNullable(n, "signature", c.signature());
        Json.putNullable(n, "signing_secret_id", c.signingSecretId());
        n.put("request_id", c.requestId());
        n.put("automatic", c.automatic());
        n.put("status", c.status());
        n.put("delivered", c.delivered());
        ArrayNode attempts = n.putArray("attempts");
        for (RecordedCallbackAttempt a : c.attempts()) {
            ObjectNode o = attempts.addObject();
            o.put("number", a.number());
            o.put("status_code", a.statusCode());
            o.put("response_body", a.responseBody());
            Json.putNullable(o, "error", a.error());
            o.set("attempted_at", Json.time(a.attemptedAt()));
            o.put("response_time", a.responseTime().toString());
            o.put("succeeded", a.succeeded());
        }
        n.set("created_at", Json.time(c.createdAt()));
        return n;
    }

    static JsonNode run(FakeRun r) {
        ObjectNode n = Json.object();
        n.put("id", r.id());
        n.put("model", r.model());
        n.put("status", r.status());
        n.put("terminal", r.isTerminal());
        n.set("input", Json.node(r.input()));
        n.set("metadata", Json.node(r.metadata()));
        Json.putNullable(n, "callback_url", r.callbackUrl());
        Json.putNullable(n, "client_ref", r.clientRef());
        Json.putNullable(n, "idempotency_key", r.idempotencyKey());
        n.put("seed", r.seed());
        n.set("created_at", Json.time(r.createdAt()));
        n.set("completed_at", Json.time(r.completedAt()));
        Json.putNullable(n, "failure_code", r.failureCode());
        Json.putNullable(n, "failure_message", r.failureMessage());
        return n;
    }

    static JsonNode secret(FakeCallbackSecret s) {
        ObjectNode n = Json.object();
        n.put("id", s.id());
        Json.putNullable(n, "label", s.label());
        n.put("key_prefix", s.keyPrefix());
        n.put("current", s.current());
        n.set("created_at", Json.time(s.createdAt()));
        n.set("updated_at", Json.time(s.updatedAt()));
        return n;
    }

    /** The body as JSON when it is JSON, else JSON {@code null}. */
    private static JsonNode parsedOrNull(byte[] body) {
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return Json.parse(body);
        } catch (RuntimeException notJson) {
            return NullNode.getInstance();
        }
    }
}
