package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.RecordedCallbackAttempt;
import io.runflow.testkit.internal.http.Json;
import java.nio.charset.StandardCharsets;

/** Writes the CallbackDelivery record (contract section 6.6), attempts included. */
final class CallbackJson {

    private CallbackJson() {}

    /** Call with the ledger's lock held. */
    static ObjectNode delivery(CallbackLedger.Delivery d) {
        ObjectNode n = Json.object();
        n.put("id", d.id);
        n.put(d.batch ? "batch_id" : "run_id", d.runId);
        n.put("callback_url", d.url);
        n.put("payload_bytes", new String(d.payload, StandardCharsets.UTF_8));
        n.set("payload", Json.parse(d.payload));
        Json.putNullable(n, "signing_secret_id", d.signing == null ? null : d.signing.id());
        n.put("is_automatic", d.automatic);
        n.put("status_code", d.status);
        Json.putNullable(n, "failure_reason_code", d.failureReason);
        Json.putNullable(n, "failure_detail", d.failureDetail);
        n.put("attempt_count", d.attempts.size());
        n.put("max_attempts", CallbackLedger.MAX_ATTEMPTS);
        n.set("next_attempt_at", Json.time(d.nextAttemptAt));
        n.set("created_at", Json.time(d.createdAt));
        n.set("updated_at", Json.time(d.updatedAt));
        n.set("completed_at", Json.time(d.completedAt));
        ArrayNode attempts = n.putArray("attempts");
        for (RecordedCallbackAttempt a : d.attempts) {
            ObjectNode o = attempts.addObject();
            o.put("id", d.id + "-" + a.number());
            o.put("delivery_id", d.id);
            o.put("attempt_number", a.number());
            if (a.statusCode() == 0) {
                o.putNull("status_code");
            } else {
                o.put("status_code", a.statusCode());
            }
            o.put("response_body", a.responseBody());
            o.put("response_time_ms", a.responseTime().toMillis());
            Json.putNullable(o, "error_message", a.error());
            o.set("created_at", Json.time(a.attemptedAt()));
        }
        return n;
    }
}
