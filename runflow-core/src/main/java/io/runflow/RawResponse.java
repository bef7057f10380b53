package io.runflow;

import io.runflow.internal.json.ApiErrors;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A successful answer with its HTTP status and headers, for logging request ids or rate-limit
 * headers. Returned by each service's {@code withRawResponse()} view.
 *
 * <pre>{@code
 * RawResponse<Run> raw = runflow.runs().withRawResponse().get(runId);
 * log.info("request {} answered {}", raw.requestId().orElse("-"), raw.status());
 * Run run = raw.parse();
 * }</pre>
 *
 * <p>The status and headers are those of the attempt that succeeded (after retries). The body is
 * read as the call returns, so a body that cannot be read fails the call, as without this view;
 * error statuses are thrown as the usual exceptions, which carry the request id too.
 *
 * @param <T> the type of the parsed body
 */
public final class RawResponse<T> {

    private final int status;
    private final Map<String, List<String>> headers;
    private final T value;

    private RawResponse(int status, Map<String, List<String>> headers, T value) {
        this.status = status;
        this.headers = headers;
        this.value = value;
    }

    /**
     * Makes a raw response; for transports.
     *
     * @param status the HTTP status
     * @param headers the answer's headers, names in any case
     * @param value the parsed body
     * @param <T> the type of the parsed body
     * @return the raw response
     */
    public static <T> RawResponse<T> of(int status, Map<String, ? extends List<String>> headers, T value) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(value, "value");
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> {
            List<String> both = new java.util.ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }));
        return new RawResponse<>(status, Collections.unmodifiableMap(copy), value);
    }

    /**
     * Returns the HTTP status.
     *
     * @return for example {@code 200} or {@code 201}
     */
    public int status() {
        return status;
    }

    /**
     * Returns the headers of the answer.
     *
     * @return lower-case names (looked up in any case) to their values
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the name, any case
     * @return the value, or empty when the answer has no such header
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(Objects.requireNonNull(name, "name"));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Returns the request id Runflow gave the request, the one to quote to its support.
     *
     * @return the id, or empty when the answer names none
     */
    public Optional<String> requestId() {
        String id = ApiErrors.requestId(headers);
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.strip());
    }

    /**
     * Returns the body as the service's method without this view returns it.
     *
     * @return the parsed body
     */
    public T parse() {
        return value;
    }

    @Override
    public String toString() {
        return "RawResponse[status=" + status + ", requestId=" + requestId().orElse(null) + "]";
    }
}
