package io.runflow.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.testkit.FakeRunflowServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@RunflowTest(deterministic = true, imageSize = 16)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunflowTestAnnotationTest {

    static FakeRunflowServer first;

    @BeforeAll
    static void keep(FakeRunflowServer server) {
        first = server;
    }

    static int create(FakeRunflowServer server) throws Exception {
        return create(server, "x");
    }

    static int create(FakeRunflowServer server, String prompt) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/v1/models/" + "black-forest-labs/flux-1-1-pro-ultra/runs"))
                .header("Authorization", "Bearer " + server.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"prompt\":\"" + prompt + "\"}}"))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    @Order(1)
    void injectsTheClassServerConfiguredByTheAnnotation(FakeRunflowServer server) throws Exception {
        assertThat(create(server)).isEqualTo(201);
        server.advance(Duration.ofSeconds(1));

        assertThat(server).isSameAs(first);
        assertThat(server.runs().get(0).id()).isEqualTo("00000000-0000-7000-8000-000000000002");
        assertThat(server.runs().get(0).createdAt()).isEqualTo(FakeRunflowServer.DETERMINISTIC_START);
    }

    @Test
    @Order(2)
    void resetsTheStateBeforeEachTest(FakeRunflowServer server) {
        assertThat(server).isSameAs(first);
        assertThat(server.runs()).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    @Nested
    class NestedClasses {

        @Test
        void shareTheOuterServer(FakeRunflowServer server) {
            assertThat(server).isSameAs(first);
        }
    }
}
