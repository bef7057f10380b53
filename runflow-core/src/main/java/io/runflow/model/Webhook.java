package io.runflow.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * An organization webhook (contract section 3.14): a URL that receives the organization's run events,
 * an alternative to a per-run {@code callback_url}. Read with {@code runflow.webhooks()}; creation is
 * not documented by Runflow yet, so this SDK offers none.
 *
 * <p>Every field but the id is optional; fields this SDK does not model stay reachable through {@link
 * #raw()}.
 */
public final class Webhook {

    private final String id;
    private final String orgId;
    private final String url;
    private final String secretFingerprint;
    private final OffsetDateTime disabledAt;
    private final OffsetDateTime lastTriggeredAt;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime updatedAt;
    private final List<String> eventTypes;
    private final List<WebhookDelivery> deliveries;
    private final JsonValue raw;

    private Webhook(Builder builder) {
        this.id = builder.id;
        this.orgId = builder.orgId;
        this.url = builder.url;
        this.secretFingerprint = builder.secretFingerprint;
        this.disabledAt = builder.disabledAt;
        this.lastTriggeredAt = builder.lastTriggeredAt;
        this.createdAt = builder.createdAt;
        this.updatedAt = builder.updatedAt;
        this.eventTypes = builder.eventTypes;
        this.deliveries = builder.deliveries;
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
     * Returns the webhook id.
     *
     * @return the webhook id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the organization's id.
     *
     * @return the organization's id
     */
    public String orgId() {
        return orgId;
    }

    /**
     * Returns where the webhook delivers.
     *
     * @return where the webhook delivers
     */
    public String url() {
        return url;
    }

    /**
     * Returns a fingerprint of the webhook's signing secret (never the secret).
     *
     * @return a fingerprint of the webhook's signing secret (never the secret)
     */
    public String secretFingerprint() {
        return secretFingerprint;
    }

    /**
     * Returns when the webhook was disabled; {@code null} while enabled.
     *
     * @return when the webhook was disabled; {@code null} while enabled
     */
    public OffsetDateTime disabledAt() {
        return disabledAt;
    }

    /**
     * Returns when the webhook last delivered.
     *
     * @return when the webhook last delivered
     */
    public OffsetDateTime lastTriggeredAt() {
        return lastTriggeredAt;
    }

    /**
     * Returns when the webhook was created.
     *
     * @return when the webhook was created
     */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /**
     * Returns when the webhook last changed.
     *
     * @return when the webhook last changed
     */
    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    /**
     * Returns the event types it is subscribed to ({@code event_subscriptions[].event_type_code}); empty when none were sent.
     *
     * @return the event types it is subscribed to ({@code event_subscriptions[].event_type_code}); empty when none were sent
     */
    public List<String> eventTypes() {
        return eventTypes;
    }

    /**
     * Returns the deliveries embedded by {@code get}; empty when none were embedded.
     *
     * @return the deliveries embedded by {@code get}; empty when none were embedded
     */
    public List<WebhookDelivery> deliveries() {
        return deliveries;
    }

    /**
     * Returns the webhook as received.
     *
     * @return the webhook as received
     */
    public JsonValue raw() {
        return raw;
    }

    /**
     * Tells whether the webhook is disabled.
     *
     * @return {@code true} when {@link #disabledAt()} is set
     */
    public boolean isDisabled() {
        return disabledAt != null;
    }

    @Override
    public String toString() {
        return "Webhook[id=" + id + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Webhook other
                && Objects.equals(id, other.id)
                && Objects.equals(orgId, other.orgId)
                && Objects.equals(url, other.url)
                && Objects.equals(secretFingerprint, other.secretFingerprint)
                && Objects.equals(disabledAt, other.disabledAt)
                && Objects.equals(lastTriggeredAt, other.lastTriggeredAt)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(updatedAt, other.updatedAt)
                && Objects.equals(eventTypes, other.eventTypes)
                && Objects.equals(deliveries, other.deliveries)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                orgId,
                url,
                secretFingerprint,
                disabledAt,
                lastTriggeredAt,
                createdAt,
                updatedAt,
                eventTypes,
                deliveries,
                raw);
    }

    /** Builds a {@link Webhook}; id required. */
    public static final class Builder {

        private String id;
        private String orgId;
        private String url;
        private String secretFingerprint;
        private OffsetDateTime disabledAt;
        private OffsetDateTime lastTriggeredAt;
        private OffsetDateTime createdAt;
        private OffsetDateTime updatedAt;
        private List<String> eventTypes = List.of();
        private List<WebhookDelivery> deliveries = List.of();
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(Webhook source) {
            this.id = source.id;
            this.orgId = source.orgId;
            this.url = source.url;
            this.secretFingerprint = source.secretFingerprint;
            this.disabledAt = source.disabledAt;
            this.lastTriggeredAt = source.lastTriggeredAt;
            this.createdAt = source.createdAt;
            this.updatedAt = source.updatedAt;
            this.eventTypes = source.eventTypes;
            this.deliveries = source.deliveries;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the webhook id, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code orgId}.
         *
         * @param orgId the organization's id, or {@code null}
         * @return this builder
         */
        public Builder orgId(String orgId) {
            this.orgId = orgId;
            return this;
        }

        /**
         * Sets {@code url}.
         *
         * @param url where the webhook delivers, or {@code null}
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets {@code secretFingerprint}.
         *
         * @param secretFingerprint a fingerprint of the webhook's signing secret (never the secret), or {@code null}
         * @return this builder
         */
        public Builder secretFingerprint(String secretFingerprint) {
            this.secretFingerprint = secretFingerprint;
            return this;
        }

        /**
         * Sets {@code disabledAt}.
         *
         * @param disabledAt when the webhook was disabled; {@code null} while enabled, or {@code null}
         * @return this builder
         */
        public Builder disabledAt(OffsetDateTime disabledAt) {
            this.disabledAt = disabledAt;
            return this;
        }

        /**
         * Sets {@code lastTriggeredAt}.
         *
         * @param lastTriggeredAt when the webhook last delivered, or {@code null}
         * @return this builder
         */
        public Builder lastTriggeredAt(OffsetDateTime lastTriggeredAt) {
            this.lastTriggeredAt = lastTriggeredAt;
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when the webhook was created, or {@code null}
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@code updatedAt}.
         *
         * @param updatedAt when the webhook last changed, or {@code null}
         * @return this builder
         */
        public Builder updatedAt(OffsetDateTime updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * Sets {@code eventTypes}.
         *
         * @param eventTypes the event types it is subscribed to ({@code event_subscriptions[].event_type_code}); empty when none were sent; {@code null} stands for none
         * @return this builder
         */
        public Builder eventTypes(List<String> eventTypes) {
            this.eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
            return this;
        }

        /**
         * Sets {@code deliveries}.
         *
         * @param deliveries the deliveries embedded by {@code get}; empty when none were embedded; {@code null} stands for none
         * @return this builder
         */
        public Builder deliveries(List<WebhookDelivery> deliveries) {
            this.deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the webhook as received; {@code null} stands for JSON {@code null}
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
        public Webhook build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            return new Webhook(this);
        }
    }
}
