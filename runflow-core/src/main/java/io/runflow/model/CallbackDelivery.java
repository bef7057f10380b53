package io.runflow.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A delivery of a run's or a batch's callback, with its attempts ({@code GET /v1/runs/{id}/callback},
 * {@code POST /v1/runs/{id}/callback-redeliveries}, and their {@code /v1/batches/{id}/...} twins).
 */
public final class CallbackDelivery {

    private final String id;
    private final String runId;
    private final String batchId;
    private final String callbackUrl;
    private final String payloadBytes;
    private final String signingSecretId;
    private final boolean automatic;
    private final String statusCode;
    private final String failureReasonCode;
    private final int attemptCount;
    private final int maxAttempts;
    private final OffsetDateTime nextAttemptAt;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime completedAt;
    private final List<CallbackAttempt> attempts;
    private final JsonValue raw;

    private CallbackDelivery(Builder builder) {
        this.id = builder.id;
        this.runId = builder.runId;
        this.batchId = builder.batchId;
        this.callbackUrl = builder.callbackUrl;
        this.payloadBytes = builder.payloadBytes;
        this.signingSecretId = builder.signingSecretId;
        this.automatic = builder.automatic;
        this.statusCode = builder.statusCode;
        this.failureReasonCode = builder.failureReasonCode;
        this.attemptCount = builder.attemptCount;
        this.maxAttempts = builder.maxAttempts;
        this.nextAttemptAt = builder.nextAttemptAt;
        this.createdAt = builder.createdAt;
        this.completedAt = builder.completedAt;
        this.attempts = builder.attempts == null ? List.of() : List.copyOf(builder.attempts);
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
     * Returns the delivery id.
     *
     * @return the delivery id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the run the callback is about, {@code null} for a batch callback.
     *
     * @return the run the callback is about, {@code null} for a batch callback
     */
    public String runId() {
        return runId;
    }

    /**
     * Returns the batch the callback is about, {@code null} for a run callback.
     *
     * @return the batch the callback is about, {@code null} for a run callback
     */
    public String batchId() {
        return batchId;
    }

    /**
     * Returns where it was sent.
     *
     * @return where it was sent
     */
    public String callbackUrl() {
        return callbackUrl;
    }

    /**
     * Returns the exact body that was sent (and signed).
     *
     * @return the exact body that was sent (and signed)
     */
    public String payloadBytes() {
        return payloadBytes;
    }

    /**
     * Returns the id of the secret that signed it, {@code null} if unsigned.
     *
     * @return the id of the secret that signed it, {@code null} if unsigned
     */
    public String signingSecretId() {
        return signingSecretId;
    }

    /**
     * Returns true for the delivery made when the run finished, false for a redelivery.
     *
     * @return true for the delivery made when the run finished, false for a redelivery
     */
    public boolean automatic() {
        return automatic;
    }

    /**
     * Returns the delivery's status, for example {@code succeeded} or {@code failed}.
     *
     * @return the delivery's status, for example {@code succeeded} or {@code failed}
     */
    public String statusCode() {
        return statusCode;
    }

    /**
     * Returns why it failed, if it did.
     *
     * @return why it failed, if it did
     */
    public String failureReasonCode() {
        return failureReasonCode;
    }

    /**
     * Returns attempts made so far.
     *
     * @return attempts made so far
     */
    public int attemptCount() {
        return attemptCount;
    }

    /**
     * Returns attempts the server will make at most.
     *
     * @return attempts the server will make at most
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Returns when the next attempt is due, {@code null} if none.
     *
     * @return when the next attempt is due, {@code null} if none
     */
    public OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
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
     * Returns when it stopped (delivered or given up).
     *
     * @return when it stopped (delivered or given up)
     */
    public OffsetDateTime completedAt() {
        return completedAt;
    }

    /**
     * Returns every attempt, oldest first; never {@code null}.
     *
     * @return every attempt, oldest first; never {@code null}
     */
    public List<CallbackAttempt> attempts() {
        return attempts;
    }

    /**
     * Returns the record as received.
     *
     * @return the record as received
     */
    public JsonValue raw() {
        return raw;
    }

    @Override
    public String toString() {
        return "CallbackDelivery[id=" + id + (runId != null ? ", runId=" + runId : ", batchId=" + batchId) + ", status="
                + statusCode + ", attempts=" + attemptCount + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof CallbackDelivery other
                && Objects.equals(id, other.id)
                && Objects.equals(runId, other.runId)
                && Objects.equals(batchId, other.batchId)
                && Objects.equals(callbackUrl, other.callbackUrl)
                && Objects.equals(payloadBytes, other.payloadBytes)
                && Objects.equals(signingSecretId, other.signingSecretId)
                && automatic == other.automatic
                && Objects.equals(statusCode, other.statusCode)
                && Objects.equals(failureReasonCode, other.failureReasonCode)
                && attemptCount == other.attemptCount
                && maxAttempts == other.maxAttempts
                && Objects.equals(nextAttemptAt, other.nextAttemptAt)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(completedAt, other.completedAt)
                && Objects.equals(attempts, other.attempts)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                runId,
                batchId,
                callbackUrl,
                payloadBytes,
                signingSecretId,
                automatic,
                statusCode,
                failureReasonCode,
                attemptCount,
                maxAttempts,
                nextAttemptAt,
                createdAt,
                completedAt,
                attempts,
                raw);
    }

    /** Builds a {@link CallbackDelivery}; id is required. */
    public static final class Builder {

        private String id;
        private String runId;
        private String batchId;
        private String callbackUrl;
        private String payloadBytes;
        private String signingSecretId;
        private boolean automatic;
        private String statusCode;
        private String failureReasonCode;
        private int attemptCount;
        private int maxAttempts;
        private OffsetDateTime nextAttemptAt;
        private OffsetDateTime createdAt;
        private OffsetDateTime completedAt;
        private List<CallbackAttempt> attempts = List.of();
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(CallbackDelivery source) {
            this.id = source.id;
            this.runId = source.runId;
            this.batchId = source.batchId;
            this.callbackUrl = source.callbackUrl;
            this.payloadBytes = source.payloadBytes;
            this.signingSecretId = source.signingSecretId;
            this.automatic = source.automatic;
            this.statusCode = source.statusCode;
            this.failureReasonCode = source.failureReasonCode;
            this.attemptCount = source.attemptCount;
            this.maxAttempts = source.maxAttempts;
            this.nextAttemptAt = source.nextAttemptAt;
            this.createdAt = source.createdAt;
            this.completedAt = source.completedAt;
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
         * Sets {@code runId}.
         *
         * @param runId the run the callback is about, {@code null} for a batch callback
         * @return this builder
         */
        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        /**
         * Sets {@code batchId}.
         *
         * @param batchId the batch the callback is about, {@code null} for a run callback
         * @return this builder
         */
        public Builder batchId(String batchId) {
            this.batchId = batchId;
            return this;
        }

        /**
         * Sets {@code callbackUrl}.
         *
         * @param callbackUrl where it was sent
         * @return this builder
         */
        public Builder callbackUrl(String callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        /**
         * Sets {@code payloadBytes}.
         *
         * @param payloadBytes the exact body that was sent (and signed)
         * @return this builder
         */
        public Builder payloadBytes(String payloadBytes) {
            this.payloadBytes = payloadBytes;
            return this;
        }

        /**
         * Sets {@code signingSecretId}.
         *
         * @param signingSecretId the id of the secret that signed it, {@code null} if unsigned
         * @return this builder
         */
        public Builder signingSecretId(String signingSecretId) {
            this.signingSecretId = signingSecretId;
            return this;
        }

        /**
         * Sets {@code automatic}.
         *
         * @param automatic true for the delivery made when the run finished, false for a redelivery
         * @return this builder
         */
        public Builder automatic(boolean automatic) {
            this.automatic = automatic;
            return this;
        }

        /**
         * Sets {@code statusCode}.
         *
         * @param statusCode the delivery's status, for example {@code succeeded} or {@code failed}
         * @return this builder
         */
        public Builder statusCode(String statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /**
         * Sets {@code failureReasonCode}.
         *
         * @param failureReasonCode why it failed, if it did
         * @return this builder
         */
        public Builder failureReasonCode(String failureReasonCode) {
            this.failureReasonCode = failureReasonCode;
            return this;
        }

        /**
         * Sets {@code attemptCount}.
         *
         * @param attemptCount attempts made so far
         * @return this builder
         */
        public Builder attemptCount(int attemptCount) {
            this.attemptCount = attemptCount;
            return this;
        }

        /**
         * Sets {@code maxAttempts}.
         *
         * @param maxAttempts attempts the server will make at most
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets {@code nextAttemptAt}.
         *
         * @param nextAttemptAt when the next attempt is due, {@code null} if none
         * @return this builder
         */
        public Builder nextAttemptAt(OffsetDateTime nextAttemptAt) {
            this.nextAttemptAt = nextAttemptAt;
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when the delivery was created
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@code completedAt}.
         *
         * @param completedAt when it stopped (delivered or given up)
         * @return this builder
         */
        public Builder completedAt(OffsetDateTime completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /**
         * Sets {@code attempts}.
         *
         * @param attempts every attempt, oldest first; never {@code null}; {@code null} for none
         * @return this builder
         */
        public Builder attempts(List<CallbackAttempt> attempts) {
            this.attempts = attempts == null ? List.of() : List.copyOf(attempts);
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the record as received; {@code null} stands for JSON {@code null}
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
        public CallbackDelivery build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            return new CallbackDelivery(this);
        }
    }
}
