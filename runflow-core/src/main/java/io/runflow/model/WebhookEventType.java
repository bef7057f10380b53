package io.runflow.model;

import java.util.Objects;

/**
 * An event type an organization webhook may subscribe to ({@code GET /v1/webhooks/event-types}),
 * for example {@code run.completed}.
 *
 * @param code the event type's code, as subscriptions and deliveries name it
 * @param description what the event means; {@code null} if not sent
 * @param raw the entry as received, with any fields this SDK does not model
 */
public record WebhookEventType(String code, String description, JsonValue raw) {

    /** Checks the code and normalises a missing {@code raw} to JSON {@code null}. */
    public WebhookEventType {
        Objects.requireNonNull(code, "code");
        raw = raw == null ? JsonValue.JsonNull.INSTANCE : raw;
    }
}
