package io.runflow.model;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A callback signing secret of the organization ({@code /v1/callback-secrets}).
 *
 * <p>The secret material ({@code plain_secret}) is returned once, by the create call; {@link
 * #toString()} never shows it.
 */
public final class CallbackSecret {

    private final String id;
    private final String orgId;
    private final String keyPrefix;
    private final boolean current;
    private final String label;
    private final String plainSecret;
    private final OffsetDateTime disabledAt;
    private final OffsetDateTime lastUsedAt;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime updatedAt;
    private final JsonValue raw;

    private CallbackSecret(Builder builder) {
        this.id = builder.id;
        this.orgId = builder.orgId;
        this.keyPrefix = builder.keyPrefix;
        this.current = builder.current;
        this.label = builder.label;
        this.plainSecret = builder.plainSecret;
        this.disabledAt = builder.disabledAt;
        this.lastUsedAt = builder.lastUsedAt;
        this.createdAt = builder.createdAt;
        this.updatedAt = builder.updatedAt;
        this.raw = builder.raw == null ? JsonValue.JsonNull.INSTANCE : builder.raw;
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
     * Returns the secret's id.
     *
     * @return the secret's id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the organization.
     *
     * @return the organization
     */
    public String orgId() {
        return orgId;
    }

    /**
     * Returns the first characters of the secret, safe to show.
     *
     * @return the first characters of the secret, safe to show
     */
    public String keyPrefix() {
        return keyPrefix;
    }

    /**
     * Returns whether this secret signs new deliveries.
     *
     * @return whether this secret signs new deliveries
     */
    public boolean current() {
        return current;
    }

    /**
     * Returns a label.
     *
     * @return a label
     */
    public String label() {
        return label;
    }

    /**
     * Returns the secret itself, only on the create response, else {@code null}.
     *
     * @return the secret itself, only on the create response, else {@code null}
     */
    public String plainSecret() {
        return plainSecret;
    }

    /**
     * Returns when it was disabled, if it was.
     *
     * @return when it was disabled, if it was
     */
    public OffsetDateTime disabledAt() {
        return disabledAt;
    }

    /**
     * Returns when it last signed a delivery.
     *
     * @return when it last signed a delivery
     */
    public OffsetDateTime lastUsedAt() {
        return lastUsedAt;
    }

    /**
     * Returns when it was created.
     *
     * @return when it was created
     */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /**
     * Returns when it was last changed.
     *
     * @return when it was last changed
     */
    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    /**
     * Returns the record as received (without the secret material).
     *
     * @return the record as received (without the secret material)
     */
    public JsonValue raw() {
        return raw;
    }

    /**
     * Returns the secret material, present only on the response of the create call.
     *
     * @return the {@code whsec_...} secret, or empty
     */
    public Optional<String> secret() {
        return Optional.ofNullable(plainSecret);
    }

    @Override
    public String toString() {
        return "CallbackSecret[id=" + id + ", keyPrefix=" + keyPrefix + ", current=" + current + ", label=" + label
                + ", plainSecret=" + (plainSecret == null ? "null" : "***") + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof CallbackSecret other
                && Objects.equals(id, other.id)
                && Objects.equals(orgId, other.orgId)
                && Objects.equals(keyPrefix, other.keyPrefix)
                && current == other.current
                && Objects.equals(label, other.label)
                && Objects.equals(plainSecret, other.plainSecret)
                && Objects.equals(disabledAt, other.disabledAt)
                && Objects.equals(lastUsedAt, other.lastUsedAt)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(updatedAt, other.updatedAt)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id, orgId, keyPrefix, current, label, plainSecret, disabledAt, lastUsedAt, createdAt, updatedAt, raw);
    }

    /** Builds a {@link CallbackSecret}; id is required. */
    public static final class Builder {

        private String id;
        private String orgId;
        private String keyPrefix;
        private boolean current;
        private String label;
        private String plainSecret;
        private OffsetDateTime disabledAt;
        private OffsetDateTime lastUsedAt;
        private OffsetDateTime createdAt;
        private OffsetDateTime updatedAt;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(CallbackSecret source) {
            this.id = source.id;
            this.orgId = source.orgId;
            this.keyPrefix = source.keyPrefix;
            this.current = source.current;
            this.label = source.label;
            this.plainSecret = source.plainSecret;
            this.disabledAt = source.disabledAt;
            this.lastUsedAt = source.lastUsedAt;
            this.createdAt = source.createdAt;
            this.updatedAt = source.updatedAt;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the secret's id, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code orgId}.
         *
         * @param orgId the organization
         * @return this builder
         */
        public Builder orgId(String orgId) {
            this.orgId = orgId;
            return this;
        }

        /**
         * Sets {@code keyPrefix}.
         *
         * @param keyPrefix the first characters of the secret, safe to show
         * @return this builder
         */
        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
            return this;
        }

        /**
         * Sets {@code current}.
         *
         * @param current whether this secret signs new deliveries
         * @return this builder
         */
        public Builder current(boolean current) {
            this.current = current;
            return this;
        }

        /**
         * Sets {@code label}.
         *
         * @param label a label
         * @return this builder
         */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /**
         * Sets {@code plainSecret}.
         *
         * @param plainSecret the secret itself, only on the create response, else {@code null}
         * @return this builder
         */
        public Builder plainSecret(String plainSecret) {
            this.plainSecret = plainSecret;
            return this;
        }

        /**
         * Sets {@code disabledAt}.
         *
         * @param disabledAt when it was disabled, if it was
         * @return this builder
         */
        public Builder disabledAt(OffsetDateTime disabledAt) {
            this.disabledAt = disabledAt;
            return this;
        }

        /**
         * Sets {@code lastUsedAt}.
         *
         * @param lastUsedAt when it last signed a delivery
         * @return this builder
         */
        public Builder lastUsedAt(OffsetDateTime lastUsedAt) {
            this.lastUsedAt = lastUsedAt;
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when it was created
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@code updatedAt}.
         *
         * @param updatedAt when it was last changed
         * @return this builder
         */
        public Builder updatedAt(OffsetDateTime updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the record as received (without the secret material); {@code null} stands for JSON {@code null}
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
        public CallbackSecret build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            return new CallbackSecret(this);
        }
    }
}
