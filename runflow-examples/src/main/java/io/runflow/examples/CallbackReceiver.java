package io.runflow.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.runflow.RunCallbacks;
import io.runflow.RunflowObserver;
import io.runflow.webhook.CallbackListener;
import io.runflow.webhook.RunCallback;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookResponse;
import io.runflow.webhook.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal webhook receiver on the JDK's HTTP server: the HTTP part only. Core's {@link
 * WebhookEndpoint} verifies each callback's signature over the raw body before reading it, answers 401
 * to a bad signature, and hands each run's callback once to the listener here, which passes it to
 * {@link RunCallbacks} so the wait on the run ends at once.
 */
final class CallbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final WebhookEndpoint endpoint;
    private final RunCallbacks callbacks;
    private final Map<String, Boolean> completedWait = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger rejected = new AtomicInteger();

    private CallbackReceiver(HttpServer server, WebhookVerifier verifier, RunCallbacks callbacks) {
        this.server = server;
        this.callbacks = callbacks;
        this.endpoint = WebhookEndpoint.builder()
                .verifier(verifier)
                .listener(CallbackListener.runs(this::received))
                .observer(new RunflowObserver() {
                    @Override
                    public void onWebhook(WebhookRequest request) {
                        if (request.status() >= 400 && request.status() < 500) {
                            rejected.incrementAndGet();
                        }
                    }
                })
                .build();
    }

    /** Listens on loopback at {@code port} (0 for any free port) under {@code path}. */
    static CallbackReceiver start(int port, String path, WebhookVerifier verifier, RunCallbacks callbacks)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        CallbackReceiver receiver = new CallbackReceiver(server, verifier, callbacks);
        server.createContext(path, receiver::handle);
        server.setExecutor(Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "quickstart-callbacks");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return receiver;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Waits for a verified callback of the run; true if one came within the timeout. */
    boolean awaitVerified(String runId, Duration timeout) throws InterruptedException {
        return latch(runId).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the run's verified callback was what ended the wait (rather than a poll). */
    boolean endedTheWait(String runId) {
        return completedWait.getOrDefault(runId, false);
    }

    int rejected() {
        return rejected.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, "method not allowed");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                // One byte past the limit is enough for the endpoint to answer 413; the rest is never read.
                body = in.readNBytes((int) Math.min(endpoint.maxBodySize() + 1, Integer.MAX_VALUE - 8));
            }
            WebhookResponse response = endpoint.handle(body, exchange.getRequestHeaders()::getFirst);
            exchange.getResponseHeaders().set("Content-Type", WebhookResponse.CONTENT_TYPE);
            answer(exchange, response.status(), response.body());
        }
    }

    private void received(RunCallback callback) {
        // The count tells the summary whether this callback, rather than a poll, ended the wait.
        completedWait.merge(callback.runId(), callbacks.accept(callback.toRun()) > 0, Boolean::logicalOr);
        latch(callback.runId()).countDown();
    }

    private CountDownLatch latch(String runId) {
        return arrivals.computeIfAbsent(runId, id -> new CountDownLatch(1));
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
