package io.runflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Batch;
import io.runflow.model.BatchRequest;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.RecordedCallback;
import io.runflow.testkit.RecordedCallbackAttempt;
import io.runflow.testkit.spring.EnableRunflowFake;
import io.runflow.webhook.BatchCallback;
import io.runflow.webhook.Callback;
import io.runflow.webhook.RunCallback;
import io.runflow.webhook.WebhookSigner;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.event.EventListener;

/**
 * The webhook end to end against the fake, on a real server and a random port: the same tests for
 * Spring MVC ({@link ServletWebhookTest}) and WebFlux ({@link ReactiveWebhookTest}).
 */
@EnableRunflowFake
@ExtendWith(OutputCaptureExtension.class)
abstract class WebhookEndToEndContract {

    static final String PROPERTIES = "runflow.webhook.max-body-size=1KB";

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
        final BlockingQueue<RunCallback> received = new LinkedBlockingQueue<>();
        final BlockingQueue<BatchCallback> receivedBatches = new LinkedBlockingQueue<>();
        final BlockingQueue<Callback> receivedEither = new LinkedBlockingQueue<>();
        final AtomicBoolean failNext = new AtomicBoolean();

        @EventListener
        void on(BatchCallback callback) {
            receivedBatches.add(callback);
        }

        @EventListener
        void on(Callback callback) {
            receivedEither.add(callback);
        }

        @EventListener
        void on(RunCallback callback) {
            if (failNext.compareAndSet(true, false)) {
                throw new IllegalStateException("the application failed to handle " + callback.runId());
            }
            received.add(callback);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    FakeRunflowServer fake;

    @Autowired
    RunflowClient runflow;

    @Autowired
    App app;

    @Autowired
    MeterRegistry meters;

    @Value("${local.server.port}")
    int port;

    @BeforeEach
    void forgetCallbacks() {
        app.received.clear();
        app.receivedBatches.clear();
        app.receivedEither.clear();
        app.failNext.set(false);
    }

    @Test
    void aSignedCallbackFromTheFakeReachesTheListenerOnceEvenWhenDeliveredTwice() throws Exception {
        Run run = runflow.runs().run(FluxProUltra.input("a red fox").toRequest().withCallbackUrl(webhookUrl()));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        RunCallback callback = app.received.poll(5, TimeUnit.SECONDS);
        assertThat(callback).isNotNull();
        assertThat(callback.runId()).isEqualTo(run.id());

        runflow.runs().redeliverCallback(run.id());
        eventually(() -> fake.deliveries(run.id()).stream()
                        .filter(RecordedCallback::delivered)
                        .count()
                == 2);

        assertThat(fake.deliveries(run.id()))
                .extracting(d -> d.attempts().get(0).statusCode())
                .containsExactly(200, 200);
        assertThat(fake.deliveries(run.id()).get(1).attempts().get(0).responseBody())
                .isEqualTo("{\"outcome\":\"duplicate\"}");
        assertThat(app.received).isEmpty();
        assertThat(meters.find("runflow.webhook.callbacks")
                        .tag("outcome", "delivered")
                        .timer())
                .isNotNull();
        assertThat(meters.find("runflow.client.requests").timers()).isNotEmpty();
        assertThat(meters.find("runflow.run.waits").timers()).isNotEmpty();
    }

    @Test
    void aRunCallbackAndABatchCallbackArriveAsTheirOwnEventTypes() throws Exception {
        Run run =
                runflow.runs().run(FluxProUltra.input("a grey fox").toRequest().withCallbackUrl(webhookUrl()));
        RunCallback runCallback = app.received.poll(5, TimeUnit.SECONDS);

        Batch batch = runflow.batches()
                .run(BatchRequest.of(List.of(FluxProUltra.input("a red chair"), FluxProUltra.input("a blue chair")))
                        .withCallbackUrl(webhookUrl()));
        BatchCallback batchCallback = app.receivedBatches.poll(5, TimeUnit.SECONDS);

        assertThat(runCallback).isNotNull();
        assertThat(runCallback.runId()).isEqualTo(run.id());
        assertThat(batchCallback).isNotNull();
        assertThat(batchCallback.batchId()).isEqualTo(batch.id());
        assertThat(batchCallback.itemsTotal()).isEqualTo(2);
        assertThat(app.received)
                .as("the batch callback is no RunCallback event")
                .isEmpty();
        assertThat(app.receivedBatches).isEmpty();
        eventually(() -> app.receivedEither.size() == 2);
        assertThat(app.receivedEither)
                .as("a listener of the sealed type hears both")
                .containsExactlyInAnyOrder(runCallback, batchCallback); // two deliveries, two threads: no order
    }

    @Test
    void aListenerThatThrowsGets500AndRunflowsRetryIsDelivered() throws Exception {
        app.failNext.set(true);
        Run run = runflow.runs()
                .create(FluxProUltra.input("a blue fox").toRequest().withCallbackUrl(webhookUrl()));
        eventually(() ->
                fake.deliveries(run.id()).stream().anyMatch(d -> !d.attempts().isEmpty()));

        fake.advance(Duration.ofSeconds(1));
        eventually(() -> fake.deliveries(run.id()).get(0).delivered());

        List<RecordedCallbackAttempt> attempts =
                fake.deliveries(run.id()).get(0).attempts();
        assertThat(attempts).extracting(RecordedCallbackAttempt::statusCode).containsExactly(500, 200);
        assertThat(attempts.get(0).responseBody()).isEqualTo("{\"outcome\":\"failed\",\"reason\":\"listener_failed\"}");
        RunCallback callback = app.received.poll(5, TimeUnit.SECONDS);
        assertThat(callback).isNotNull();
        assertThat(callback.runId()).isEqualTo(run.id());
        assertThat(app.received).isEmpty();
    }

    @Test
    void aForgedSignatureIs401() throws Exception {
        byte[] body = callbackJson("run-forged");
        HttpResponse<String> response =
                post(body, WebhookSigner.of("whsec_someone_else").sign(body));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"outcome\":\"rejected\",\"reason\":\"signature_mismatch\"}");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(app.received).isEmpty();
    }

    @Test
    void anUnsignedCallbackIs401() throws Exception {
        HttpResponse<String> response = post(callbackJson("run-unsigned"), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"outcome\":\"rejected\",\"reason\":\"missing_signature\"}");
    }

    @Test
    void signedGarbageIs400() throws Exception {
        byte[] body = "definitely not a callback".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response =
                post(body, WebhookSigner.of(fake.webhookSecret()).sign(body));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"outcome\":\"rejected\",\"reason\":\"body_not_a_callback\"}");
    }

    @Test
    void aBodyDeclaredOverTheLimitIs413BeforeItIsSent() throws Exception {
        String head = "POST /runflow/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000000\r\n\r\n";

        String answer = rawExchange(head, new byte[100]);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("{\"outcome\":\"rejected\",\"reason\":\"body_too_large\"}");
    }

    @Test
    void aStreamedBodyOverTheLimitIs413BeforeItEnds() throws Exception {
        String head = "POST /runflow/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        byte[] chunk = ("800\r\n" + "x".repeat(0x800) + "\r\n").getBytes(StandardCharsets.US_ASCII);

        // The last chunk never comes: only an answer decided at the limit can arrive.
        String answer = rawExchange(head, chunk);

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("{\"outcome\":\"rejected\",\"reason\":\"body_too_large\"}");
    }

    @Test
    void theHealthIndicatorIsUpAndOutOfTheLivenessGroup() throws Exception {
        HttpResponse<String> health = get("/actuator/health/runflow");
        HttpResponse<String> liveness = get("/actuator/health/liveness");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "latencyMs");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).doesNotContain("runflow");
    }

    @Test
    void theKeyAndSecretAppearInNoLogLineAndNoActuatorEndpoint(CapturedOutput output) throws Exception {
        post(callbackJson("run-logged"), WebhookSigner.of("whsec_wrong").sign(callbackJson("run-logged")));
        HttpResponse<String> env = get("/actuator/env");
        HttpResponse<String> configprops = get("/actuator/configprops");

        assertThat(env.statusCode()).isEqualTo(200);
        assertThat(configprops.statusCode()).isEqualTo(200);
        // Values are shown (show-values=always), so the masking is the starter's.
        assertThat(env.body()).contains(fake.baseUrl(), "runflow.api-key");
        assertThat(configprops.body()).contains(fake.baseUrl());
        for (String secret : List.of(fake.apiKey(), fake.webhookSecret())) {
            assertThat(env.body()).doesNotContain(secret);
            assertThat(configprops.body()).doesNotContain(secret);
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + port + "/runflow/webhook";
    }

    private HttpResponse<String> post(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhookUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("Runflow-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String rawExchange(String head, byte[] partialBody) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(partialBody);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            while (!answer.toString().contains("body_too_large")) {
                int read = in.read(buffer);
                if (read < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
            }
            return answer.toString();
        }
    }

    private static byte[] callbackJson(String runId) {
        return ("{\"event\":\"run.completed\",\"run_id\":\"" + runId + "\",\"status\":\"succeeded\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Waits for something the fake does on its own threads (a delivery), not for a retry delay. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
