package io.runflow.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * P3 throughput: sequential keep-alive {@code GET /v1/health} with one JDK {@link HttpClient}
 * (HTTP/1.1), against each server in its own JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ServerThroughputBenchmark {

    /** Which server answers. */
    @Param({"fake", "jdk", "wiremock", "mockwebserver"})
    public String server;

    private Started started;
    private HttpClient http;
    private HttpRequest health;

    /**
     * Starts the server and the client.
     *
     * @throws IOException if the server cannot start
     */
    @Setup
    public void start() throws IOException {
        started = start(server);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + started.port() + "/v1/health"))
                .GET()
                .build();
    }

    static Started start(String server) throws IOException {
        switch (server) {
            case "fake":
                return FakeServerMain.start();
            case "jdk":
                return JdkServerMain.start();
            case "wiremock":
                return WireMockMain.start();
            case "mockwebserver":
                return MockWebServerMain.start();
            default:
                throw new IllegalArgumentException("unknown server " + server);
        }
    }

    /**
     * Stops the server.
     *
     * @throws Exception if it cannot stop
     */
    @TearDown
    public void stop() throws Exception {
        started.closer().close();
    }

    /**
     * One request, answer read to bytes.
     *
     * @return the status
     * @throws IOException if the call fails
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public int healthRequest() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(health, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return response.statusCode();
    }
}
