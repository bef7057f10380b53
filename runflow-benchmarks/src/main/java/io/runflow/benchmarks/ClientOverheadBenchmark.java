package io.runflow.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * P1: {@code RunflowClient} create + get against the fake on loopback, next to (a) a bare JDK {@link
 * HttpClient} making the same two calls without parsing and (b) the same calls hand-rolled with the JDK
 * client and Jackson into a tree. Each benchmark runs in its own JVM against its own fake server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientOverheadBenchmark {

    static final String PROMPT = "a serene japanese garden";

    private FakeRunflowServer server;
    private RunflowClient runflow;
    private HttpClient http;
    private ObjectMapper mapper;
    private URI createUri;
    private String runsPrefix;
    private String authorization;
    private byte[] constantBody;

    /** Starts the fake, the client and the peers' JDK client. */
    @Setup
    public void start() {
        // Deterministic: server time stands still, so every read answers the same queued run and
        // no variant is handed bigger bodies because its reads happened to come later.
        server = FakeRunflowServer.builder().deterministic().build();
        connect(server.baseUrl(), server.apiKey());
    }

    /**
     * Points the client and the peers' JDK client at a fake running elsewhere (P1c: in a process of
     * its own), which this instance neither starts nor stops.
     *
     * @param baseUrl the fake's base URL
     * @param apiKey its API key
     */
    void connect(String baseUrl, String apiKey) {
        runflow = RunflowClient.builder().apiKey(apiKey).baseUrl(baseUrl).build();
        // What a user writes: HTTP/1.1 (the JDK's h2c upgrade costs a round trip on http://).
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        mapper = JsonMapper.builder().build();
        createUri = URI.create(baseUrl + "/v1/models/" + FluxProUltra.MODEL + "/runs");
        runsPrefix = baseUrl + "/v1/runs/";
        authorization = "Bearer " + apiKey;
        constantBody = ("{\"input\":{\"prompt\":\"" + PROMPT + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Closes the client and the fake, if this instance started it. */
    @TearDown
    public void stop() {
        runflow.close();
        if (server != null) {
            server.close();
        }
    }

    /**
     * The SDK: typed input, records out.
     *
     * @return the run read back
     */
    @Benchmark
    public Run runflowClient() {
        Run created = runflow.runs().create(FluxProUltra.input(PROMPT));
        return runflow.runs().get(created.id());
    }

    /**
     * (b) What a user writes instead: the JDK client, a Jackson-built body, both answers read into a
     * tree, the id taken from the first.
     *
     * @return the run read back, as a tree
     * @throws IOException if a call fails
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public JsonNode handRolledJackson() throws IOException, InterruptedException {
        ObjectNode body = mapper.createObjectNode();
        body.putObject("input").put("prompt", PROMPT);
        HttpResponse<byte[]> created = http.send(
                HttpRequest.newBuilder(createUri)
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode run = mapper.readTree(expect(201, created));
        HttpResponse<byte[]> read = http.send(
                HttpRequest.newBuilder(URI.create(runsPrefix + run.get("id").asText()))
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return mapper.readTree(expect(200, read));
    }

    /**
     * (a) The floor: the same two calls with the JDK client and a constant body; the id is cut out of
     * the bytes, nothing is parsed.
     *
     * @return the length of the second answer
     * @throws IOException if a call fails
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public int bareHttpClient() throws IOException, InterruptedException {
        HttpResponse<byte[]> created = http.send(
                HttpRequest.newBuilder(createUri)
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(constantBody))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String id = idOf(expect(201, created));
        HttpResponse<byte[]> read = http.send(
                HttpRequest.newBuilder(URI.create(runsPrefix + id))
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return expect(200, read).length;
    }

    private static byte[] expect(int status, HttpResponse<byte[]> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected HTTP " + status + ", got " + response.statusCode());
        }
        return response.body();
    }

    /** The value of the first {@code "id":"..."} in the body, found without a JSON parser. */
    static String idOf(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int key = text.indexOf("\"id\":\"");
        if (key < 0) {
            throw new IllegalStateException("no id in " + text);
        }
        int start = key + 6;
        return text.substring(start, text.indexOf('"', start));
    }
}
