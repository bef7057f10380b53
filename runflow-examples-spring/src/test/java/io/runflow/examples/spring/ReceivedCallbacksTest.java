package io.runflow.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.spring.EnableRunflowFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code GET /callbacks}: the run whose callback came shows 1. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnableRunflowFake
class ReceivedCallbacksTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    FakeRunflowServer fake;

    @Value("${local.server.port}")
    int port;

    @Test
    void aRunsCallbackIsCountedOnce() throws Exception {
        http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/images"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a grey owl\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String id = fake.runs().get(fake.runs().size() - 1).id();

        String counts = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // The fake delivers on its own thread about 50 ms after the create (as ImagesApplicationTest waits).
        while (!counts.contains(id) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            counts = http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/callbacks"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }

        assertThat(counts).contains("\"" + id + "\":1");
    }
}
