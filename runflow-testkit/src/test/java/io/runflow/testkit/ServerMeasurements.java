package io.runflow.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Prints the figures the benchmark issue asks about; not a test, and asserts nothing. Run it in a
 * fresh JVM so that the cold start is cold:
 *
 * <pre>{@code
 * java -cp runflow-testkit/target/test-classes:runflow-testkit/target/runflow-testkit-<v>-standalone.jar \
 *     io.runflow.testkit.ServerMeasurements
 * }</pre>
 */
final class ServerMeasurements {

    private ServerMeasurements() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        try (FakeRunflowServer server = FakeRunflowServer.builder().build()) {
            long built = System.nanoTime();
            String status = rawGet(server.port(), "/v1/health");
            long firstOk = System.nanoTime();
            System.out.printf(
                    "cold start: build() %.1f ms; builder to first '%s' on /v1/health (plain socket client) %.1f ms%n",
                    (built - started) / 1e6, status, (firstOk - started) / 1e6);

            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/health"))
                    .build();
            long t0 = System.nanoTime();
            client.send(health, HttpResponse.BodyHandlers.discarding());
            System.out.printf(
                    "first JDK HttpClient request (client warm-up included) %.1f ms%n", (System.nanoTime() - t0) / 1e6);

            HttpRequest create = HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + "/v1/models/black-forest-labs/flux-1-1-pro-ultra/runs"))
                    .header("Authorization", "Bearer " + server.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"input\":{\"prompt\":\"x\"}}"))
                    .build();
            String body =
                    client.send(create, HttpResponse.BodyHandlers.ofString()).body();
            String id = body.substring(7, body.indexOf('"', 7));
            HttpRequest get = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/runs/" + id))
                    .header("Authorization", "Bearer " + server.apiKey())
                    .build();
            for (int round = 0; round < 3; round++) {
                rate(client, health, "GET /v1/health", 2_000, 10_000);
                rate(client, get, "GET /v1/runs/{id}", 2_000, 10_000);
                rawRate(server, "/v1/health", 10_000);
            }
        }
    }

    private static String rawGet(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
        }
    }

    /** One keep-alive socket, one request at a time: the server's share without the JDK client's. */
    private static void rawRate(FakeRunflowServer server, String path, int count) throws IOException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                out.write(request);
                out.flush();
                readResponse(in);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            System.out.printf(
                    "%s: %d sequential keep-alive requests (plain socket) in %d ms = %.0f requests/s%n",
                    "GET " + path, count, took.toMillis(), count / (took.toNanos() / 1e9));
        }
    }

    private static void readResponse(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int length = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c == '\n') {
                String header = line.toString().trim();
                if (header.isEmpty()) {
                    break;
                }
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        in.readNBytes(length);
    }

    private static void rate(HttpClient client, HttpRequest request, String label, int warmup, int count)
            throws Exception {
        for (int i = 0; i < warmup; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf(
                "%s: %d sequential keep-alive requests (JDK HttpClient) in %d ms = %.0f requests/s%n",
                label, count, took.toMillis(), count / (took.toNanos() / 1e9));
    }
}
