package io.runflow.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.micrometer.RunflowMeters;
import io.runflow.model.Batch;
import io.runflow.model.BatchRequest;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.RecordedCallback;
import io.runflow.testkit.RecordedCallbackAttempt;
import io.runflow.testkit.micronaut.EnableRunflowFake;
import io.runflow.webhook.BatchCallback;
import io.runflow.webhook.RunCallback;
import io.runflow.webhook.WebhookSettings;
import io.runflow.webhook.WebhookSigner;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real Netty server on a random port, the testkit's fake sending it signed callbacks. */
@MicronautTest
@EnableRunflowFake
@Property(name = "spec.name", value = "RunflowWebhookTest")
@Property(name = "runflow.webhook.max-body-size", value = "4KB")
@Property(name = "endpoints.health.details-visible", value = "ANONYMOUS")
@Property(name = "endpoints.env.enabled", value = "true")
@Property(name = "endpoints.env.sensitive", value = "false")
@Property(name = "endpoints.beans.enabled", value = "true")
@Property(name = "endpoints.beans.sensitive", value = "false")
class RunflowWebhookTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> JUL_RECORDS = new ArrayList<>();
    private static final Handler JUL_CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (JUL_RECORDS) {
                JUL_RECORDS.add(record.getMessage() + " " + record.getThrown());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @Inject
    FakeRunflowServer fake;

    @Inject
    RunflowClient runflow;

    @Inject
    EmbeddedServer server;

    @Inject
    Received received;

    @Inject
    MeterRegistry meters;

    @BeforeAll
    static void captureCoreLogs() {
        // Core logs through System.Logger, which is java.util.logging here.
        Logger.getLogger("").addHandler(JUL_CAPTURE);
    }

    @AfterAll
    static void stopCapturing() {
        Logger.getLogger("").removeHandler(JUL_CAPTURE);
    }

    @BeforeEach
    void clear() {
        received.clear();
    }

    @Test
    void aCallbackDeliveredTwiceReachesTheListenerOnce() {
        Run run = createRunWithCallback();

        fake.advance(Duration.ofSeconds(1));
        runflow.runs().redeliverCallback(run.id());
        fake.advance(Duration.ofSeconds(1));

        List<RecordedCallback> deliveries = fake.deliveries(run.id());
        assertThat(deliveries).hasSize(2).allMatch(RecordedCallback::delivered);
        assertThat(deliveries.get(1).attempts().get(0).responseBody()).isEqualTo("{\"outcome\":\"duplicate\"}");
        assertThat(received.callbacks()).extracting(RunCallback::runId).containsExactly(run.id());
        assertThat(meters.get(RunflowMeters.WEBHOOK_CALLBACKS)
                        .tag("outcome", "duplicate")
                        .timer()
                        .count())
                .isPositive();
    }

    @Test
    void aRunCallbackAndABatchCallbackArriveAsTheirOwnEventTypes() {
        Run run = createRunWithCallback();
        Batch batch = runflow.batches()
                .create(BatchRequest.of(List.of(FluxProUltra.input("a red chair"), FluxProUltra.input("a blue chair")))
                        .withCallbackUrl(server.getURI().resolve(io.runflow.webhook.WebhookSettings.DEFAULT_PATH)));

        for (int second = 0; second < 30 && received.batches().isEmpty(); second++) {
            fake.advance(Duration.ofSeconds(1));
        }

        assertThat(received.callbacks()).extracting(RunCallback::runId).containsExactly(run.id());
        assertThat(received.batches()).singleElement().satisfies(callback -> {
            assertThat(callback.batchId()).isEqualTo(batch.id());
            assertThat(callback.itemsTotal()).isEqualTo(2);
        });
    }

    @Test
    void aFailingListenerAnswers500AndTheRetryIsDelivered() {
        received.failNext(1);
        Run run = createRunWithCallback();

        fake.advance(Duration.ofSeconds(1));
        assertThat(received.callbacks()).isEmpty();
        fake.advance(Duration.ofSeconds(2));

        assertThat(fake.deliveries(run.id()))
                .singleElement()
                .satisfies(delivery -> assertThat(delivery.attempts())
                        .extracting(RecordedCallbackAttempt::statusCode)
                        .containsExactly(500, 200));
        assertThat(received.callbacks()).extracting(RunCallback::runId).containsExactly(run.id());
        synchronized (JUL_RECORDS) {
            assertThat(JUL_RECORDS).anyMatch(line -> line.contains("listener failed"));
        }
    }

    @Test
    void anUnsignedCallbackIs401() throws Exception {
        HttpResponse<String> response = post(payload(), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"outcome\":\"rejected\",\"reason\":\"missing_signature\"}");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void aForgedCallbackIs401() throws Exception {
        byte[] body = payload();

        HttpResponse<String> response =
                post(body, WebhookSigner.of("whsec_forger").sign(body));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"outcome\":\"rejected\",\"reason\":\"signature_mismatch\"}");
        assertThat(received.callbacks()).isEmpty();
    }

    @Test
    void signedGarbageIs400() throws Exception {
        byte[] body = "not a callback".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response =
                post(body, WebhookSigner.of(fake.webhookSecret()).sign(body));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"outcome\":\"rejected\",\"reason\":\"body_not_a_callback\"}");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        byte[] body = new byte[4097];
        Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response =
                post(body, WebhookSigner.of(fake.webhookSecret()).sign(body));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"outcome\":\"rejected\",\"reason\":\"body_too_large\"}");
    }

    @Test
    void aBodyDeclaredOverTheLimitIs413BeforeItArrives() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(5_000);
            // Five megabytes declared, a few bytes sent: the answer comes without the rest.
            socket.getOutputStream()
                    .write(("POST /runflow/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 5000000\r\n\r\n{\"event\":")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] answer = new byte[4096];
            int read = socket.getInputStream().read(answer);

            String head = new String(answer, 0, read, StandardCharsets.US_ASCII);
            assertThat(head).startsWith("HTTP/1.1 413");
            assertThat(head).contains("{\"outcome\":\"rejected\",\"reason\":\"body_too_large\"}");
        }
    }

    @Test
    void aBodyAtTheLimitIsRead() throws Exception {
        byte[] body = new byte[4096];
        Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response =
                post(body, WebhookSigner.of(fake.webhookSecret()).sign(body));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void theHealthIndicatorReportsTheFakeUp() throws Exception {
        JsonNode health = getJson("/health");

        assertThat(health.at("/details/runflow/status").asText()).isEqualTo("UP");
        assertThat(health.at("/details/runflow/details/latencyMs").isNumber()).isTrue();
    }

    @Test
    void noSecretInManagementOutputOrLogs() throws Exception {
        createRunWithCallback();
        fake.advance(Duration.ofSeconds(1));
        List<String> outputs = new ArrayList<>();
        outputs.add(get("/health"));
        outputs.add(get("/beans"));
        JsonNode env = getJson("/env");
        outputs.add(env.toString());
        for (JsonNode source : env.path("propertySources")) {
            outputs.add(get("/env/" + source.path("name").asText()));
        }

        assertThat(outputs).hasSizeGreaterThan(3);
        assertThat(outputs).noneMatch(this::holdsASecret);
        synchronized (JUL_RECORDS) {
            assertThat(JUL_RECORDS).noneMatch(this::holdsASecret);
        }
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/none.log"));
        if (Files.exists(log)) {
            assertThat(Files.readString(log)).doesNotContain(fake.apiKey(), fake.webhookSecret());
        }
    }

    private boolean holdsASecret(String text) {
        return text.contains(fake.apiKey()) || text.contains(fake.webhookSecret());
    }

    private Run createRunWithCallback() {
        return runflow.runs()
                .create(FluxProUltra.input("a red fox in the snow")
                        .toRequest()
                        .withCallbackUrl(server.getURI().resolve(WebhookSettings.DEFAULT_PATH)));
    }

    /** A real callback payload, as the fake sends it. */
    private byte[] payload() {
        Run run = createRunWithCallback();
        fake.advance(Duration.ofSeconds(1));
        received.clear();
        return fake.deliveries(run.id()).get(0).payload();
    }

    private HttpResponse<String> post(byte[] body, String signature) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(WebhookSettings.DEFAULT_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("Runflow-Signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.getURI() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        return new ObjectMapper().readTree(get(path));
    }

    /** The application's listeners: {@code @EventListener}s of {@link RunCallback} and {@link BatchCallback}. */
    @Singleton
    @Requires(property = "spec.name", value = "RunflowWebhookTest")
    static class Received {
        private final List<RunCallback> callbacks = new ArrayList<>();
        private final List<BatchCallback> batches = new ArrayList<>();
        private final AtomicInteger failures = new AtomicInteger();

        @EventListener
        void on(BatchCallback callback) {
            synchronized (callbacks) {
                batches.add(callback);
            }
        }

        List<BatchCallback> batches() {
            synchronized (callbacks) {
                return List.copyOf(batches);
            }
        }

        @EventListener
        void on(RunCallback callback) {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("the order database is down");
            }
            synchronized (callbacks) {
                callbacks.add(callback);
            }
        }

        void failNext(int times) {
            failures.set(times);
        }

        List<RunCallback> callbacks() {
            synchronized (callbacks) {
                return List.copyOf(callbacks);
            }
        }

        void clear() {
            synchronized (callbacks) {
                callbacks.clear();
                batches.clear();
            }
            failures.set(0);
        }
    }
}
