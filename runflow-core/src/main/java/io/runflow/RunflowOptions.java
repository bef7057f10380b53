package io.runflow;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Every setting of a {@link RunflowClient}, validated and frozen by its builder, and handed to the
 * transport. {@link #toString()} never shows the API key.
 */
public final class RunflowOptions {

    private final String apiKey;
    private final URI baseUrl;
    private final String organizationId;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;
    private final PollPolicy pollPolicy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String userAgent;
    private final RunflowObserver observer;
    private final boolean traceContextInMetadata;

    private RunflowOptions(Builder builder) {
        this.apiKey = builder.apiKey;
        this.baseUrl = builder.baseUrl;
        this.organizationId = builder.organizationId;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.pollPolicy = builder.pollPolicy;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.userAgent = builder.userAgent;
        this.observer = RunflowObserver.failSafe(builder.observer);
        this.traceContextInMetadata = builder.traceContextInMetadata;
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
     * Returns the API key, sent as {@code Authorization: Bearer <key>}.
     *
     * @return the API key, sent as {@code Authorization: Bearer <key>}
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * Returns the API's base URL, without a trailing slash.
     *
     * @return the API's base URL, without a trailing slash
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns sent as {@code X-Organization-Id}, or {@code null} for the key's organization.
     *
     * @return sent as {@code X-Organization-Id}, or {@code null} for the key's organization
     */
    public String organizationId() {
        return organizationId;
    }

    /**
     * Returns how long to wait for a connection.
     *
     * @return how long to wait for a connection
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Returns how long to wait for a response.
     *
     * @return how long to wait for a response
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * Returns when failed requests are retried.
     *
     * @return when failed requests are retried
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Returns how waits poll.
     *
     * @return how waits poll
     */
    public PollPolicy pollPolicy() {
        return pollPolicy;
    }

    /**
     * Returns the time source of deadlines.
     *
     * @return the time source of deadlines
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns waits between retries.
     *
     * @return waits between retries
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Returns the {@code User-Agent} header value.
     *
     * @return the {@code User-Agent} header value
     */
    public String userAgent() {
        return userAgent;
    }

    /**
     * Returns hears each HTTP attempt and retry (transports report them) and each wait; never throws (see {@link RunflowObserver#failSafe(RunflowObserver)}).
     *
     * @return hears each HTTP attempt and retry (transports report them) and each wait; never throws (see {@link RunflowObserver#failSafe(RunflowObserver)})
     */
    public RunflowObserver observer() {
        return observer;
    }

    /**
     * Returns whether a run's create stores the observer's trace context in the run's metadata, under
     * {@link RunflowClient#TRACE_CONTEXT_METADATA_KEY}.
     *
     * @return true unless turned off
     */
    public boolean traceContextInMetadata() {
        return traceContextInMetadata;
    }

    @Override
    public String toString() {
        return "RunflowOptions[apiKey=***, baseUrl=" + baseUrl + ", organizationId=" + organizationId
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", retryPolicy="
                + retryPolicy + ", pollPolicy=" + pollPolicy + ", userAgent=" + userAgent + ", observer=" + observer
                + ", traceContextInMetadata=" + traceContextInMetadata + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof RunflowOptions other
                && Objects.equals(apiKey, other.apiKey)
                && Objects.equals(baseUrl, other.baseUrl)
                && Objects.equals(organizationId, other.organizationId)
                && Objects.equals(connectTimeout, other.connectTimeout)
                && Objects.equals(readTimeout, other.readTimeout)
                && Objects.equals(retryPolicy, other.retryPolicy)
                && Objects.equals(pollPolicy, other.pollPolicy)
                && Objects.equals(clock, other.clock)
                && Objects.equals(sleeper, other.sleeper)
                && Objects.equals(userAgent, other.userAgent)
                && Objects.equals(observer, other.observer)
                && traceContextInMetadata == other.traceContextInMetadata;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                apiKey,
                baseUrl,
                organizationId,
                connectTimeout,
                readTimeout,
                retryPolicy,
                pollPolicy,
                clock,
                sleeper,
                userAgent,
                observer,
                traceContextInMetadata);
    }

    /** Builds a {@link RunflowOptions}; apiKey, baseUrl, clock, connectTimeout, pollPolicy, readTimeout, retryPolicy, sleeper, userAgent are required. */
    public static final class Builder {

        private String apiKey;
        private URI baseUrl;
        private String organizationId;
        private Duration connectTimeout;
        private Duration readTimeout;
        private RetryPolicy retryPolicy;
        private PollPolicy pollPolicy;
        private Clock clock;
        private Sleeper sleeper;
        private String userAgent;
        private RunflowObserver observer;
        private boolean traceContextInMetadata = true;

        private Builder() {}

        private Builder(RunflowOptions source) {
            this.apiKey = source.apiKey;
            this.baseUrl = source.baseUrl;
            this.organizationId = source.organizationId;
            this.connectTimeout = source.connectTimeout;
            this.readTimeout = source.readTimeout;
            this.retryPolicy = source.retryPolicy;
            this.pollPolicy = source.pollPolicy;
            this.clock = source.clock;
            this.sleeper = source.sleeper;
            this.userAgent = source.userAgent;
            this.observer = source.observer;
            this.traceContextInMetadata = source.traceContextInMetadata;
        }

        /**
         * Sets {@code apiKey}.
         *
         * @param apiKey the API key, sent as {@code Authorization: Bearer <key>}, not null
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /**
         * Sets {@code baseUrl}.
         *
         * @param baseUrl the API's base URL, without a trailing slash, not null
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * Sets {@code organizationId}.
         *
         * @param organizationId sent as {@code X-Organization-Id}, or {@code null} for the key's organization
         * @return this builder
         */
        public Builder organizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        /**
         * Sets {@code connectTimeout}.
         *
         * @param connectTimeout how long to wait for a connection, not null
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets {@code readTimeout}.
         *
         * @param readTimeout how long to wait for a response, not null
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /**
         * Sets {@code retryPolicy}.
         *
         * @param retryPolicy when failed requests are retried, not null
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sets {@code pollPolicy}.
         *
         * @param pollPolicy how waits poll, not null
         * @return this builder
         */
        public Builder pollPolicy(PollPolicy pollPolicy) {
            this.pollPolicy = Objects.requireNonNull(pollPolicy, "pollPolicy");
            return this;
        }

        /**
         * Sets {@code clock}.
         *
         * @param clock the time source of deadlines, not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets {@code sleeper}.
         *
         * @param sleeper waits between retries, not null
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets {@code userAgent}.
         *
         * @param userAgent the {@code User-Agent} header value, not null
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /**
         * Sets {@code observer}.
         *
         * @param observer hears each HTTP attempt and retry (transports report them) and each wait; never throws (see {@link RunflowObserver#failSafe(RunflowObserver)})
         * @return this builder
         */
        public Builder observer(RunflowObserver observer) {
            this.observer = observer;
            return this;
        }

        /**
         * Sets {@code traceContextInMetadata}.
         *
         * @param traceContextInMetadata whether a run's create stores the trace context in the run's
         *     metadata; default true
         * @return this builder
         */
        public Builder traceContextInMetadata(boolean traceContextInMetadata) {
            this.traceContextInMetadata = traceContextInMetadata;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws IllegalStateException if a required value is not set
         */
        public RunflowOptions build() {
            if (apiKey == null) {
                throw new IllegalStateException("apiKey is required");
            }
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            if (connectTimeout == null) {
                throw new IllegalStateException("connectTimeout is required");
            }
            if (readTimeout == null) {
                throw new IllegalStateException("readTimeout is required");
            }
            if (retryPolicy == null) {
                throw new IllegalStateException("retryPolicy is required");
            }
            if (pollPolicy == null) {
                throw new IllegalStateException("pollPolicy is required");
            }
            if (clock == null) {
                throw new IllegalStateException("clock is required");
            }
            if (sleeper == null) {
                throw new IllegalStateException("sleeper is required");
            }
            if (userAgent == null) {
                throw new IllegalStateException("userAgent is required");
            }
            return new RunflowOptions(this);
        }
    }
}
