package io.runflow.internal.json;

import static io.runflow.internal.json.JsonFields.bool;
import static io.runflow.internal.json.JsonFields.firstText;
import static io.runflow.internal.json.JsonFields.intValue;
import static io.runflow.internal.json.JsonFields.millis;
import static io.runflow.internal.json.JsonFields.requireObject;
import static io.runflow.internal.json.JsonFields.requireText;
import static io.runflow.internal.json.JsonFields.text;
import static io.runflow.internal.json.JsonFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.model.JsonValue;
import io.runflow.model.Webhook;
import io.runflow.model.WebhookAttempt;
import io.runflow.model.WebhookDelivery;
import io.runflow.model.WebhookEventType;
import io.runflow.model.WebhookUpdate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes organization webhooks (contract section 3.14): a webhook with its embedded
 * subscriptions and deliveries, a delivery, an attempt, an event type, the update body. Not public
 * API.
 */
public final class WebhookWire {

    private WebhookWire() {}

    /**
     * Reads a webhook.
     *
     * @param node a JSON object with at least {@code id}
     * @return the webhook
     */
    public static Webhook webhook(JsonNode node) {
        requireObject(node, "webhook");
        List<String> eventTypes = new ArrayList<>();
        for (JsonNode subscription : node.path("event_subscriptions")) {
            String code = subscription.isTextual() ? subscription.asText() : text(subscription, "event_type_code");
            if (code != null) {
                eventTypes.add(code);
            }
        }
        List<WebhookDelivery> deliveries = new ArrayList<>();
        for (JsonNode delivery : node.path("deliveries")) {
            if (delivery.isObject() && delivery.path("id").isTextual()) {
                deliveries.add(delivery(delivery));
            }
        }
        return Webhook.builder()
                .id(requireText(node, "id", "webhook"))
                .orgId(text(node, "org_id"))
                .url(text(node, "url"))
                .secretFingerprint(text(node, "secret_fingerprint"))
                .disabledAt(timestamp(node, "disabled_at"))
                .lastTriggeredAt(timestamp(node, "last_triggered_at"))
                .createdAt(timestamp(node, "created_at"))
                .updatedAt(timestamp(node, "updated_at"))
                .eventTypes(eventTypes)
                .deliveries(deliveries)
                .raw(JsonValues.of(node))
                .build();
    }

    /**
     * Reads a webhook delivery.
     *
     * @param node a JSON object with at least {@code id}
     * @return the delivery
     */
    public static WebhookDelivery delivery(JsonNode node) {
        requireObject(node, "webhook delivery");
        List<WebhookAttempt> attempts = new ArrayList<>();
        for (JsonNode attempt : node.path("attempts")) {
            if (attempt.isObject() && attempt.path("id").isTextual()) {
                attempts.add(attempt(attempt));
            }
        }
        JsonValue json = JsonValues.of(node);
        return WebhookDelivery.builder()
                .id(requireText(node, "id", "webhook delivery"))
                .webhookId(text(node, "webhook_id"))
                .eventType(firstText(node, "event_type_code", "event_type"))
                .payload(json.path("payload"))
                .createdAt(timestamp(node, "created_at"))
                .attempts(attempts)
                .raw(json)
                .build();
    }

    /**
     * Reads a webhook delivery attempt.
     *
     * @param node a JSON object with at least {@code id}
     * @return the attempt
     */
    public static WebhookAttempt attempt(JsonNode node) {
        requireObject(node, "webhook attempt");
        return WebhookAttempt.builder()
                .id(requireText(node, "id", "webhook attempt"))
                .deliveryId(text(node, "delivery_id"))
                .attemptNumber(intValue(node, "attempt_number"))
                .httpStatus(intValue(node, "status_code"))
                .responseBody(text(node, "response_body"))
                .responseTime(millis(node, "response_time_ms"))
                .succeeded(bool(node, "succeeded"))
                .nextRetryAt(timestamp(node, "next_retry_at"))
                .createdAt(timestamp(node, "created_at"))
                .raw(JsonValues.of(node))
                .build();
    }

    /**
     * Reads an event type: an object with {@code code} (or {@code event_type_code}), or a bare string.
     *
     * @param node the entry
     * @return the event type
     */
    public static WebhookEventType eventType(JsonNode node) {
        String code = node != null && node.isTextual()
                ? node.asText()
                : node != null && node.isObject() ? firstText(node, "code", "event_type_code", "name") : null;
        if (code == null) {
            throw new IllegalArgumentException("webhook event type has no \"code\"");
        }
        String description = node.isObject() ? firstText(node, "description", "display_name") : null;
        return new WebhookEventType(code, description, JsonValues.of(node));
    }

    /**
     * Writes the body of {@code PATCH /v1/webhooks/{id}}: {@code url} and {@code disabled} where set.
     * The field names of this body are not documented; {@code disabled} is this SDK's reading of the
     * webhook's {@code disabled_at}.
     *
     * @param update the change
     * @return the body
     */
    public static ObjectNode updateBody(WebhookUpdate update) {
        ObjectNode body = RunflowJson.mapper().createObjectNode();
        if (update.newUrl() != null) {
            body.put("url", update.newUrl());
        }
        if (update.disabled() != null) {
            body.put("disabled", update.disabled());
        }
        return body;
    }
}
