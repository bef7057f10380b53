package io.runflow.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A tiny JDK HttpClient wrapper for tests: the fake is tested over real HTTP, never mocked. */
final class Http {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String FLUX_RUNS = "/v1/models/black-forest-labs/flux-1-1-pro-ultra/runs";

    /** One answer: status, body text and the body parsed as JSON when it is JSON. */
    record Answer(int status, HttpResponse<byte[]> raw) {
        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        byte[] bytes() {
            return raw.body();
        }

        Answer withStatus() {
            return new Answer(raw.statusCode(), raw);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final FakeRunflowServer server;
    private String key;

    Http(FakeRunflowServer server) {
        this.server = server;
        this.key = server.apiKey();
    }

    Http withKey(String newKey) {
        Http copy = new Http(server);
        copy.key = newKey;
        return copy;
    }

    Answer get(String path) {
        return send(builder(path).GET());
    }

    Answer post(String path, String json, String... headers) {
        HttpRequest.Builder b = builder(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    Answer method(String method, String path, String json) {
        return send(builder(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Creates a FLUX run with this prompt and returns its id. */
    String createFlux(String extraFields) {
        String body = "{\"input\":{\"prompt\":\"a serene japanese garden\"}" + extraFields + "}";
        Answer a = post(FLUX_RUNS, body);
        if (a.status() != 201) {
            throw new AssertionError("create failed: " + a.status() + " " + a.text());
        }
        return a.json().get("id").asText();
    }

    Answer sendRaw(HttpRequest request) throws IOException, InterruptedException {
        return new Answer(0, CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray())).withStatus();
    }

    HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    private Answer send(HttpRequest.Builder b) {
        try {
            return sendRaw(b.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
