package io.runflow.testkit;

import io.runflow.model.JsonValue;
import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one run as the fake holds it, for assertions in tests. Values that the run does not
 * have (yet) are null; JSON values are JSON {@code null}.
 */
public final class FakeRun {

    private final String id;
    private final String model;
    private final String status;
    private final JsonValue input;
    private final JsonValue metadata;
    private final String callbackUrl;
    private final String clientRef;
    private final String idempotencyKey;
    private final long seed;
    private final Instant createdAt;
    private final Instant completedAt;
    private final String failureCode;
    private final String failureMessage;

    private FakeRun(Builder builder) {
        this.id = builder.id;
        this.model = builder.model;
        this.status = builder.status;
        this.input = builder.input == null ? JsonValue.JsonNull.INSTANCE : builder.input;
        this.metadata = builder.metadata == null ? JsonValue.JsonNull.INSTANCE : builder.metadata;
        this.callbackUrl = builder.callbackUrl;
        this.clientRef = builder.clientRef;
        this.idempotencyKey = builder.idempotencyKey;
        this.seed = builder.seed;
        this.createdAt = builder.createdAt;
        this.completedAt = builder.completedAt;
        this.failureCode = builder.failureCode;
        this.failureMessage = builder.failureMessage;
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
     * Returns the run id.
     *
     * @return the run id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the model id from the create path, e.g. {@code black-forest-labs/flux-1-1-pro-ultra}.
     *
     * @return the model id from the create path, e.g. {@code black-forest-labs/flux-1-1-pro-ultra}
     */
    public String model() {
        return model;
    }

    /**
     * Returns the {@code status_code}: {@code queued}, {@code dispatching}, {@code running}, {@code succeeded}, {@code failed} or {@code canceled}.
     *
     * @return the {@code status_code}: {@code queued}, {@code dispatching}, {@code running}, {@code succeeded}, {@code failed} or {@code canceled}
     */
    public String status() {
        return status;
    }

    /**
     * Returns the {@code input} object as received.
     *
     * @return the {@code input} object as received
     */
    public JsonValue input() {
        return input;
    }

    /**
     * Returns the {@code metadata} object, or JSON {@code null} when none.
     *
     * @return the {@code metadata} object, or JSON {@code null} when none
     */
    public JsonValue metadata() {
        return metadata;
    }

    /**
     * Returns the {@code callback_url}, or null.
     *
     * @return the {@code callback_url}, or null
     */
    public String callbackUrl() {
        return callbackUrl;
    }

    /**
     * Returns the {@code client_ref}, or null.
     *
     * @return the {@code client_ref}, or null
     */
    public String clientRef() {
        return clientRef;
    }

    /**
     * Returns the {@code Idempotency-Key} header of the create, or null.
     *
     * @return the {@code Idempotency-Key} header of the create, or null
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /**
     * Returns the seed used: the input's, else a generated one.
     *
     * @return the seed used: the input's, else a generated one
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns when the create was accepted, on the server clock.
     *
     * @return when the create was accepted, on the server clock
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Returns when the run became terminal, or null.
     *
     * @return when the run became terminal, or null
     */
    public Instant completedAt() {
        return completedAt;
    }

    /**
     * Returns the {@code failure_code} of a failed run, or null.
     *
     * @return the {@code failure_code} of a failed run, or null
     */
    public String failureCode() {
        return failureCode;
    }

    /**
     * Returns the {@code failure_message} of a failed run, or null.
     *
     * @return the {@code failure_message} of a failed run, or null
     */
    public String failureMessage() {
        return failureMessage;
    }

    /**
     * Tells whether the run reached a terminal status.
     *
     * @return true for succeeded, failed and canceled
     */
    public boolean isTerminal() {
        return status.equals("succeeded") || status.equals("failed") || status.equals("canceled");
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof FakeRun other
                && Objects.equals(id, other.id)
                && Objects.equals(model, other.model)
                && Objects.equals(status, other.status)
                && Objects.equals(input, other.input)
                && Objects.equals(metadata, other.metadata)
                && Objects.equals(callbackUrl, other.callbackUrl)
                && Objects.equals(clientRef, other.clientRef)
                && Objects.equals(idempotencyKey, other.idempotencyKey)
                && seed == other.seed
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(completedAt, other.completedAt)
                && Objects.equals(failureCode, other.failureCode)
                && Objects.equals(failureMessage, other.failureMessage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                model,
                status,
                input,
                metadata,
                callbackUrl,
                clientRef,
                idempotencyKey,
                seed,
                createdAt,
                completedAt,
                failureCode,
                failureMessage);
    }

    @Override
    public String toString() {
        return "FakeRun[id=" + id + ", model=" + model + ", status=" + status + ", input=" + input + ", metadata="
                + metadata + ", callbackUrl=" + callbackUrl + ", clientRef=" + clientRef + ", idempotencyKey="
                + idempotencyKey + ", seed=" + seed + ", createdAt=" + createdAt + ", completedAt=" + completedAt
                + ", failureCode=" + failureCode + ", failureMessage=" + failureMessage + "]";
    }

    /** Builds a {@link FakeRun}; createdAt, id, input, model, status are required. */
    public static final class Builder {

        private String id;
        private String model;
        private String status;
        private JsonValue input = JsonValue.JsonNull.INSTANCE;
        private JsonValue metadata = JsonValue.JsonNull.INSTANCE;
        private String callbackUrl;
        private String clientRef;
        private String idempotencyKey;
        private long seed;
        private Instant createdAt;
        private Instant completedAt;
        private String failureCode;
        private String failureMessage;

        private Builder() {}

        private Builder(FakeRun source) {
            this.id = source.id;
            this.model = source.model;
            this.status = source.status;
            this.input = source.input;
            this.metadata = source.metadata;
            this.callbackUrl = source.callbackUrl;
            this.clientRef = source.clientRef;
            this.idempotencyKey = source.idempotencyKey;
            this.seed = source.seed;
            this.createdAt = source.createdAt;
            this.completedAt = source.completedAt;
            this.failureCode = source.failureCode;
            this.failureMessage = source.failureMessage;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the run id, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code model}.
         *
         * @param model the model id from the create path, e.g. {@code black-forest-labs/flux-1-1-pro-ultra}, not null
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets {@code status}.
         *
         * @param status the {@code status_code}: {@code queued}, {@code dispatching}, {@code running}, {@code succeeded}, {@code failed} or {@code canceled}, not null
         * @return this builder
         */
        public Builder status(String status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * Sets {@code input}.
         *
         * @param input the {@code input} object as received, not null
         * @return this builder
         */
        public Builder input(JsonValue input) {
            this.input = Objects.requireNonNull(input, "input");
            return this;
        }

        /**
         * Sets {@code metadata}.
         *
         * @param metadata the {@code metadata} object, or JSON {@code null} when none; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder metadata(JsonValue metadata) {
            this.metadata = metadata == null ? JsonValue.JsonNull.INSTANCE : metadata;
            return this;
        }

        /**
         * Sets {@code callbackUrl}.
         *
         * @param callbackUrl the {@code callback_url}, or null
         * @return this builder
         */
        public Builder callbackUrl(String callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        /**
         * Sets {@code clientRef}.
         *
         * @param clientRef the {@code client_ref}, or null
         * @return this builder
         */
        public Builder clientRef(String clientRef) {
            this.clientRef = clientRef;
            return this;
        }

        /**
         * Sets {@code idempotencyKey}.
         *
         * @param idempotencyKey the {@code Idempotency-Key} header of the create, or null
         * @return this builder
         */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /**
         * Sets {@code seed}.
         *
         * @param seed the seed used: the input's, else a generated one
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when the create was accepted, on the server clock, not null
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
            return this;
        }

        /**
         * Sets {@code completedAt}.
         *
         * @param completedAt when the run became terminal, or null
         * @return this builder
         */
        public Builder completedAt(Instant completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /**
         * Sets {@code failureCode}.
         *
         * @param failureCode the {@code failure_code} of a failed run, or null
         * @return this builder
         */
        public Builder failureCode(String failureCode) {
            this.failureCode = failureCode;
            return this;
        }

        /**
         * Sets {@code failureMessage}.
         *
         * @param failureMessage the {@code failure_message} of a failed run, or null
         * @return this builder
         */
        public Builder failureMessage(String failureMessage) {
            this.failureMessage = failureMessage;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws IllegalStateException if a required value is not set
         */
        public FakeRun build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            if (model == null) {
                throw new IllegalStateException("model is required");
            }
            if (status == null) {
                throw new IllegalStateException("status is required");
            }
            if (input == null) {
                throw new IllegalStateException("input is required");
            }
            if (createdAt == null) {
                throw new IllegalStateException("createdAt is required");
            }
            return new FakeRun(this);
        }
    }
}
