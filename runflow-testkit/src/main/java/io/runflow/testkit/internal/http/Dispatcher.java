package io.runflow.testkit.internal.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The JDK server's one handler: records the request, applies an installed fault, refuses oversized
 * bodies, routes, and writes the answer in one piece. Nothing that goes wrong inside reaches the
 * client as a stack trace: it becomes a 500 envelope. Not public API.
 *
 * <p>Faults apply before routing, so one that refuses a request (a status, a reset) leaves nothing
 * applied and nothing kept for its {@code Idempotency-Key}; accept-then-drop, delay and the faults
 * that spoil the answer's body (truncated, slow, oversized) hand the request to the router as usual.
 *
 * <p>Threads: given a pool ({@code workers}), a request is served on the calling thread, the JDK
 * server's dispatcher, only when nothing in it can wait: its whole body has arrived, its path is not
 * one of those whose handling waits (callback redeliveries wait for the attempt, files are large),
 * and no fault that takes time (a delay, a slow or oversized body) applies to it. Anything else goes
 * on to a pool thread, so a slow client or a delayed answer never holds up the other connections.
 */
public final class Dispatcher implements HttpHandler {

    /** The rest of an exchange. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    private final Router router;
    private final Journal journal;
    private final Faults faults;
    private final Clock clock;
    private final int maxBodyBytes;
    private final String largeBodyPrefix;
    private final int largeBodyMaxBytes;
    private final Executor workers;
    private final Predicate<String> waits;
    /** Requests between the start and the end of their handling; guarded by itself. */
    private final int[] inFlight = new int[1];

    /**
     * Creates the handler, which serves every request on the calling thread.
     *
     * @param router the routes
     * @param journal where every request is recorded
     * @param faults the installed faults
     * @param clock the server clock, for the journal's times
     * @param maxBodyBytes the largest request body accepted
     */
    public Dispatcher(Router router, Journal journal, Faults faults, Clock clock, int maxBodyBytes) {
        this(router, journal, faults, clock, maxBodyBytes, null, maxBodyBytes, null, path -> false);
    }

    /**
     * Creates the handler with a larger body limit under one path prefix (the upload URLs, which take
     * files up to 50 MiB), and a pool for the requests that may wait.
     *
     * @param router the routes
     * @param journal where every request is recorded
     * @param faults the installed faults
     * @param clock the server clock, for the journal's times
     * @param maxBodyBytes the largest request body accepted elsewhere
     * @param largeBodyPrefix the path prefix with the larger limit, or null for none
     * @param largeBodyMaxBytes the largest body accepted under it
     * @param workers where a request that may wait is served, or null to serve all on the calling thread
     * @param waits the paths whose handling may wait (for the network, or on a large body)
     */
    public Dispatcher(
            Router router,
            Journal journal,
            Faults faults,
            Clock clock,
            int maxBodyBytes,
            String largeBodyPrefix,
            int largeBodyMaxBytes,
            Executor workers,
            Predicate<String> waits) {
        this.router = router;
        this.journal = journal;
        this.faults = faults;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.largeBodyPrefix = largeBodyPrefix;
        this.largeBodyMaxBytes = largeBodyMaxBytes;
        this.workers = workers;
        this.waits = waits;
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
    public void handle(HttpExchange exchange) {
        enter();
        try {
            if (workers != null && mayWait(exchange)) {
                handOff(exchange, () -> serve(exchange, false));
            } else {
                try {
                    serve(exchange, workers != null);
                } catch (Throwable e) {
                    failed(exchange, e);
                }
            }
        } finally {
            exit();
        }
    }

    private void enter() {
        synchronized (inFlight) {
            inFlight[0]++;
        }
    }

    private void exit() {
        synchronized (inFlight) {
            if (--inFlight[0] == 0) {
                inFlight.notifyAll();
            }
        }
    }

    /** Whether serving the request could wait: on a body still arriving, or by its route. */
    private boolean mayWait(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        if (waits.test(path)) {
            return true;
        }
        Headers headers = exchange.getRequestHeaders();
        if (headers.containsKey("Transfer-Encoding")) {
            return true;
        }
        long declared = declaredLength(headers);
        if (declared == 0 || declared > limitFor(path)) {
            return false; // no body, or one refused unread
        }
        try {
            return declared < 0 || exchange.getRequestBody().available() < declared;
        } catch (IOException e) {
            return true;
        }
    }

    private int limitFor(String path) {
        return largeBodyPrefix != null && path.startsWith(largeBodyPrefix) ? largeBodyMaxBytes : maxBodyBytes;
    }

    /** The Content-Length, 0 when there is none, -1 when it is not a number. */
    private static long declaredLength(Headers headers) {
        String declared = headers.getFirst("Content-Length");
        if (declared == null || declared.isEmpty()) {
            return 0;
        }
        if (declared.length() > 18 || !digits(declared)) {
            return declared.length() > 18 && digits(declared) ? Long.MAX_VALUE : -1;
        }
        return Long.parseLong(declared);
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Runs the rest of the exchange on a pool thread, counted as in flight until it ends. */
    private void handOff(HttpExchange exchange, Step step) {
        enter();
        try {
            workers.execute(() -> {
                try {
                    guarded(exchange, step);
                } finally {
                    exit();
                }
            });
        } catch (RejectedExecutionException stopping) {
            exchange.close();
            exit();
        }
    }

    private void guarded(HttpExchange exchange, Step step) {
        try {
            step.run();
        } catch (Throwable e) {
            failed(exchange, e);
        }
    }

    /** Ends an exchange that failed: an I/O error closes it, anything else is the 500 envelope. */
    private static void failed(HttpExchange exchange, Throwable e) {
        if (e instanceof IOException) {
            exchange.close();
            return;
        }
        // An Error too (say OutOfMemoryError): the client must still get an answer.
        System.getLogger(FakeRunflowServer.class.getName())
                .log(Level.WARNING, "fake Runflow server failed on a request", e);
        try {
            write(exchange, ErrorResponseException.envelopeResponse(500, "INTERNAL_ERROR", "the fake server failed"));
        } catch (IOException | RuntimeException alreadyAnswered) {
            exchange.close();
        }
    }

    /**
     * Serves one exchange.
     *
     * @param inline on the dispatcher thread, where a fault that takes time is handed off
     */
    private void serve(HttpExchange exchange, boolean inline) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        String rawQuery = uri.getRawQuery();
        Headers requestHeaders = exchange.getRequestHeaders();
        int limit = limitFor(path);
        byte[] body = readBody(exchange, requestHeaders, limit);
        boolean tooLarge = body == null || body.length > limit;
        if (body == null) {
            body = new byte[0];
        }
        Headers responseHeaders = exchange.getResponseHeaders();
        if (tooLarge) {
            // The rest of the body is never read, so the connection cannot carry another request.
            responseHeaders.set("Connection", "close");
        }
        long sequence = journal.nextSequence();
        responseHeaders.set("Runflow-Request-Id", "req_" + sequence);
        Map<String, List<String>> headers = Map.copyOf(requestHeaders);
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
        if (fault == null) {
            write(exchange, answer(request, tooLarge, limit));
        } else if (inline && takesTime(fault)) {
            handOff(exchange, () -> apply(fault, exchange, request, tooLarge, limit));
        } else {
            apply(fault, exchange, request, tooLarge, limit);
        }
    }

    private static boolean takesTime(FaultRule fault) {
        switch (fault.kind()) {
            case DELAY:
            case SLOW_BODY:
            case OVERSIZED_BODY:
                return true;
            default:
                return false;
        }
    }

    private void apply(FaultRule fault, HttpExchange exchange, Request request, boolean tooLarge, int limit)
            throws IOException {
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
     * A body is read to its end, so that the connection stays open for the next request.
     */
    private static byte[] readBody(HttpExchange exchange, Headers headers, int limit) throws IOException {
        InputStream in = exchange.getRequestBody();
        long declared = headers.containsKey("Transfer-Encoding") ? -1 : declaredLength(headers);
        if (declared > limit) {
            return null;
        }
        if (declared >= 0) {
            byte[] body = in.readNBytes((int) declared);
            in.read(); // the end of the body, -1: the JDK server then keeps the connection open
            return body;
        }
        return in.readNBytes(limit + 1);
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
