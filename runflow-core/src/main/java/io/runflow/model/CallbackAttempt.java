package io.runflow.model;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One HTTP attempt of a callback delivery.
 */
public final class CallbackAttempt {

    private final String id;
    private final int attemptNumber;
    private final Integer httpStatus;
    private final String responseBody;
    private final Duration responseTime;
    private final String errorMessage;
    private final OffsetDateTime createdAt;

    private CallbackAttempt(Builder builder) {
        this.id = builder.id;
        this.attemptNumber = builder.attemptNumber;
        this.httpStatus = builder.httpStatus;
        this.responseBody = builder.responseBody;
        this.responseTime = builder.responseTime;
        this.errorMessage = builder.errorMessage;
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
     * Returns the attempt id.
     *
     * @return the attempt id
     */
    public String id() {
        return id;
    }

    /**
     * Returns 1 for the first attempt.
     *
     * @return 1 for the first attempt
     */
    public int attemptNumber() {
        return attemptNumber;
    }

    /**
     * Returns the HTTP status your endpoint answered, {@code null} on a network error.
     *
     * @return the HTTP status your endpoint answered, {@code null} on a network error
     */
    public Integer httpStatus() {
        return httpStatus;
    }

    /**
     * Returns what your endpoint answered (possibly truncated by the server).
     *
     * @return what your endpoint answered (possibly truncated by the server)
     */
    public String responseBody() {
        return responseBody;
    }

    /**
     * Returns how long your endpoint took, {@code null} if not recorded.
     *
     * @return how long your endpoint took, {@code null} if not recorded
     */
    public Duration responseTime() {
        return responseTime;
    }

    /**
     * Returns the network error, if any.
     *
     * @return the network error, if any
     */
    public String errorMessage() {
        return errorMessage;
    }

    /**
     * Returns when the attempt was made.
     *
     * @return when the attempt was made
     */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof CallbackAttempt other
                && Objects.equals(id, other.id)
                && attemptNumber == other.attemptNumber
                && Objects.equals(httpStatus, other.httpStatus)
                && Objects.equals(responseBody, other.responseBody)
                && Objects.equals(responseTime, other.responseTime)
                && Objects.equals(errorMessage, other.errorMessage)
                && Objects.equals(createdAt, other.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, attemptNumber, httpStatus, responseBody, responseTime, errorMessage, createdAt);
    }

    @Override
    public String toString() {
        return "CallbackAttempt[id=" + id + ", attemptNumber=" + attemptNumber + ", httpStatus=" + httpStatus
                + ", responseBody=" + responseBody + ", responseTime=" + responseTime + ", errorMessage=" + errorMessage
                + ", createdAt=" + createdAt + "]";
    }

    /** Builds a {@link CallbackAttempt}; nothing are required. */
    public static final class Builder {

        private String id;
        private int attemptNumber;
        private Integer httpStatus;
        private String responseBody;
        private Duration responseTime;
        private String errorMessage;
        private OffsetDateTime createdAt;

        private Builder() {}

        private Builder(CallbackAttempt source) {
            this.id = source.id;
            this.attemptNumber = source.attemptNumber;
            this.httpStatus = source.httpStatus;
            this.responseBody = source.responseBody;
            this.responseTime = source.responseTime;
            this.errorMessage = source.errorMessage;
            this.createdAt = source.createdAt;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the attempt id
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets {@code attemptNumber}.
         *
         * @param attemptNumber 1 for the first attempt
         * @return this builder
         */
        public Builder attemptNumber(int attemptNumber) {
            this.attemptNumber = attemptNumber;
            return this;
        }

        /**
         * Sets {@code httpStatus}.
         *
         * @param httpStatus the HTTP status your endpoint answered, {@code null} on a network error
         * @return this builder
         */
        public Builder httpStatus(Integer httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        /**
         * Sets {@code responseBody}.
         *
         * @param responseBody what your endpoint answered (possibly truncated by the server)
         * @return this builder
         */
        public Builder responseBody(String responseBody) {
            this.responseBody = responseBody;
            return this;
        }

        /**
         * Sets {@code responseTime}.
         *
         * @param responseTime how long your endpoint took, {@code null} if not recorded
         * @return this builder
         */
        public Builder responseTime(Duration responseTime) {
            this.responseTime = responseTime;
            return this;
        }

        /**
         * Sets {@code errorMessage}.
         *
         * @param errorMessage the network error, if any
         * @return this builder
         */
        public Builder errorMessage(String errorMessage) {
            this.errorMessage = errorMessage;
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when the attempt was made
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws IllegalStateException if a required value is not set
         */
        public CallbackAttempt build() {
            return new CallbackAttempt(this);
        }
    }
}
