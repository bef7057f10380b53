package io.runflow.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.webhook.WebhookVerifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One load run, start to end: an embedded PostgreSQL, the fake Runflow API the samples' clients
 * use, two Spring sample instances and one Micronaut sample instance on it with {@code
 * runflow.webhook.dedup=jdbc}; a warm-up of unsigned requests (401, and the lazily made webhook beans
 * exist before the clock starts); the plan sent by the senders; then each instance's {@code GET
 * /callbacks} and the table's row count, checked by {@link LoadReport}. Every child process is
 * ended whatever happens.
 */
final class WebhookLoad {

    /** Not a real secret: the one the harness signs with and every instance verifies with. */
    static final String WEBHOOK_SECRET = "whsec_reliability_load_test";

    private static final String DEDUP_TABLE = "runflow_callback_deliveries";
    private static final int WARM_UP_PER_INSTANCE = 50;

    private final Samples samples;
    private final Path logs;
    private final PrintStream out;

    WebhookLoad(Samples samples, Path logs, PrintStream out) {
        this.samples = samples;
        this.logs = logs;
        this.out = out;
    }

    LoadReport run(LoadSettings settings) throws IOException, InterruptedException, SQLException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        List<SampleInstance> instances = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                FakeRunflowServer api = FakeRunflowServer.builder().build()) {
            Samples.Connection connection = new Samples.Connection(
                    "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                    "postgres",
                    api.baseUrl(),
                    api.apiKey(),
                    WEBHOOK_SECRET);
            long started = System.nanoTime();
            try {
                instances.add(samples.spring("spring-1", connection, logs));
                instances.add(samples.spring("spring-2", connection, logs));
                instances.add(samples.micronaut("micronaut-1", connection, logs));
                for (SampleInstance instance : instances) {
                    instance.awaitReady(http);
                }
                out.printf(
                        "started %s in %.1f s (logs in %s)%n",
                        instances,
                        (System.nanoTime() - started) / 1e9,
                        logs.toAbsolutePath().normalize());
                List<URI> webhooks = new ArrayList<>();
                for (SampleInstance instance : instances) {
                    webhooks.add(instance.uri("/runflow/webhook"));
                }
                warmUp(http, webhooks);

                List<Delivery> plan = LoadPlan.create(
                        settings, instances.size(), WEBHOOK_SECRET, WebhookVerifier.DEFAULT_MAX_BODY_SIZE);
                out.printf("sending %,d requests from %d senders%n", plan.size(), settings.senders());
                long start = System.nanoTime();
                List<Result> results = Senders.send(plan, webhooks, settings.senders());
                long elapsed = System.nanoTime() - start;

                Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
                for (SampleInstance instance : instances) {
                    counts.put(instance.name(), callbacks(http, instance));
                }
                List<String> names =
                        instances.stream().map(SampleInstance::name).toList();
                return new LoadReport(settings, names, results, elapsed, counts, marks(postgres));
            } catch (RuntimeException | IOException | InterruptedException | SQLException e) {
                for (SampleInstance instance : instances) {
                    out.println("--- end of " + instance.log() + ":\n" + instance.tail());
                }
                throw e;
            } finally {
                instances.forEach(SampleInstance::stop);
                for (SampleInstance instance : instances) {
                    instance.close();
                }
            }
        }
    }

    /** Unsigned requests to each instance, each answered 401, before anything is timed. */
    private static void warmUp(HttpClient http, List<URI> webhooks) throws IOException, InterruptedException {
        for (URI webhook : webhooks) {
            for (int i = 0; i < WARM_UP_PER_INSTANCE; i++) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(webhook)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"run.completed\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 401) {
                    throw new IllegalStateException("warm-up request to " + webhook + " answered "
                            + response.statusCode() + " " + response.body() + ", not 401");
                }
            }
        }
    }

    private static Map<String, Integer> callbacks(HttpClient http, SampleInstance instance)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(instance.uri("/callbacks")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(instance + " GET /callbacks answered " + response.statusCode());
        }
        JsonNode node = new ObjectMapper().readTree(response.body());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            counts.put(field.getKey(), field.getValue().asInt());
        }
        return counts;
    }

    private static long marks(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + DEDUP_TABLE)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
