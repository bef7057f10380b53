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

/** The sample end to end: POST /images, the fake's signed callback into the app, GET /images/{id}. */
// snippet:start spring-test
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnableRunflowFake
class ImagesApplicationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    FakeRunflowServer fake;

    @Value("${local.server.port}")
    int port;

    @Test
    void anImageIsCreatedAndItsCallbackStoresTheOutputUrl() throws Exception {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/images"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a red fox in the snow\",\"seed\":42}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(202);
        String id = fake.runs().get(0).id();
        assertThat(created.body()).contains("\"id\":\"" + id + "\"");
        assertThat(fake.runs().get(0).callbackUrl()).isEqualTo("http://localhost:" + port + "/runflow/webhook");

        String shown = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // Waits for the fake's delivery, which comes on its own thread about 50 ms after the create.
        while (!shown.contains("succeeded") && System.nanoTime() < deadline) {
            Thread.sleep(10);
            shown = http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/images/" + id))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }

        assertThat(shown).contains("\"status\":\"succeeded\"", "\"url\":\"" + fake.baseUrl());
        assertThat(fake.deliveries(id))
                .singleElement()
                .satisfies(d -> assertThat(d.delivered()).isTrue());
    }
}
// snippet:end spring-test
