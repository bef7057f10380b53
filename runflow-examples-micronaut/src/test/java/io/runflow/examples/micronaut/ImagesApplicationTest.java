package io.runflow.examples.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.micronaut.EnableRunflowFake;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sample end to end: its own HTTP API, the fake's signed callback into its own webhook. */
// snippet:start micronaut-test
@MicronautTest
@EnableRunflowFake
class ImagesApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Inject
    FakeRunflowServer fake;

    @Test
    void anImageRequestedIsCompletedByItsCallback() throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(
                        server.getURI().resolve("/images"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a red fox in the snow\",\"seed\":42}")));
        assertThat(created.statusCode()).isEqualTo(202);
        JsonNode image = JSON.readTree(created.body());
        String id = image.path("id").asText();
        assertThat(image.path("status").asText()).isEqualTo("queued");

        fake.advance(Duration.ofSeconds(1));

        JsonNode shown =
                JSON.readTree(send(HttpRequest.newBuilder(server.getURI().resolve("/images/" + id)))
                        .body());
        assertThat(shown.path("status").asText()).isEqualTo("succeeded");
        assertThat(shown.path("prompt").asText()).isEqualTo("a red fox in the snow");
        assertThat(shown.path("url").asText()).startsWith(fake.baseUrl());
        assertThat(fake.deliveries(id))
                .singleElement()
                .satisfies(delivery -> assertThat(delivery.delivered()).isTrue());
    }
    // snippet:end micronaut-test

    @Test
    void aRunsCallbackIsCountedOnce() throws Exception {
        String id = JSON.readTree(send(HttpRequest.newBuilder(server.getURI().resolve("/images"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a grey owl\"}")))
                        .body())
                .path("id")
                .asText();

        fake.advance(Duration.ofSeconds(1));

        JsonNode counts =
                JSON.readTree(send(HttpRequest.newBuilder(server.getURI().resolve("/callbacks")))
                        .body());
        assertThat(counts.path(id).asInt()).isEqualTo(1);
    }

    @Test
    void aRequestWithoutPromptIs400() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(server.getURI().resolve("/images"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"prompt is required\"}");
    }

    @Test
    void anUnknownImageIs404() throws Exception {
        assertThat(send(HttpRequest.newBuilder(server.getURI().resolve("/images/nope")))
                        .statusCode())
                .isEqualTo(404);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
