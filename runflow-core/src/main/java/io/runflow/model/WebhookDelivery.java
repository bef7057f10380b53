package io.runflow.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One event delivered (or being delivered) to an organization webhook, with its attempts when
 * embedded ({@code GET /v1/webhooks/{id}/deliveries}).
 */
public final class WebhookDelivery {

    private final String id;
    private final String webhookId;
    private final String eventType;
    private final JsonValue payload;
    private final OffsetDateTime createdAt;
    private final List<WebhookAttempt> attempts;
    private final JsonValue raw;

    private WebhookDelivery(Builder builder) {
        this.id = builder.id;
        this.webhookId = builder.webhookId;
        this.eventType = builder.eventType;
        this.payload = builder.payload;
        this.createdAt = builder.createdAt;
        this.attempts = builder.attempts;
        this.raw = builder.raw;
    }

    /**
     * Returns a new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this value's fields, to build a changed copy.
     *
     * @return a builder initialised from this value
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the delivery id.
     *
     * @return the delivery id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the id of the webhook it went to.
     *
     * @return the id of the webhook it went to
     */
    public String webhookId() {
        return webhookId;
    }

    /**
     * Returns the event type, for example {@code run.completed}.
     *
     * @return the event type, for example {@code run.completed}
     */
    public String eventType() {
        return eventType;
    }

    /**
     * Returns the payload delivered (JSON {@code null} when absent).
     *
     * @return the payload delivered (JSON {@code null} when absent)
     */
    public JsonValue payload() {
        return payload;
    }

    /**
     * Returns when the delivery was created.
     *
     * @return when the delivery was created
     */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /**
     * Returns its attempts, when embedded; empty otherwise.
     *
     * @return its attempts, when embedded; empty otherwise
     */
    public List<WebhookAttempt> attempts() {
        return attempts;
    }

    /**
     * Returns the delivery as received.
     *
     * @return the delivery as received
     */
    public JsonValue raw() {
        return raw;
    }

    @Override
    public String toString() {
        return "WebhookDelivery[id=" + id + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof WebhookDelivery other
                && Objects.equals(id, other.id)
                && Objects.equals(webhookId, other.webhookId)
                && Objects.equals(eventType, other.eventType)
                && Objects.equals(payload, other.payload)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(attempts, other.attempts)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, webhookId, eventType, payload, createdAt, attempts, raw);
    }

    /** Builds a {@link WebhookDelivery}; id required. */
    public static final class Builder {

        private String id;
        private String webhookId;
        private String eventType;
        private JsonValue payload = JsonValue.JsonNull.INSTANCE;
        private OffsetDateTime createdAt;
        private List<WebhookAttempt> attempts = List.of();
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(WebhookDelivery source) {
            this.id = source.id;
            this.webhookId = source.webhookId;
            this.eventType = source.eventType;
            this.payload = source.payload;
            this.createdAt = source.createdAt;
            this.attempts = source.attempts;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the delivery id, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code webhookId}.
         *
         * @param webhookId the id of the webhook it went to, or {@code null}
         * @return this builder
         */
        public Builder webhookId(String webhookId) {
            this.webhookId = webhookId;
            return this;
        }

        /**
         * Sets {@code eventType}.
         *
         * @param eventType the event type, for example {@code run.completed}, or {@code null}
         * @return this builder
         */
        public Builder eventType(String eventType) {
            this.eventType = eventType;
            return this;
        }

        /**
         * Sets {@code payload}.
         *
         * @param payload the payload delivered (JSON {@code null} when absent); {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder payload(JsonValue payload) {
            this.payload = payload == null ? JsonValue.JsonNull.INSTANCE : payload;
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when the delivery was created, or {@code null}
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@code attempts}.
         *
         * @param attempts its attempts, when embedded; empty otherwise; {@code null} stands for none
         * @return this builder
         */
        public Builder attempts(List<WebhookAttempt> attempts) {
            this.attempts = attempts == null ? List.of() : List.copyOf(attempts);
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the delivery as received; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder raw(JsonValue raw) {
            this.raw = raw == null ? JsonValue.JsonNull.INSTANCE : raw;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws IllegalStateException if a required value is not set
         */
        public WebhookDelivery build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            return new WebhookDelivery(this);
        }
    }
}
