package io.runflow.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a plan from a fixed pool of sender threads sharing one JDK {@link HttpClient} (HTTP/1.1,
 * keep-alive). Each sender takes the next delivery of the plan in order, so two neighbours go out at
 * the same moment from two senders; each request is timed from {@code send} to the whole answer.
 */
final class Senders {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private Senders() {}

    static List<Result> send(List<Delivery> plan, List<URI> webhooks, int senders) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Result[] results = new Result[plan.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders, runnable -> {
            Thread thread = new Thread(runnable, "load-sender");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                        results[i] = send(client, plan.get(i), webhooks, i);
                    }
                }));
            }
            for (Future<?> sender : running) {
                try {
                    sender.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a sender failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(results);
    }

    private static Result send(HttpClient client, Delivery delivery, List<URI> webhooks, int index) {
        HttpRequest.BodyPublisher body = delivery.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(delivery.body()))
                : HttpRequest.BodyPublishers.ofByteArray(delivery.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(webhooks.get(delivery.instance()))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Runflow-Request-Id", "load-" + index)
                .POST(body);
        if (delivery.signature() != null) {
            request.header("Runflow-Signature", delivery.signature());
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(delivery, response.statusCode(), response.body(), start, System.nanoTime() - start, null);
        } catch (IOException e) {
            return new Result(
                    delivery,
                    0,
                    null,
                    start,
                    System.nanoTime() - start,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(delivery, 0, null, start, System.nanoTime() - start, "interrupted");
        }
    }
}
