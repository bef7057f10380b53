package io.runflow.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the fake received, in arrival order, including requests a fault answered.
 *
 * @param sequence 1 for the first request since start or {@link FakeRunflowServer#reset()}
 * @param method the HTTP method
 * @param path the decoded path, without the query
 * @param query the raw query string, empty when there was none
 * @param headers the request headers (names as received)
 * @param body the request body bytes, empty when there was none
 * @param receivedAt the server clock's time of arrival
 */
public record RecordedRequest(
        long sequence,
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        byte[] body,
        Instant receivedAt) {

    /** Checks for null and copies the headers and body. */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        headers = Map.copyOf(headers);
        body = body.clone();
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /**
     * Returns the body bytes.
     *
     * @return a copy of the body
     */
    @Override
    public byte[] body() {
        return body.clone();
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
}
