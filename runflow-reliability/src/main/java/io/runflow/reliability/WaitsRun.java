package io.runflow.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.RecordedRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The cross-instance waits of issue 20: two Spring sample instances on one embedded PostgreSQL with
 * {@code dedup=jdbc}; runs are created through the first (the waiter) with their callbacks going to
 * the second (the receiver), and a wait ({@code runs().awaitAsync}) is started on the waiter for each.
 * For each run: how long after its callback reached the receiver's listeners the wait on the waiter
 * ended, and how many {@code GET /v1/runs/{id}} the fake answered for it. Once with {@code
 * runflow.webhook.notify=postgres} (the default) and the waiter's poll interval at 60 s, so that only
 * the wake-up can end a wait in time; once with {@code none} and the default poll intervals (waits
 * end by polling).
 */
final class WaitsRun {

    /** What one mode found. */
    record Report(String notifyKind, int waits, int ended, long[] latenciesMillis, int gets, int maxGets) {

        long percentile(double p) {
            if (latenciesMillis.length == 0) {
                return -1;
            }
            int rank = (int) Math.ceil(p / 100.0 * latenciesMillis.length);
            return latenciesMillis[Math.max(0, rank - 1)];
        }

        String markdown() {
            return String.format(
                    "| %s | %d | %d | %d | %d | %d | %d | %d |%n",
                    notifyKind,
                    waits,
                    ended,
                    percentile(50),
                    percentile(99),
                    latenciesMillis.length == 0 ? -1 : latenciesMillis[latenciesMillis.length - 1],
                    gets,
                    maxGets);
        }
    }

    private final Samples samples;
    private final Path logs;
    private final PrintStream out;

    WaitsRun(Samples samples, Path logs, PrintStream out) {
        this.samples = samples;
        this.logs = logs;
        this.out = out;
    }

    Report run(int waits, String notify) throws IOException, InterruptedException, ExecutionException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ObjectMapper json = new ObjectMapper();
        List<SampleInstance> instances = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                FakeRunflowServer api = FakeRunflowServer.builder()
                        .webhookSecret(WebhookLoad.WEBHOOK_SECRET)
                        .startingBalance(new BigDecimal("1000000"))
                        .phases(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(3))
                        .build()) {
            Samples.Connection connection = new Samples.Connection(
                    "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                    "postgres",
                    api.baseUrl(),
                    api.apiKey(),
                    WebhookLoad.WEBHOOK_SECRET);
            Path modeLogs = logs.resolve(notify);
            try {
                List<String> common = List.of("--images.wait-probe=true", "--runflow.webhook.notify=" + notify);
                SampleInstance receiver = samples.spring("receiver", connection, modeLogs, common, 0);
                instances.add(receiver);
                receiver.awaitReady(http);
                List<String> waiterArgs = new ArrayList<>(common);
                if (!notify.equals("none")) {
                    // The wake-up alone must end the waits: the waiter polls once, at the start.
                    waiterArgs.add("--runflow.poll.initial-interval=60s");
                    waiterArgs.add("--runflow.poll.max-interval=60s");
                }
                waiterArgs.add("--images.callback-url=" + receiver.uri("/runflow/webhook"));
                SampleInstance waiter = samples.spring("waiter", connection, modeLogs, waiterArgs, 0);
                instances.add(waiter);
                waiter.awaitReady(http);
                out.printf("[waits, notify=%s] started %s%n", notify, instances);

                List<String> ids = new ArrayList<>();
                List<CompletableFuture<HttpResponse<String>>> ends = new ArrayList<>();
                for (int i = 0; i < waits; i++) {
                    HttpResponse<String> created = http.send(
                            HttpRequest.newBuilder(waiter.uri("/images"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"wait " + i + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (created.statusCode() != 202) {
                        throw new IllegalStateException("POST /images answered " + created.statusCode());
                    }
                    String id = json.readTree(created.body()).path("id").asText();
                    ids.add(id);
                    ends.add(http.sendAsync(
                            HttpRequest.newBuilder(waiter.uri("/probe/await/" + id))
                                    .timeout(Duration.ofSeconds(120))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(150, TimeUnit.SECONDS);

                JsonNode callbacks = json.readTree(http.send(
                                HttpRequest.newBuilder(receiver.uri("/probe/callbacks"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
                List<Long> latencies = new ArrayList<>();
                int ended = 0;
                for (int i = 0; i < ids.size(); i++) {
                    HttpResponse<String> end = ends.get(i).get();
                    JsonNode at = callbacks.path(ids.get(i));
                    if (end.statusCode() == 200 && at.isNumber()) {
                        ended++;
                        latencies.add(json.readTree(end.body()).path("ended").asLong() - at.asLong());
                    }
                }
                long[] sorted =
                        latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                int allGets = 0;
                int maxGets = 0;
                List<RecordedRequest> requests = api.requests();
                for (String id : ids) {
                    int gets = (int) requests.stream()
                            .filter(r -> r.method().equals("GET") && r.path().endsWith("/runs/" + id))
                            .count();
                    allGets += gets;
                    maxGets = Math.max(maxGets, gets);
                }
                out.printf(
                        "[waits, notify=%s] %d of %d ended; latency after the callback ms: %s%n",
                        notify,
                        ended,
                        waits,
                        Arrays.toString(Arrays.copyOfRange(sorted, Math.max(0, sorted.length - 5), sorted.length)));
                return new Report(notify, waits, ended, sorted, allGets, maxGets);
            } catch (RuntimeException | IOException | InterruptedException | ExecutionException e) {
                for (SampleInstance instance : instances) {
                    out.println("--- end of " + instance.log() + ":\n" + instance.tail());
                }
                throw e;
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the waits did not all end within 150 s", e);
            } finally {
                instances.forEach(SampleInstance::stop);
                for (SampleInstance instance : instances) {
                    instance.close();
                }
            }
        }
    }
}
