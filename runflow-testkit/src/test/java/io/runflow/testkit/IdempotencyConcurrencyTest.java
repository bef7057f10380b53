package io.runflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyConcurrencyTest extends DeterministicServerTest {

    @Test
    void aSecondRequestWithTheSameKeyWaitsForTheFirstAndGetsItsAnswer() throws Exception {
        AtomicInteger callbacks = new AtomicInteger();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Answers the automatic callback at once and holds the redelivery's, so that the first
        // redelivery request stays in flight inside the fake until the test releases it.
        hook.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (callbacks.incrementAndGet() > 1) {
                held.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.start();
        try {
            String runId = http.createFlux(
                    ",\"callback_url\":\"http://127.0.0.1:" + hook.getAddress().getPort() + "/hook\"");
            server.advance(Duration.ofSeconds(1));
            server.takeRequest(); // the create
            HttpRequest redeliver = http.builder("/v1/runs/" + runId + "/callback-redeliveries")
                    .header("Idempotency-Key", "once")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            HttpClient client = HttpClient.newHttpClient();

            CompletableFuture<HttpResponse<String>> first =
                    client.sendAsync(redeliver, HttpResponse.BodyHandlers.ofString());
            assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
            server.takeRequest(); // the first redelivery, now waiting for its callback attempt
            CompletableFuture<HttpResponse<String>> second =
                    client.sendAsync(redeliver, HttpResponse.BodyHandlers.ofString());
            server.takeRequest(Duration.ofSeconds(5)); // the second arrived while the first is in flight
            release.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            assertThat(second.get(5, TimeUnit.SECONDS).body())
                    .isEqualTo(first.get().body());
            assertThat(server.deliveries(runId)).filteredOn(d -> !d.automatic()).hasSize(1);
        } finally {
            release.countDown();
            hook.stop(0);
        }
    }
}
