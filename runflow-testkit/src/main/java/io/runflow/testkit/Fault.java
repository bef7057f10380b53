package io.runflow.testkit;

import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.FaultRule;
import io.runflow.testkit.internal.http.FaultRule.Kind;
import io.runflow.testkit.internal.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A misbehaviour the fake applies to the next matching requests. Immutable; each {@code with}-style
 * method returns a copy. Install one with {@link FakeRunflowServer#inject(Fault)}.
 *
 * <pre>{@code
 * server.inject(Fault.rateLimited().times(2).onPath("/v1/models/"));
 * server.inject(Fault.acceptThenDrop().onPath("/v1/models/"));
 * }</pre>
 */
public final class Fault {

    private final Kind kind;
    private final int status;
    private final byte[] body;
    private final Map<String, String> headers;
    private final Duration delay;
    private final int times;
    private final String path;

    private Fault(
            Kind kind, int status, byte[] body, Map<String, String> headers, Duration delay, int times, String path) {
        this.kind = kind;
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
        this.delay = delay;
        this.times = times;
        this.path = path;
    }

    /**
     * Answers with a status and the documented error envelope: {@code RATE_LIMITED} for 429, {@code
     * SERVICE_UNAVAILABLE} for 503, {@code INTERNAL_ERROR} for other 5xx, {@code FAULT} otherwise.
     *
     * @param status an HTTP status from 100 to 599
     * @return the fault, for one request on any path
     */
    public static Fault status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599: " + status);
        }
        String code = status == 429
                ? "RATE_LIMITED"
                : status == 503 ? "SERVICE_UNAVAILABLE" : status >= 500 ? "INTERNAL_ERROR" : "FAULT";
        String message = status == 429 ? "Rate limit exceeded: injected by the fake" : "injected by the fake";
        byte[] envelope = Json.write(ErrorResponseException.envelope(code, message, null));
        return new Fault(Kind.RESPOND, status, envelope, Map.of(), Duration.ZERO, 1, null);
    }

    /**
     * A 429 {@code RATE_LIMITED} answer without rate-limit headers, as Runflow sends today.
     *
     * @return the fault
     */
    public static Fault rateLimited() {
        return status(429);
    }

    /**
     * A 503 {@code SERVICE_UNAVAILABLE} answer.
     *
     * @return the fault
     */
    public static Fault unavailable() {
        return status(503);
    }

    /**
     * Waits this long (real time) before handling the request normally; for client timeouts.
     *
     * @param delay the wait, not negative
     * @return the fault
     */
    public static Fault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new Fault(Kind.DELAY, 0, null, Map.of(), delay, 1, null);
    }

    /**
     * Closes the connection without answering and without handling the request: the client sees an
     * I/O error and nothing happened on the server.
     *
     * @return the fault
     */
    public static Fault connectionReset() {
        return new Fault(Kind.RESET, 0, null, Map.of(), Duration.ZERO, 1, null);
    }

    /**
     * Handles the request (a create is applied) and then closes the connection before the answer, the
     * ambiguous failure that {@code Idempotency-Key} exists for.
     *
     * @return the fault
     */
    public static Fault acceptThenDrop() {
        return new Fault(Kind.ACCEPT_THEN_DROP, 0, null, Map.of(), Duration.ZERO, 1, null);
    }

    /**
     * Replaces the body of a status fault.
     *
     * @param json the response body, sent as {@code application/json}
     * @return a copy with this body
     */
    public Fault body(String json) {
        requireRespond("body");
        return new Fault(kind, status, json.getBytes(StandardCharsets.UTF_8), headers, delay, times, path);
    }

    /**
     * Adds a response header to a status fault, e.g. {@code Retry-After}.
     *
     * @param name header name
     * @param value header value
     * @return a copy with the header
     */
    public Fault header(String name, String value) {
        requireRespond("header");
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Fault(kind, status, body, copy, delay, times, path);
    }

    /**
     * Applies the fault to this many matching requests. Default 1.
     *
     * @param count at least 1
     * @return a copy
     */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + count);
        }
        return new Fault(kind, status, body, headers, delay, count, path);
    }

    /**
     * Applies the fault only to requests whose path starts with this prefix. Default: any path.
     *
     * @param pathPrefix e.g. {@code /v1/runs} or {@code /v1/models/}
     * @return a copy
     */
    public Fault onPath(String pathPrefix) {
        return new Fault(kind, status, body, headers, delay, times, Objects.requireNonNull(pathPrefix, "pathPrefix"));
    }

    private void requireRespond(String what) {
        if (kind != Kind.RESPOND) {
            throw new IllegalStateException(what + " applies only to a status fault, not to " + kind);
        }
    }

    /** The form the dispatcher applies. */
    FaultRule rule() {
        return new FaultRule(kind, status, body, headers, delay, times, path);
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (kind == Kind.RESPOND ? " " + status : "") + (kind == Kind.DELAY ? " " + delay : "")
                + ", times=" + times + (path == null ? "" : ", path=" + path) + "]";
    }
}
