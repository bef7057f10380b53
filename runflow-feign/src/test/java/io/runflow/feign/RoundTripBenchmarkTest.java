package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Logger;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.internal.json.RunflowJson;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Not a benchmark harness (that is the benchmark module's job): a rough, printed comparison of a
 * create + get round trip through {@link RunflowClient} and the same two calls made with a bare JDK
 * {@link HttpClient}, against one fake server. Nothing is asserted about the figures. Iterations:
 * {@code -Drunflow.bench.iterations=3000} (default 100, to keep the build quick).
 */
class RoundTripBenchmarkTest {

    private static final String BODY = "{\"input\":{\"prompt\":\"bench\"}}";

    @Test
    void createAndGetThroughTheClientAgainstABareHttpClient() throws Exception {
        int iterations = Integer.getInteger("runflow.bench.iterations", 100);
        try (FakeRunflowServer server = FakeRunflowServer.builder().build();
                RunflowClient quiet = RunflowClient.builder()
                        .apiKey(server.apiKey())
                        .baseUrl(server.baseUrl())
                        .transport(RunflowFeign.transport(feign -> feign.logLevel(Logger.Level.NONE)))
                        .build();
                RunflowClient defaults = RunflowClient.builder()
                        .apiKey(server.apiKey())
                        .baseUrl(server.baseUrl())
                        .build()) {
            HttpClient bare =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI create = URI.create(server.baseUrl() + "/v1/models/" + FluxProUltra.MODEL + "/runs");

            Runnable sdk = () -> roundTrip(quiet);
            Runnable sdkDefaults = () -> roundTrip(defaults);
            Runnable raw = () -> roundTrip(bare, server, create);
            for (int i = 0; i < iterations; i++) {
                sdk.run();
                sdkDefaults.run();
                raw.run();
            }
            long sdkNanos = 0;
            long defaultNanos = 0;
            long rawNanos = 0;
            long[] cpu = new long[3];
            // Interleaved rounds, so drift (JIT, GC, the fake's growing store) hits all three alike.
            int rounds = 10;
            for (int round = 0; round < rounds; round++) {
                long before = processCpuNanos();
                rawNanos += time(raw, iterations / rounds);
                long afterRaw = processCpuNanos();
                sdkNanos += time(sdk, iterations / rounds);
                long afterSdk = processCpuNanos();
                defaultNanos += time(sdkDefaults, iterations / rounds);
                cpu[0] += afterRaw - before;
                cpu[1] += afterSdk - afterRaw;
                cpu[2] += processCpuNanos() - afterSdk;
            }
            int measured = iterations / rounds * rounds;
            double sdkMicros = sdkNanos / 1000.0 / measured;
            double defaultMicros = defaultNanos / 1000.0 / measured;
            double rawMicros = rawNanos / 1000.0 / measured;
            System.out.printf(
                    Locale.ROOT,
                    "create+get round trip, %d iterations after %d warm-up: bare JDK HttpClient %.1f us,"
                            + " RunflowClient (Feign log NONE) %.1f us (ratio %.2f),"
                            + " RunflowClient (defaults, BASIC) %.1f us (ratio %.2f)%n",
                    measured,
                    iterations,
                    rawMicros,
                    sdkMicros,
                    sdkMicros / rawMicros,
                    defaultMicros,
                    defaultMicros / rawMicros);
            // CPU time of the whole process (client and fake alike) per round trip: less sensitive
            // than wall time to other work on a shared machine.
            System.out.printf(
                    Locale.ROOT,
                    "process CPU per round trip: bare %.1f us, RunflowClient (NONE) %.1f us (ratio %.2f),"
                            + " RunflowClient (BASIC) %.1f us (ratio %.2f)%n",
                    cpu[0] / 1000.0 / measured,
                    cpu[1] / 1000.0 / measured,
                    (double) cpu[1] / cpu[0],
                    cpu[2] / 1000.0 / measured,
                    (double) cpu[2] / cpu[0]);
            assertThat(server.runs()).hasSize(3 * iterations + 3 * measured);
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
                : 0L;
    }

    private static long time(Runnable task, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            task.run();
        }
        return System.nanoTime() - start;
    }

    private static void roundTrip(RunflowClient client) {
        Run created = client.runs().create(FluxProUltra.input("bench"));
        Run read = client.runs().get(created.id());
        if (!read.id().equals(created.id())) {
            throw new AssertionError("read another run");
        }
    }

    private static void roundTrip(HttpClient client, FakeRunflowServer server, URI create) {
        try {
            HttpResponse<byte[]> created = client.send(
                    HttpRequest.newBuilder(create)
                            .header("Authorization", "Bearer " + server.apiKey())
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(BODY))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode run = RunflowJson.mapper().readTree(created.body());
            String id = run.get("id").asText();
            HttpResponse<byte[]> read = client.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/runs/" + id))
                            .header("Authorization", "Bearer " + server.apiKey())
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (!RunflowJson.mapper().readTree(read.body()).get("id").asText().equals(id)) {
                throw new AssertionError("read another run");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
