package io.runflow.testkit.internal.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.RecordedRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JDK server's one handler: records the request, applies an installed fault, refuses oversized
 * bodies, routes, and writes the answer in one piece. Nothing that goes wrong inside reaches the
 * client as a stack trace: it becomes a 500 envelope. Not public API.
 *
 * <p>Faults apply before routing, so one that refuses a request (a status, a reset) leaves nothing
 * applied and nothing kept for its {@code Idempotency-Key}; accept-then-drop, delay and the faults
 * that spoil the answer's body (truncated, slow, oversized) hand the request to the router as usual.
 */
public final class Dispatcher implements HttpHandler {

    private final Router router;
    private final Journal journal;
    private final Faults faults;
    private final Clock clock;
    private final int maxBodyBytes;
    private final String largeBodyPrefix;
    private final int largeBodyMaxBytes;
    /** Requests between the start and the end of {@link #handle}; guarded by itself. */
    private final int[] inFlight = new int[1];

    /**
     * Creates the handler.
     *
     * @param router the routes
     * @param journal where every request is recorded
     * @param faults the installed faults
     * @param clock the server clock, for the journal's times
     * @param maxBodyBytes the largest request body accepted
     */
    public Dispatcher(Router router, Journal journal, Faults faults, Clock clock, int maxBodyBytes) {
        this(router, journal, faults, clock, maxBodyBytes, null, maxBodyBytes);
    }

    /**
     * Creates the handler with a larger body limit under one path prefix (the upload URLs, which take
     * files up to 50 MiB).
     *
     * @param router the routes
     * @param journal where every request is recorded
     * @param faults the installed faults
     * @param clock the server clock, for the journal's times
     * @param maxBodyBytes the largest request body accepted elsewhere
     * @param largeBodyPrefix the path prefix with the larger limit, or null for none
     * @param largeBodyMaxBytes the largest body accepted under it
     */
    public Dispatcher(
            Router router,
            Journal journal,
            Faults faults,
            Clock clock,
            int maxBodyBytes,
            String largeBodyPrefix,
            int largeBodyMaxBytes) {
        this.router = router;
        this.journal = journal;
        this.faults = faults;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.largeBodyPrefix = largeBodyPrefix;
        this.largeBodyMaxBytes = largeBodyMaxBytes;
    }

    /**
     * Waits until no request is being handled, a delayed or trickled answer included.
     *
     * @param timeout how long to wait at most (real time)
     * @return false when requests were still being handled at the timeout
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inFlight) {
            while (inFlight[0] > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(inFlight, remaining);
            }
            return true;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        synchronized (inFlight) {
            inFlight[0]++;
        }
        try {
            handleCounted(exchange);
        } finally {
            synchronized (inFlight) {
                inFlight[0]--;
                inFlight.notifyAll();
            }
        }
    }

    private void handleCounted(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (IOException e) {
            exchange.close();
        } catch (Throwable e) { // an Error too (say OutOfMemoryError): the client must still get an answer
            System.getLogger(FakeRunflowServer.class.getName())
                    .log(Level.WARNING, "fake Runflow server failed on a request", e);
            try {
                write(
                        exchange,
                        ErrorResponseException.envelopeResponse(500, "INTERNAL_ERROR", "the fake server failed"));
            } catch (IOException | RuntimeException alreadyAnswered) {
                exchange.close();
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        int limit = largeBodyPrefix != null && path.startsWith(largeBodyPrefix) ? largeBodyMaxBytes : maxBodyBytes;
        byte[] body = readBody(exchange, limit);
        boolean tooLarge = body == null || body.length > limit;
        if (body == null) {
            body = new byte[0];
        }
        if (tooLarge) {
            // The rest of the body is never read, so the connection cannot carry another request.
            exchange.getResponseHeaders().set("Connection", "close");
        }
        long sequence = journal.nextSequence();
        exchange.getResponseHeaders().set("Runflow-Request-Id", "req_" + sequence);
        journal.record(RecordedRequest.builder()
                .sequence(sequence)
                .method(method)
                .path(path)
                .query(rawQuery == null ? "" : rawQuery)
                .headers(headers)
                .body(body)
                .receivedAt(clock.instant())
                .build());
        Request request = new Request(method, path, Request.parseQuery(rawQuery), headers, body, Map.of());

        FaultRule fault = faults.take(path);
        if (fault != null) {
            switch (fault.kind()) {
                case RESET:
                    exchange.close();
                    return;
                case RESPOND:
                    write(exchange, new Response(fault.status(), fault.contentType(), fault.headers(), fault.body()));
                    return;
                case ACCEPT_THEN_DROP:
                    answer(request, tooLarge, limit);
                    exchange.close();
                    return;
                case TRUNCATED_BODY:
                    SpoiledAnswers.truncated(exchange, answer(request, tooLarge, limit));
                    return;
                case SLOW_BODY:
                    SpoiledAnswers.slow(exchange, answer(request, tooLarge, limit), fault.delay());
                    return;
                case OVERSIZED_BODY:
                    SpoiledAnswers.oversized(exchange, answer(request, tooLarge, limit), fault.size());
                    return;
                case DELAY:
                    if (!pause(fault)) {
                        exchange.close(); // the server is stopping: nothing is applied
                        return;
                    }
                    break;
                default:
                    break;
            }
        }
        write(exchange, answer(request, tooLarge, limit));
    }

    private Response answer(Request request, boolean tooLarge, int limit) {
        try {
            if (tooLarge) {
                return new ErrorResponseException(
                                413, "PAYLOAD_TOO_LARGE", "request body is larger than " + limit + " bytes", null)
                        .toResponse();
            }
            return router.dispatch(request);
        } catch (ErrorResponseException e) {
            return e.toResponse();
        }
    }

    /**
     * Reads at most one byte more than the limit, enough to know the body is too large, and nothing
     * (null) when the declared Content-Length already is. The rest stays unread: the JDK server closes
     * such a connection after the answer instead of draining it (see {@link LoopbackHttpServer#tuneJdkServer()}).
     */
    private static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.length() > 0 && declared.chars().allMatch(Character::isDigit)) {
            if (declared.length() > 18 || Long.parseLong(declared) > limit) {
                return null;
            }
        }
        return exchange.getRequestBody().readNBytes(limit + 1);
    }

    /** Sleeps the fault's delay; false when interrupted (the server is stopping). */
    private static boolean pause(FaultRule fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends a response and closes the exchange; the control API's dispatcher answers the same way. */
    static void write(HttpExchange exchange, Response response) throws IOException {
        setHeaders(exchange, response);
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
        exchange.close();
    }

    /** Puts a response's content type and headers on the exchange. */
    static void setHeaders(HttpExchange exchange, Response response) {
        Headers out = exchange.getResponseHeaders();
        if (response.contentType() != null) {
            out.set("Content-Type", response.contentType());
        }
        response.headers().forEach(out::set);
    }
}
