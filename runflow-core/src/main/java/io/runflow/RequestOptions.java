package io.runflow;

import static io.runflow.internal.DurationChecks.positive;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settings of the calls made through one view of a client, as {@link RunflowClient#withOptions}
 * builds them: each unset one keeps the client's setting.
 *
 * <pre>{@code
 * Run run = runflow.withOptions(o -> o.timeout(Duration.ofSeconds(5)).maxRetries(0).header("X-Trace", "t1"))
 *         .runs()
 *         .create(request);
 * }</pre>
 *
 * <p>Handed to the transport ({@link RunflowApi#withOptions}); immutable.
 */
public final class RequestOptions {

    /**
     * Header names the SDK sets itself, lower case: {@link Builder#header} refuses them (the key goes
     * through {@link Builder#idempotencyKey}).
     */
    static final Set<String> OWNED_HEADERS = Set.of(
            "authorization",
            "idempotency-key",
            "x-organization-id",
            "user-agent",
            "accept",
            "content-type",
            "content-length",
            "content-encoding",
            "transfer-encoding",
            "host",
            "connection",
            "expect",
            "upgrade");

    private static final RequestOptions NONE = new Builder().build();

    private final Duration timeout;
    private final Integer maxRetries;
    private final String idempotencyKey;
    private final Map<String, String> headers;

    private RequestOptions(Builder builder) {
        this.timeout = builder.timeout;
        this.maxRetries = builder.maxRetries;
        this.idempotencyKey = builder.idempotencyKey;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    }

    /**
     * Returns options that change nothing.
     *
     * @return the empty options
     */
    public static RequestOptions none() {
        return NONE;
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
     * Returns a builder holding these settings, to change some of them.
     *
     * @return a builder initialised from this value
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.timeout = timeout;
        builder.maxRetries = maxRetries;
        builder.idempotencyKey = idempotencyKey;
        builder.headers.putAll(headers);
        return builder;
    }

    /**
     * Returns how long each HTTP attempt may wait for its answer, in place of the client's read timeout.
     *
     * @return the timeout, or empty for the client's
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Returns how many times a failed request is sent again, in place of the client's {@link
     * RetryPolicy#maxAttempts()} minus one; the policy's delays and rules still apply.
     *
     * @return the number of retries, or empty for the client's
     */
    public OptionalInt maxRetries() {
        return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
    }

    /**
     * Returns the {@code Idempotency-Key} of every {@code POST} made with these options, in place of
     * the one a request carries or the SDK would generate.
     *
     * @return the key, or empty to keep the SDK's
     */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /**
     * Returns the extra headers, in the order they were set.
     *
     * @return header names (as given) to values; empty when none
     */
    public Map<String, String> headers() {
        return headers;
    }

    /** Returns these options with {@code later}'s settings where it has them. */
    RequestOptions with(RequestOptions later) {
        if (this == NONE) {
            return later;
        }
        Builder merged = toBuilder();
        if (later.timeout != null) {
            merged.timeout = later.timeout;
        }
        if (later.maxRetries != null) {
            merged.maxRetries = later.maxRetries;
        }
        if (later.idempotencyKey != null) {
            merged.idempotencyKey = later.idempotencyKey;
        }
        merged.headers.putAll(later.headers);
        return merged.build();
    }

    @Override
    public String toString() {
        // Header values may be tokens: names only.
        return "RequestOptions[timeout=" + timeout + ", maxRetries=" + maxRetries + ", idempotencyKey="
                + (idempotencyKey == null ? null : "set") + ", headers=" + headers.keySet() + "]";
    }

    /** Builds {@link RequestOptions}; every setting is optional. */
    public static final class Builder {
        private Duration timeout;
        private Integer maxRetries;
        private String idempotencyKey;
        /** Case-insensitive, so setting a header twice replaces it; iteration keeps the first spelling. */
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {}

        /**
         * Sets how long each HTTP attempt may wait for its answer (the read timeout of these calls).
         *
         * @param timeout positive; default the client's read timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets how many times a failed request is sent again; {@code 0} sends each request once.
         *
         * @param maxRetries zero or more; default the client's {@link RetryPolicy}
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets the {@code Idempotency-Key} of every {@code POST} made with these options, in place of
         * the request's or a generated one: two calls with one key are one call to Runflow.
         *
         * @param idempotencyKey printable ASCII, not blank
         * @return this builder
         */
        public Builder idempotencyKey(String idempotencyKey) {
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            if (idempotencyKey.isBlank() || !isHeaderValue(idempotencyKey)) {
                throw new IllegalArgumentException("idempotencyKey must be printable ASCII and not blank");
            }
            this.idempotencyKey = idempotencyKey.strip();
            return this;
        }

        /**
         * Adds a header to every request made with these options, replacing one set before under the
         * same name. Headers the SDK sets ({@code Authorization}, {@code Idempotency-Key}, {@code
         * X-Organization-Id}, {@code User-Agent}, {@code Accept}, {@code Content-Type} and the
         * connection's own) are refused.
         *
         * @param name a header name (an HTTP token)
         * @param value printable ASCII without line breaks
         * @return this builder
         * @throws IllegalArgumentException for a name the SDK owns, or an invalid name or value
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || !name.chars().allMatch(Builder::isTokenChar)) {
                throw new IllegalArgumentException("header name must be an HTTP token, got: " + name);
            }
            if (OWNED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + " is set by the SDK and cannot be set per call"
                        + (name.equalsIgnoreCase("Idempotency-Key") ? ": use idempotencyKey(..)" : ""));
            }
            if (!isHeaderValue(value)) {
                // The value is not quoted: it may be a token.
                throw new IllegalArgumentException(
                        "the value of header " + name + " must be printable ASCII without line breaks");
            }
            headers.put(name, value.strip());
            return this;
        }

        /**
         * Freezes the settings.
         *
         * @return the options
         */
        public RequestOptions build() {
            return new RequestOptions(this);
        }

        private static boolean isHeaderValue(String value) {
            return value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f));
        }

        /** RFC 9110's {@code tchar}. */
        private static boolean isTokenChar(int c) {
            return (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }
}
