package io.runflow.internal.json;

import static io.runflow.internal.json.JsonFields.bool;
import static io.runflow.internal.json.JsonFields.intValue;
import static io.runflow.internal.json.JsonFields.millis;
import static io.runflow.internal.json.JsonFields.requireObject;
import static io.runflow.internal.json.JsonFields.requireText;
import static io.runflow.internal.json.JsonFields.text;
import static io.runflow.internal.json.JsonFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.model.CallbackAttempt;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Reads callback deliveries and their attempts. Not public API. */
public final class CallbackDeliveryWire {

    private CallbackDeliveryWire() {}

    /**
     * Reads a callback delivery record.
     *
     * @param node a JSON object with at least {@code id}
     * @return the delivery
     */
    public static CallbackDelivery callbackDelivery(JsonNode node) {
        requireObject(node, "callback delivery");
        List<CallbackAttempt> attempts = new ArrayList<>();
        for (JsonNode attempt : node.path("attempts")) {
            if (attempt.isObject()) {
                Integer number = intValue(attempt, "attempt_number");
                attempts.add(CallbackAttempt.builder()
                        .id(text(attempt, "id"))
                        .attemptNumber(number == null ? attempts.size() + 1 : number)
                        .httpStatus(intValue(attempt, "status_code"))
                        .responseBody(text(attempt, "response_body"))
                        .responseTime(millis(attempt, "response_time_ms"))
                        .errorMessage(text(attempt, "error_message"))
                        .createdAt(timestamp(attempt, "created_at"))
                        .build());
            }
        }
        Integer attemptCount = intValue(node, "attempt_count");
        Integer maxAttempts = intValue(node, "max_attempts");
        JsonValue json = JsonValues.of(node);
        return CallbackDelivery.builder()
                .id(requireText(node, "id", "callback delivery"))
                .runId(text(node, "run_id"))
                .batchId(text(node, "batch_id"))
                .callbackUrl(text(node, "callback_url"))
                .payloadBytes(text(node, "payload_bytes"))
                .signingSecretId(text(node, "signing_secret_id"))
                .automatic(!Boolean.FALSE.equals(bool(node, "is_automatic")))
                .statusCode(text(node, "status_code"))
                .failureReasonCode(text(node, "failure_reason_code"))
                .attemptCount(attemptCount == null ? attempts.size() : attemptCount)
                .maxAttempts(maxAttempts == null ? 0 : maxAttempts)
                .nextAttemptAt(timestamp(node, "next_attempt_at"))
                .createdAt(timestamp(node, "created_at"))
                .completedAt(timestamp(node, "completed_at"))
                .attempts(attempts)
                .raw(json)
                .build();
    }
}
