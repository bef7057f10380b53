package io.runflow.model;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One HTTP attempt of an organization webhook delivery ({@code GET
 * /v1/webhooks/{webhook_id}/deliveries/{delivery_id}/attempts}).
 */
public final class WebhookAttempt {

    private final String id;
    private final String deliveryId;
    private final Integer attemptNumber;
    private final Integer httpStatus;
    private final String responseBody;
    private final Duration responseTime;
    private final Boolean succeeded;
    private final OffsetDateTime nextRetryAt;
    private final OffsetDateTime createdAt;
    private final JsonValue raw;

    private WebhookAttempt(Builder builder) {
        this.id = builder.id;
        this.deliveryId = builder.deliveryId;
        this.attemptNumber = builder.attemptNumber;
        this.httpStatus = builder.httpStatus;
        this.responseBody = builder.responseBody;
        this.responseTime = builder.responseTime;
        this.succeeded = builder.succeeded;
        this.nextRetryAt = builder.nextRetryAt;
        this.createdAt = builder.createdAt;
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
     * Returns the attempt id.
     *
     * @return the attempt id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the id of the delivery it belongs to.
     *
     * @return the id of the delivery it belongs to
     */
    public String deliveryId() {
        return deliveryId;
    }

    /**
     * Returns 1 for the first attempt.
     *
     * @return 1 for the first attempt
     */
    public Integer attemptNumber() {
        return attemptNumber;
    }

    /**
     * Returns the HTTP status the receiver answered ({@code status_code}); {@code null} or 0 when none came.
     *
     * @return the HTTP status the receiver answered ({@code status_code}); {@code null} or 0 when none came
     */
    public Integer httpStatus() {
        return httpStatus;
    }

    /**
     * Returns the start of the receiver's answer.
     *
     * @return the start of the receiver's answer
     */
    public String responseBody() {
        return responseBody;
    }

    /**
     * Returns how long the receiver took.
     *
     * @return how long the receiver took
     */
    public Duration responseTime() {
        return responseTime;
    }

    /**
     * Returns whether the attempt delivered.
     *
     * @return whether the attempt delivered
     */
    public Boolean succeeded() {
        return succeeded;
    }

    /**
     * Returns when the next attempt is due; {@code null} when none is.
     *
     * @return when the next attempt is due; {@code null} when none is
     */
    public OffsetDateTime nextRetryAt() {
        return nextRetryAt;
    }

    /**
     * Returns when the attempt was made.
     *
     * @return when the attempt was made
     */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /**
     * Returns the attempt as received.
     *
     * @return the attempt as received
     */
    public JsonValue raw() {
        return raw;
    }

    @Override
    public String toString() {
        return "WebhookAttempt[id=" + id + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof WebhookAttempt other
                && Objects.equals(id, other.id)
                && Objects.equals(deliveryId, other.deliveryId)
                && Objects.equals(attemptNumber, other.attemptNumber)
                && Objects.equals(httpStatus, other.httpStatus)
                && Objects.equals(responseBody, other.responseBody)
                && Objects.equals(responseTime, other.responseTime)
                && Objects.equals(succeeded, other.succeeded)
                && Objects.equals(nextRetryAt, other.nextRetryAt)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                deliveryId,
                attemptNumber,
                httpStatus,
                responseBody,
                responseTime,
                succeeded,
                nextRetryAt,
                createdAt,
                raw);
    }

    /** Builds a {@link WebhookAttempt}; id required. */
    public static final class Builder {

        private String id;
        private String deliveryId;
        private Integer attemptNumber;
        private Integer httpStatus;
        private String responseBody;
        private Duration responseTime;
        private Boolean succeeded;
        private OffsetDateTime nextRetryAt;
        private OffsetDateTime createdAt;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(WebhookAttempt source) {
            this.id = source.id;
            this.deliveryId = source.deliveryId;
            this.attemptNumber = source.attemptNumber;
            this.httpStatus = source.httpStatus;
            this.responseBody = source.responseBody;
            this.responseTime = source.responseTime;
            this.succeeded = source.succeeded;
            this.nextRetryAt = source.nextRetryAt;
            this.createdAt = source.createdAt;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the attempt id, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code deliveryId}.
         *
         * @param deliveryId the id of the delivery it belongs to, or {@code null}
         * @return this builder
         */
        public Builder deliveryId(String deliveryId) {
            this.deliveryId = deliveryId;
            return this;
        }

        /**
         * Sets {@code attemptNumber}.
         *
         * @param attemptNumber 1 for the first attempt, or {@code null}
         * @return this builder
         */
        public Builder attemptNumber(Integer attemptNumber) {
            this.attemptNumber = attemptNumber;
            return this;
        }

        /**
         * Sets {@code httpStatus}.
         *
         * @param httpStatus the HTTP status the receiver answered ({@code status_code}); {@code null} or 0 when none came, or {@code null}
         * @return this builder
         */
        public Builder httpStatus(Integer httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        /**
         * Sets {@code responseBody}.
         *
         * @param responseBody the start of the receiver's answer, or {@code null}
         * @return this builder
         */
        public Builder responseBody(String responseBody) {
            this.responseBody = responseBody;
            return this;
        }

        /**
         * Sets {@code responseTime}.
         *
         * @param responseTime how long the receiver took, or {@code null}
         * @return this builder
         */
        public Builder responseTime(Duration responseTime) {
            this.responseTime = responseTime;
            return this;
        }

        /**
         * Sets {@code succeeded}.
         *
         * @param succeeded whether the attempt delivered, or {@code null}
         * @return this builder
         */
        public Builder succeeded(Boolean succeeded) {
            this.succeeded = succeeded;
            return this;
        }

        /**
         * Sets {@code nextRetryAt}.
         *
         * @param nextRetryAt when the next attempt is due; {@code null} when none is, or {@code null}
         * @return this builder
         */
        public Builder nextRetryAt(OffsetDateTime nextRetryAt) {
            this.nextRetryAt = nextRetryAt;
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when the attempt was made, or {@code null}
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the attempt as received; {@code null} stands for JSON {@code null}
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
        public WebhookAttempt build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            return new WebhookAttempt(this);
        }
    }
}
