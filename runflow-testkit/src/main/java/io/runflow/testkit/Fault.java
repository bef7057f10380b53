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
 * server.inject(Fault.slowBody(Duration.ofSeconds(2)).onPath("/v1/runs/"));
 * }</pre>
 *
 * <p>Faults that refuse a request ({@link #status(int)}, {@link #htmlPage(int)}, {@link
 * #connectionReset()}) leave nothing applied. The others hand the request to the fake first, so a
 * create is applied: {@link #delay(Duration)} before answering, {@link #acceptThenDrop()} without
 * answering, and {@link #truncatedBody()}, {@link #slowBody(Duration)} and {@link
 * #oversizedBody(long)} spoil the answer on its way out.
 */
public final class Fault {

    private static final String JSON = "application/json";
    private static final String HTML = "text/html";

    private final Kind kind;
    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers;
    private final Duration delay;
    private final long size;
    private final int times;
    private final String path;

    private Fault(
            Kind kind,
            int status,
            String contentType,
            byte[] body,
            Map<String, String> headers,
            Duration delay,
            long size,
            int times,
            String path) {
        this.kind = kind;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = Map.copyOf(headers);
        this.delay = delay;
        this.size = size;
        this.times = times;
        this.path = path;
    }

    private Fault(Kind kind, Duration delay, long size) {
        this(kind, 0, null, null, Map.of(), delay, size, 1, null);
    }

    /**
     * Answers with a status and the documented error envelope: {@code RATE_LIMITED} for 429, {@code
     * SERVICE_UNAVAILABLE} for 503, {@code INTERNAL_ERROR} for other 5xx, {@code FAULT} otherwise.
     *
     * @param status an HTTP status from 100 to 599
     * @return the fault, for one request on any path
     */
    public static Fault status(int status) {
        requireStatus(status);
        String code = status == 429
                ? "RATE_LIMITED"
                : status == 503 ? "SERVICE_UNAVAILABLE" : status >= 500 ? "INTERNAL_ERROR" : "FAULT";
        String message = status == 429 ? "Rate limit exceeded: injected by the fake" : "injected by the fake";
        byte[] envelope = Json.write(ErrorResponseException.envelope(code, message, null));
        return new Fault(Kind.RESPOND, status, JSON, envelope, Map.of(), Duration.ZERO, 0, 1, null);
    }

    /**
     * Answers with a status and an HTML page, {@code text/html}, as a proxy or load balancer in front
     * of an API sends one (nginx's {@code 502 Bad Gateway} page, say): not the error envelope, and for
     * a 2xx status not the JSON the endpoint documents. The request is not handled.
     *
     * <pre>{@code
     * server.inject(Fault.htmlPage(502));   // a gateway error page
     * server.inject(Fault.htmlPage(200));   // a captive portal's page instead of the answer
     * }</pre>
     *
     * @param status an HTTP status from 100 to 599
     * @return the fault, for one request on any path
     */
    public static Fault htmlPage(int status) {
        requireStatus(status);
        String title = status + " " + reason(status);
        String page = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return new Fault(
                Kind.RESPOND, status, HTML, page.getBytes(StandardCharsets.UTF_8), Map.of(), Duration.ZERO, 0, 1, null);
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
        return new Fault(Kind.DELAY, delay, 0);
    }

    /**
     * Closes the connection without answering and without handling the request: the client sees an
     * I/O error and nothing happened on the server.
     *
     * @return the fault
     */
    public static Fault connectionReset() {
        return new Fault(Kind.RESET, Duration.ZERO, 0);
    }

    /**
     * Handles the request (a create is applied) and then closes the connection before the answer, the
     * ambiguous failure that {@code Idempotency-Key} exists for.
     *
     * @return the fault
     */
    public static Fault acceptThenDrop() {
        return new Fault(Kind.ACCEPT_THEN_DROP, Duration.ZERO, 0);
    }

    /**
     * Handles the request (a create is applied), then sends the answer's status and headers with a
     * {@code Content-Length} for the whole body but only the first half of the body, and closes the
     * connection: the answer is cut mid-body, as when a connection breaks during the transfer. An
     * answer without a body is declared one byte long and sent none.
     *
     * @return the fault
     */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, Duration.ZERO, 0);
    }

    /**
     * Handles the request (a create is applied), sends the answer's status and headers at once, then
     * trickles the body in small pieces so that its last byte leaves {@code duration} (real time)
     * after the headers: a client whose timeout stops at the headers waits the whole duration. An
     * answer without a body is sent at once.
     *
     * @param duration how long the body takes, from its first piece to its last, not negative
     * @return the fault
     */
    public static Fault slowBody(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        return new Fault(Kind.SLOW_BODY, duration, 0);
    }

    /**
     * Handles the request (a create is applied) and sends its answer with the JSON body followed by
     * whitespace up to {@code bytes} bytes in all, chunked, so the size is not known until the end.
     * The body stays valid JSON: only a client that bounds what it reads refuses it. The padding is
     * streamed from one small buffer, never held in memory, and stops when the client goes away.
     *
     * <pre>{@code
     * server.inject(Fault.oversizedBody(1L << 30).onPath("/v1/runs/")); // 1 GiB
     * }</pre>
     *
     * @param bytes the body's size, at least 1; an answer already longer is sent as it is
     * @return the fault
     */
    public static Fault oversizedBody(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be at least 1: " + bytes);
        }
        return new Fault(Kind.OVERSIZED_BODY, Duration.ZERO, bytes);
    }

    /**
     * Replaces the body of a status fault.
     *
     * @param json the response body, sent as {@code application/json} ({@code text/html} for an
     *     {@link #htmlPage(int)})
     * @return a copy with this body
     */
    public Fault body(String json) {
        requireRespond("body");
        return new Fault(
                kind, status, contentType, json.getBytes(StandardCharsets.UTF_8), headers, delay, size, times, path);
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
        return new Fault(kind, status, contentType, body, copy, delay, size, times, path);
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
        return new Fault(kind, status, contentType, body, headers, delay, size, count, path);
    }

    /**
     * Applies the fault only to requests whose path starts with this prefix. Default: any path.
     *
     * @param pathPrefix e.g. {@code /v1/runs} or {@code /v1/models/}
     * @return a copy
     */
    public Fault onPath(String pathPrefix) {
        return new Fault(
                kind,
                status,
                contentType,
                body,
                headers,
                delay,
                size,
                times,
                Objects.requireNonNull(pathPrefix, "pathPrefix"));
    }

    private void requireRespond(String what) {
        if (kind != Kind.RESPOND) {
            throw new IllegalStateException(what + " applies only to a status fault, not to " + kind);
        }
    }

    private static void requireStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599: " + status);
        }
    }

    private static String reason(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 429:
                return "Too Many Requests";
            case 500:
                return "Internal Server Error";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Temporarily Unavailable";
            case 504:
                return "Gateway Time-out";
            default:
                return status >= 400 ? "Error" : "Status";
        }
    }

    /** The form the dispatcher applies. */
    FaultRule rule() {
        return new FaultRule(kind, status, contentType, body, headers, delay, size, times, path);
    }

    @Override
    public String toString() {
        String detail;
        switch (kind) {
            case RESPOND:
                detail = " " + status + (HTML.equals(contentType) ? " " + HTML : "");
                break;
            case DELAY:
            case SLOW_BODY:
                detail = " " + delay;
                break;
            case OVERSIZED_BODY:
                detail = " " + size + " bytes";
                break;
            default:
                detail = "";
        }
        return "Fault[" + kind + detail + ", times=" + times + (path == null ? "" : ", path=" + path) + "]";
    }
}
