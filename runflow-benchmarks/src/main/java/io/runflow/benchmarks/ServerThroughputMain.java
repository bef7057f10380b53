package io.runflow.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * P3 throughput side by side: every server of {@link Processes.Server} runs in a JVM of its own
 * (started by {@link Processes#startServer}), and this JVM sends them sequential keep-alive {@code
 * GET /v1/health} in short chunks, the servers' order rotated from chunk to chunk, so that a change in
 * the shared machine's load hits every server alike. Two clients, each with one connection per
 * server: {@link RawHttp}, so little work per request that the rate is the server's, and the JDK
 * {@link HttpClient} (HTTP/1.1), what a user's code sends with, whose own cost per request (its
 * selector thread, its header handling) is several times a light server's and pulls every ratio
 * toward 1. Prints one {@code round=..} line per round with each server's requests per second for
 * each client ({@code fake=..} raw, {@code fake-jdk=..} JDK); {@link Main} takes the ratios within
 * each round and their median.
 *
 * <p>MockWebServer answers a keep-alive request in about 40 ms (it does not disable Nagle's
 * algorithm), so it gets one request in a hundred; its rate is informative.
 */
public final class ServerThroughputMain {

    private ServerThroughputMain() {}

    /**
     * Runs the rounds.
     *
     * @param args rounds, chunks per round, requests per chunk, warm-up seconds
     * @throws Exception if a server fails to start or answers other than 200
     */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int chunks = Integer.parseInt(args[1]);
        int perChunk = Integer.parseInt(args[2]);
        long warmupNanos = (long) (Double.parseDouble(args[3]) * 1e9);
        for (String line : measure(rounds, chunks, perChunk, warmupNanos)) {
            System.out.println(line);
        }
    }

    /** The measurement, one {@code round=..} line per round (also the smoke test's entry). */
    static List<String> measure(int rounds, int chunks, int perChunk, long warmupNanos) throws Exception {
        Map<Processes.Server, Target> targets = new EnumMap<>(Processes.Server.class);
        try {
            for (Processes.Server server : Processes.Server.values()) {
                targets.put(server, new Target(server, Processes.startServer(server, List.of("-Xms1g", "-Xmx1g"))));
            }
            List<Target> order = new ArrayList<>(targets.values());
            // Warm-up: every server's JIT climbs for seconds on this machine; interleaved like the rounds.
            long warmupEnd = System.nanoTime() + warmupNanos;
            for (int chunk = 0; System.nanoTime() < warmupEnd || chunk == 0; chunk++) {
                for (Target target : Main.rotated(order, chunk)) {
                    target.chunk(perChunk);
                }
            }
            List<String> lines = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (Target target : order) {
                    target.reset();
                }
                for (int chunk = 0; chunk < chunks; chunk++) {
                    for (Target target : Main.rotated(order, round + chunk)) {
                        target.chunk(perChunk);
                    }
                }
                StringBuilder line = new StringBuilder("round=" + round);
                for (Target target : order) {
                    line.append(String.format(
                            Locale.ROOT,
                            " %s=%.1f %s-jdk=%.1f",
                            target.server.label,
                            target.raw.rate(),
                            target.server.label,
                            target.jdk.rate()));
                }
                lines.add(line.toString());
            }
            return lines;
        } finally {
            for (Target target : targets.values()) {
                target.close();
            }
        }
    }

    /** Requests and nanoseconds of one client against one server in a round. */
    private static final class Tally {

        private long nanos;
        private long requests;

        void add(long took, int count) {
            nanos += took;
            requests += count;
        }

        double rate() {
            return requests / (nanos / 1e9);
        }
    }

    /** One server, its two clients and what a round has measured. */
    private static final class Target implements AutoCloseable {

        private final Processes.Server server;
        private final Processes.Running running;
        private final RawHttp rawClient;
        private final HttpClient http;
        private final HttpRequest health;
        private Tally raw = new Tally();
        private Tally jdk = new Tally();

        Target(Processes.Server server, Processes.Running running) throws IOException {
            this.server = server;
            this.running = running;
            this.rawClient = new RawHttp(running.port(), "/v1/health");
            this.http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            this.health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.port() + "/v1/health"))
                    .GET()
                    .build();
        }

        /** A chunk with each client, one after the other. */
        void chunk(int perChunk) throws IOException, InterruptedException {
            int count = server == Processes.Server.MOCKWEBSERVER ? Math.max(1, perChunk / 100) : perChunk;
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                check(rawClient.get());
            }
            long between = System.nanoTime();
            raw.add(between - started, count);
            for (int i = 0; i < count; i++) {
                check(http.send(health, HttpResponse.BodyHandlers.ofByteArray()).statusCode());
            }
            jdk.add(System.nanoTime() - between, count);
        }

        private void check(int status) {
            if (status != 200) {
                throw new IllegalStateException(server.label + " answered HTTP " + status);
            }
        }

        void reset() {
            raw = new Tally();
            jdk = new Tally();
        }

        @Override
        public void close() {
            try {
                rawClient.close();
            } catch (IOException e) {
                // the server is stopped next anyway
            }
            running.close();
        }
    }
}
