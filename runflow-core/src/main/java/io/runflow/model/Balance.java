package io.runflow.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The organization's credit balance ({@code GET} and {@code PATCH /v1/billing/balance}). Amounts are
 * exact decimals in US dollars, read from the API's decimal strings; the older {@code
 * {balance_cents, currency}} shape is read too (cents divided by 100).
 */
public final class Balance {

    private final String id;
    private final String orgId;
    private final BigDecimal balance;
    private final BigDecimal lowBalanceThreshold;
    private final OffsetDateTime lowBalanceNotifiedAt;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime updatedAt;
    private final JsonValue raw;

    private Balance(Builder builder) {
        this.id = builder.id;
        this.orgId = builder.orgId;
        this.balance = builder.balance;
        this.lowBalanceThreshold = builder.lowBalanceThreshold;
        this.lowBalanceNotifiedAt = builder.lowBalanceNotifiedAt;
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
     * Returns the balance record's id, {@code null} in the older shape.
     *
     * @return the balance record's id, {@code null} in the older shape
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
     * Returns the credit left.
     *
     * @return the credit left
     */
    public BigDecimal balance() {
        return balance;
    }

    /**
     * Returns below this balance Runflow notifies the organization, {@code null} if none is set.
     *
     * @return below this balance Runflow notifies the organization, {@code null} if none is set
     */
    public BigDecimal lowBalanceThreshold() {
        return lowBalanceThreshold;
    }

    /**
     * Returns when it last notified, {@code null} if never.
     *
     * @return when it last notified, {@code null} if never
     */
    public OffsetDateTime lowBalanceNotifiedAt() {
        return lowBalanceNotifiedAt;
    }

    /**
     * Returns when the record was created.
     *
     * @return when the record was created
     */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /**
     * Returns when it last changed.
     *
     * @return when it last changed
     */
    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    /**
     * Returns the body as received.
     *
     * @return the body as received
     */
    public JsonValue raw() {
        return raw;
    }

    /**
     * Tells whether the balance is below the low-balance threshold.
     *
     * @return false when no threshold is set
     */
    public boolean isLow() {
        return lowBalanceThreshold != null && balance.compareTo(lowBalanceThreshold) < 0;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Balance other
                && Objects.equals(id, other.id)
                && Objects.equals(orgId, other.orgId)
                && Objects.equals(balance, other.balance)
                && Objects.equals(lowBalanceThreshold, other.lowBalanceThreshold)
                && Objects.equals(lowBalanceNotifiedAt, other.lowBalanceNotifiedAt)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(updatedAt, other.updatedAt)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, orgId, balance, lowBalanceThreshold, lowBalanceNotifiedAt, createdAt, updatedAt, raw);
    }

    @Override
    public String toString() {
        return "Balance[id=" + id + ", orgId=" + orgId + ", balance=" + balance + ", lowBalanceThreshold="
                + lowBalanceThreshold + ", lowBalanceNotifiedAt=" + lowBalanceNotifiedAt + ", createdAt=" + createdAt
                + ", updatedAt=" + updatedAt + ", raw=" + raw + "]";
    }

    /** Builds a {@link Balance}; balance is required. */
    public static final class Builder {

        private String id;
        private String orgId;
        private BigDecimal balance;
        private BigDecimal lowBalanceThreshold;
        private OffsetDateTime lowBalanceNotifiedAt;
        private OffsetDateTime createdAt;
        private OffsetDateTime updatedAt;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(Balance source) {
            this.id = source.id;
            this.orgId = source.orgId;
            this.balance = source.balance;
            this.lowBalanceThreshold = source.lowBalanceThreshold;
            this.lowBalanceNotifiedAt = source.lowBalanceNotifiedAt;
            this.createdAt = source.createdAt;
            this.updatedAt = source.updatedAt;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the balance record's id, {@code null} in the older shape
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
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
         * Sets {@code balance}.
         *
         * @param balance the credit left, not null
         * @return this builder
         */
        public Builder balance(BigDecimal balance) {
            this.balance = Objects.requireNonNull(balance, "balance");
            return this;
        }

        /**
         * Sets {@code lowBalanceThreshold}.
         *
         * @param lowBalanceThreshold below this balance Runflow notifies the organization, {@code null} if none is set
         * @return this builder
         */
        public Builder lowBalanceThreshold(BigDecimal lowBalanceThreshold) {
            this.lowBalanceThreshold = lowBalanceThreshold;
            return this;
        }

        /**
         * Sets {@code lowBalanceNotifiedAt}.
         *
         * @param lowBalanceNotifiedAt when it last notified, {@code null} if never
         * @return this builder
         */
        public Builder lowBalanceNotifiedAt(OffsetDateTime lowBalanceNotifiedAt) {
            this.lowBalanceNotifiedAt = lowBalanceNotifiedAt;
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when the record was created
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@code updatedAt}.
         *
         * @param updatedAt when it last changed
         * @return this builder
         */
        public Builder updatedAt(OffsetDateTime updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the body as received; {@code null} stands for JSON {@code null}
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
        public Balance build() {
            if (balance == null) {
                throw new IllegalStateException("balance is required");
            }
            return new Balance(this);
        }
    }
}
