package io.runflow.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of one callback delivery: the frozen payload, its signature, and every attempt so far.
 */
public final class RecordedCallback {

    private final String id;
    private final String runId;
    private final String callbackUrl;
    private final byte[] payload;
    private final String signature;
    private final String signingSecretId;
    private final String requestId;
    private final boolean automatic;
    private final String status;
    private final List<RecordedCallbackAttempt> attempts;
    private final Instant createdAt;

    private RecordedCallback(Builder builder) {
        this.id = builder.id;
        this.runId = builder.runId;
        this.callbackUrl = builder.callbackUrl;
        this.payload = builder.payload == null ? new byte[0] : builder.payload.clone();
        this.signature = builder.signature;
        this.signingSecretId = builder.signingSecretId;
        this.requestId = builder.requestId;
        this.automatic = builder.automatic;
        this.status = builder.status;
        this.attempts = builder.attempts == null ? List.of() : List.copyOf(builder.attempts);
        this.createdAt = builder.createdAt;
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
     * Returns the run it reports.
     *
     * @return the run it reports
     */
    public String runId() {
        return runId;
    }

    /**
     * Returns where it is sent.
     *
     * @return where it is sent
     */
    public String callbackUrl() {
        return callbackUrl;
    }

    /**
     * Returns the exact bytes sent (a copy).
     *
     * @return the exact bytes sent (a copy)
     */
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Returns the {@code Runflow-Signature} header, or null when no signing secret was current.
     *
     * @return the {@code Runflow-Signature} header, or null when no signing secret was current
     */
    public String signature() {
        return signature;
    }

    /**
     * Returns the id of the secret that signed, or null.
     *
     * @return the id of the secret that signed, or null
     */
    public String signingSecretId() {
        return signingSecretId;
    }

    /**
     * Returns the {@code Runflow-Request-Id} header sent with every attempt.
     *
     * @return the {@code Runflow-Request-Id} header sent with every attempt
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Returns false for a delivery created through the redelivery endpoint.
     *
     * @return false for a delivery created through the redelivery endpoint
     */
    public boolean automatic() {
        return automatic;
    }

    /**
     * Returns {@code pending}, {@code succeeded} or {@code failed}.
     *
     * @return {@code pending}, {@code succeeded} or {@code failed}
     */
    public String status() {
        return status;
    }

    /**
     * Returns the attempts, oldest first.
     *
     * @return the attempts, oldest first
     */
    public List<RecordedCallbackAttempt> attempts() {
        return attempts;
    }

    /**
     * Returns when the delivery was created, on the server clock.
     *
     * @return when the delivery was created, on the server clock
     */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Returns the payload as UTF-8 text.
     *
     * @return the JSON body sent
     */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * Tells whether an attempt got a 2xx answer.
     *
     * @return true once delivered
     */
    public boolean delivered() {
        return "succeeded".equals(status);
    }

    /** Shows id, run, status and attempt count; never the payload or signature. */
    @Override
    public String toString() {
        return "RecordedCallback[id=" + id + ", runId=" + runId + ", status=" + status + ", attempts=" + attempts.size()
                + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof RecordedCallback other
                && Objects.equals(id, other.id)
                && Objects.equals(runId, other.runId)
                && Objects.equals(callbackUrl, other.callbackUrl)
                && Arrays.equals(payload, other.payload)
                && Objects.equals(signature, other.signature)
                && Objects.equals(signingSecretId, other.signingSecretId)
                && Objects.equals(requestId, other.requestId)
                && automatic == other.automatic
                && Objects.equals(status, other.status)
                && Objects.equals(attempts, other.attempts)
                && Objects.equals(createdAt, other.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                runId,
                callbackUrl,
                Arrays.hashCode(payload),
                signature,
                signingSecretId,
                requestId,
                automatic,
                status,
                attempts,
                createdAt);
    }

    /** Builds a {@link RecordedCallback}; callbackUrl, createdAt, id, requestId, runId, status are required. */
    public static final class Builder {

        private String id;
        private String runId;
        private String callbackUrl;
        private byte[] payload;
        private String signature;
        private String signingSecretId;
        private String requestId;
        private boolean automatic;
        private String status;
        private List<RecordedCallbackAttempt> attempts = List.of();
        private Instant createdAt;

        private Builder() {}

        private Builder(RecordedCallback source) {
            this.id = source.id;
            this.runId = source.runId;
            this.callbackUrl = source.callbackUrl;
            this.payload = source.payload;
            this.signature = source.signature;
            this.signingSecretId = source.signingSecretId;
            this.requestId = source.requestId;
            this.automatic = source.automatic;
            this.status = source.status;
            this.attempts = source.attempts;
            this.createdAt = source.createdAt;
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
         * @param runId the run it reports, not null
         * @return this builder
         */
        public Builder runId(String runId) {
            this.runId = Objects.requireNonNull(runId, "runId");
            return this;
        }

        /**
         * Sets {@code callbackUrl}.
         *
         * @param callbackUrl where it is sent, not null
         * @return this builder
         */
        public Builder callbackUrl(String callbackUrl) {
            this.callbackUrl = Objects.requireNonNull(callbackUrl, "callbackUrl");
            return this;
        }

        /**
         * Sets {@code payload}.
         *
         * @param payload the exact bytes sent (a copy) (copied)
         * @return this builder
         */
        public Builder payload(byte[] payload) {
            this.payload = Objects.requireNonNull(payload, "payload").clone();
            return this;
        }

        /**
         * Sets {@code signature}.
         *
         * @param signature the {@code Runflow-Signature} header, or null when no signing secret was current
         * @return this builder
         */
        public Builder signature(String signature) {
            this.signature = signature;
            return this;
        }

        /**
         * Sets {@code signingSecretId}.
         *
         * @param signingSecretId the id of the secret that signed, or null
         * @return this builder
         */
        public Builder signingSecretId(String signingSecretId) {
            this.signingSecretId = signingSecretId;
            return this;
        }

        /**
         * Sets {@code requestId}.
         *
         * @param requestId the {@code Runflow-Request-Id} header sent with every attempt, not null
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = Objects.requireNonNull(requestId, "requestId");
            return this;
        }

        /**
         * Sets {@code automatic}.
         *
         * @param automatic false for a delivery created through the redelivery endpoint
         * @return this builder
         */
        public Builder automatic(boolean automatic) {
            this.automatic = automatic;
            return this;
        }

        /**
         * Sets {@code status}.
         *
         * @param status {@code pending}, {@code succeeded} or {@code failed}, not null
         * @return this builder
         */
        public Builder status(String status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * Sets {@code attempts}.
         *
         * @param attempts the attempts, oldest first; {@code null} for none
         * @return this builder
         */
        public Builder attempts(List<RecordedCallbackAttempt> attempts) {
            this.attempts = attempts == null ? List.of() : List.copyOf(attempts);
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when the delivery was created, on the server clock, not null
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws IllegalStateException if a required value is not set
         */
        public RecordedCallback build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            if (runId == null) {
                throw new IllegalStateException("runId is required");
            }
            if (callbackUrl == null) {
                throw new IllegalStateException("callbackUrl is required");
            }
            if (requestId == null) {
                throw new IllegalStateException("requestId is required");
            }
            if (status == null) {
                throw new IllegalStateException("status is required");
            }
            if (createdAt == null) {
                throw new IllegalStateException("createdAt is required");
            }
            return new RecordedCallback(this);
        }
    }
}
