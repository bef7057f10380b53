package io.runflow.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the fake received, in arrival order, including requests a fault answered.
 */
public final class RecordedRequest {

    private final long sequence;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Instant receivedAt;

    private RecordedRequest(Builder builder) {
        this.sequence = builder.sequence;
        this.method = builder.method;
        this.path = builder.path;
        this.query = builder.query;
        this.headers = builder.headers == null ? Map.of() : Map.copyOf(builder.headers);
        this.body = builder.body == null ? new byte[0] : builder.body.clone();
        this.receivedAt = builder.receivedAt;
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
     * Returns 1 for the first request since start or {@link FakeRunflowServer#reset()}.
     *
     * @return 1 for the first request since start or {@link FakeRunflowServer#reset()}
     */
    public long sequence() {
        return sequence;
    }

    /**
     * Returns the HTTP method.
     *
     * @return the HTTP method
     */
    public String method() {
        return method;
    }

    /**
     * Returns the decoded path, without the query.
     *
     * @return the decoded path, without the query
     */
    public String path() {
        return path;
    }

    /**
     * Returns the raw query string, empty when there was none.
     *
     * @return the raw query string, empty when there was none
     */
    public String query() {
        return query;
    }

    /**
     * Returns the request headers (names as received).
     *
     * @return the request headers (names as received)
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * Returns the request body bytes, empty when there was none.
     *
     * @return the request body bytes, empty when there was none
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * Returns the server clock's time of arrival.
     *
     * @return the server clock's time of arrival
     */
    public Instant receivedAt() {
        return receivedAt;
    }

    /**
     * Returns the body as UTF-8 text.
     *
     * @return the body text, empty when there was none
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Returns the first value of a header, ignoring the case of its name.
     *
     * @param name the header name, e.g. {@code Idempotency-Key}
     * @return the value, or empty when absent
     */
    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the request line target, path plus query.
     *
     * @return e.g. {@code /v1/runs?limit=2}
     */
    public String target() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** Shows method and target; never headers, which carry the API key. */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + target() + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof RecordedRequest other
                && sequence == other.sequence
                && Objects.equals(method, other.method)
                && Objects.equals(path, other.path)
                && Objects.equals(query, other.query)
                && Objects.equals(headers, other.headers)
                && Arrays.equals(body, other.body)
                && Objects.equals(receivedAt, other.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, method, path, query, headers, Arrays.hashCode(body), receivedAt);
    }

    /** Builds a {@link RecordedRequest}; method, path, query, receivedAt are required. */
    public static final class Builder {

        private long sequence;
        private String method;
        private String path;
        private String query;
        private Map<String, List<String>> headers = Map.of();
        private byte[] body;
        private Instant receivedAt;

        private Builder() {}

        private Builder(RecordedRequest source) {
            this.sequence = source.sequence;
            this.method = source.method;
            this.path = source.path;
            this.query = source.query;
            this.headers = source.headers;
            this.body = source.body;
            this.receivedAt = source.receivedAt;
        }

        /**
         * Sets {@code sequence}.
         *
         * @param sequence 1 for the first request since start or {@link FakeRunflowServer#reset()}
         * @return this builder
         */
        public Builder sequence(long sequence) {
            this.sequence = sequence;
            return this;
        }

        /**
         * Sets {@code method}.
         *
         * @param method the HTTP method, not null
         * @return this builder
         */
        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * Sets {@code path}.
         *
         * @param path the decoded path, without the query, not null
         * @return this builder
         */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Sets {@code query}.
         *
         * @param query the raw query string, empty when there was none, not null
         * @return this builder
         */
        public Builder query(String query) {
            this.query = Objects.requireNonNull(query, "query");
            return this;
        }

        /**
         * Sets {@code headers}.
         *
         * @param headers the request headers (names as received); {@code null} for none
         * @return this builder
         */
        public Builder headers(Map<String, List<String>> headers) {
            this.headers = headers == null ? Map.of() : Map.copyOf(headers);
            return this;
        }

        /**
         * Sets {@code body}.
         *
         * @param body the request body bytes, empty when there was none (copied)
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body").clone();
            return this;
        }

        /**
         * Sets {@code receivedAt}.
         *
         * @param receivedAt the server clock's time of arrival, not null
         * @return this builder
         */
        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws IllegalStateException if a required value is not set
         */
        public RecordedRequest build() {
            if (method == null) {
                throw new IllegalStateException("method is required");
            }
            if (path == null) {
                throw new IllegalStateException("path is required");
            }
            if (query == null) {
                throw new IllegalStateException("query is required");
            }
            if (receivedAt == null) {
                throw new IllegalStateException("receivedAt is required");
            }
            return new RecordedRequest(this);
        }
    }
}
