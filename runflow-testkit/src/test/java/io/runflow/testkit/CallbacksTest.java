package io.runflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.webhook.WebhookSigner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallbacksTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().outputImageSize(8, 8).build();
    static final Instant T0 = FakeRunflowServer.DETERMINISTIC_START;
    final Http http = new Http(server);
    final Receiver receiver = new Receiver();

    @AfterEach
    void reset() {
        server.reset();
        receiver.close();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    String createWithCallback(String url) {
        return http.createFlux(",\"callback_url\":\"" + url + "\",\"metadata\":{\"order_id\":\"A-1001\"}");
    }

    @Test
    void terminalRunPostsTheDocumentedEnvelope() {
        String id = createWithCallback(receiver.url());
        server.advance(Duration.ofSeconds(1));

        Receiver.Received got = receiver.received().get(0);
        JsonNode body = parse(got.body());

        assertThat(receiver.received()).hasSize(1);
        assertThat(body.get("event").asText()).isEqualTo("run.completed");
        assertThat(body.get("run_id").asText()).isEqualTo(id);
        assertThat(body.get("status").asText()).isEqualTo("succeeded");
        assertThat(body.get("duration_ms").asLong()).isEqualTo(50);
        assertThat(body.get("created_at").asText()).isEqualTo("2026-05-06T10:00:00+00:00");
        assertThat(body.get("completed_at").asText()).isEqualTo("2026-05-06T10:00:00.050000+00:00");
        assertThat(body.get("metadata").toString()).isEqualTo("{\"order_id\":\"A-1001\"}");
        assertThat(body.at("/output/outputs/0/type").asText()).isEqualTo("image");
        assertThat(got.header("Content-Type")).isEqualTo("application/json");
        assertThat(got.header("Runflow-Request-Id")).startsWith("req_");
    }

    @Test
    void callbackIsSignedWithTheCurrentSecretOverTheRawBody() {
        createWithCallback(receiver.url());
        server.advance(Duration.ofSeconds(1));

        Receiver.Received got = receiver.received().get(0);

        assertThat(got.header("Runflow-Signature"))
                .isEqualTo(WebhookSigner.of("whsec_testkit_secret").sign(got.body()))
                .matches("^[0-9a-f]{64}$");
    }

    @Test
    void failedAndCanceledRunsUseTheirEvents() {
        server.onNextRun(Outcome.fail("PROVIDER_ERROR", "inference", "boom"));
        server.onNextRun(Outcome.cancel());
        String failed = createWithCallback(receiver.url());
        String canceled = createWithCallback(receiver.url());
        server.advance(Duration.ofSeconds(1));

        // Callbacks of different runs travel concurrently, so they are matched by run id, not arrival.
        Map<String, JsonNode> byRun = receiver.received().stream()
                .map(r -> parse(r.body()))
                .collect(Collectors.toMap(b -> b.get("run_id").asText(), b -> b));

        assertThat(byRun).containsOnlyKeys(failed, canceled);
        assertThat(byRun.get(failed).get("event").asText()).isEqualTo("run.failed");
        assertThat(byRun.get(failed).get("status").asText()).isEqualTo("failed");
        assertThat(byRun.get(failed).get("output").toString())
                .isEqualTo("{\"code\":\"PROVIDER_ERROR\",\"message\":\"boom\"}");
        assertThat(byRun.get(canceled).get("event").asText()).isEqualTo("run.cancelled");
        assertThat(byRun.get(canceled).get("status").asText()).isEqualTo("canceled");
        assertThat(byRun.get(canceled).get("output").isNull()).isTrue();
    }

    @Test
    void serverErrorsAreRetriedAfterOneThenTwoSecondsOnTheServerClock() {
        receiver.answer(500, 503);
        String id = createWithCallback(receiver.url());
        server.advance(Duration.ofMillis(50));
        assertThat(receiver.received()).hasSize(1);
        server.advance(Duration.ofMillis(999));
        assertThat(receiver.received()).hasSize(1);
        server.advance(Duration.ofMillis(1));
        assertThat(receiver.received()).hasSize(2);
        server.advance(Duration.ofSeconds(2));

        RecordedCallback delivery = server.deliveries(id).get(0);

        assertThat(receiver.received()).hasSize(3);
        assertThat(delivery.status()).isEqualTo("succeeded");
        assertThat(delivery.attempts())
                .extracting(RecordedCallbackAttempt::statusCode)
                .containsExactly(500, 503, 200);
        assertThat(delivery.attempts())
                .extracting(RecordedCallbackAttempt::attemptedAt)
                .containsExactly(T0.plusMillis(50), T0.plusMillis(1050), T0.plusMillis(3050));
    }

    @Test
    void deliveryGivesUpAfterThreeAttempts() {
        receiver.answer(500, 500, 500, 500);
        String id = createWithCallback(receiver.url());
        server.advance(Duration.ofMinutes(1));

        RecordedCallback delivery = server.deliveries(id).get(0);

        assertThat(receiver.received()).hasSize(3);
        assertThat(delivery.status()).isEqualTo("failed");
        assertThat(delivery.delivered()).isFalse();
    }

    @Test
    void aBlockFailsEveryAttemptDueInItWithoutSendingAnything() {
        String id = createWithCallback(receiver.url());
        server.blockCallbacks(Duration.ofSeconds(10));
        server.advance(Duration.ofSeconds(10));

        RecordedCallback delivery = server.deliveries(id).get(0);

        assertThat(receiver.received()).isEmpty();
        assertThat(delivery.status()).isEqualTo("failed");
        assertThat(delivery.attempts())
                .extracting(RecordedCallbackAttempt::attemptedAt)
                .containsExactly(T0.plusMillis(50), T0.plusMillis(1050), T0.plusMillis(3050));
        assertThat(delivery.attempts()).allSatisfy(a -> {
            assertThat(a.statusCode()).isZero();
            assertThat(a.error())
                    .isEqualTo("connection refused: the receiving end is blocked until " + T0.plusSeconds(10));
        });
    }

    @Test
    void anAttemptDueAfterTheBlockReachesTheReceiver() {
        String id = createWithCallback(receiver.url());
        server.blockCallbacks(Duration.ofMillis(1051));
        server.advance(Duration.ofSeconds(10));

        RecordedCallback delivery = server.deliveries(id).get(0);

        assertThat(receiver.received()).hasSize(1);
        assertThat(delivery.attempts())
                .extracting(RecordedCallbackAttempt::statusCode)
                .containsExactly(0, 0, 200);
    }

    @Test
    void resetMakesTheReceivingEndReachableAgain() {
        server.blockCallbacks(Duration.ofHours(1));
        server.reset();
        createWithCallback(receiver.url());
        server.advance(Duration.ofSeconds(1));

        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void clientErrorsAreNotRetried() {
        receiver.answer(404);
        String id = createWithCallback(receiver.url());
        server.advance(Duration.ofMinutes(1));

        assertThat(receiver.received()).hasSize(1);
        assertThat(server.deliveries(id).get(0).status()).isEqualTo("failed");
    }

    @Test
    void networkErrorsAreRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String id = createWithCallback("http://127.0.0.1:" + closedPort + "/hook");
        server.advance(Duration.ofMinutes(1));

        RecordedCallback delivery = server.deliveries(id).get(0);

        assertThat(delivery.attempts()).hasSize(3);
        assertThat(delivery.attempts()).allSatisfy(a -> {
            assertThat(a.statusCode()).isZero();
            assertThat(a.error()).startsWith("ConnectException");
        });
    }

    @Test
    void nonLoopbackCallbacksAreNotSentByDefault() {
        String id = createWithCallback("https://example.com/hook");
        server.advance(Duration.ofMinutes(1));

        assertThat(server.deliveries(id).get(0).attempts().get(0).error())
                .isEqualTo(
                        "not sent: example.com is not a loopback host (enable allowNonLoopbackCallbacks to send it)");
    }

    @Test
    void aHostNameStartingWith127IsNotLoopback() {
        String id = createWithCallback("http://127.attacker.example/hook");
        server.advance(Duration.ofMinutes(1));

        assertThat(server.deliveries(id).get(0).attempts().get(0).error())
                .isEqualTo("not sent: 127.attacker.example is not a loopback host"
                        + " (enable allowNonLoopbackCallbacks to send it)");
    }

    @Test
    void historyEndpointListsDeliveriesWithTheirAttempts() {
        receiver.answer(502);
        String id = createWithCallback(receiver.url());
        server.advance(Duration.ofSeconds(5));

        Http.Answer a = http.get("/v1/runs/" + id + "/callback");
        JsonNode delivery = a.json().get(0);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().isArray()).isTrue();
        assertThat(delivery.get("run_id").asText()).isEqualTo(id);
        assertThat(delivery.get("status_code").asText()).isEqualTo("succeeded");
        assertThat(delivery.get("is_automatic").asBoolean()).isTrue();
        assertThat(delivery.get("attempt_count").asInt()).isEqualTo(2);
        assertThat(delivery.get("max_attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("payload_bytes").asText())
                .isEqualTo(new String(receiver.received().get(0).body(), StandardCharsets.UTF_8));
        assertThat(delivery.at("/attempts/0/status_code").asInt()).isEqualTo(502);
        assertThat(delivery.at("/attempts/1/status_code").asInt()).isEqualTo(200);
        assertThat(delivery.get("signing_secret_id").asText()).isNotEmpty();
    }

    @Test
    void redeliverySendsAFreshManualDelivery() {
        String id = createWithCallback(receiver.url());
        server.advance(Duration.ofSeconds(1));

        Http.Answer a = http.post("/v1/runs/" + id + "/callback-redeliveries", "");

        assertThat(a.status()).isEqualTo(201);
        assertThat(a.json().get("is_automatic").asBoolean()).isFalse();
        assertThat(a.json().get("status_code").asText()).isEqualTo("succeeded");
        assertThat(receiver.received()).hasSize(2);
        assertThat(server.deliveries(id))
                .extracting(RecordedCallback::automatic)
                .containsExactly(true, false);
    }

    @Test
    void redeliveryOfARunningRunIsRejected() {
        String id = createWithCallback(receiver.url());

        Http.Answer a = http.post("/v1/runs/" + id + "/callback-redeliveries", "");

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.json().get("errors").toString())
                .isEqualTo("[{\"field\":\"run_id\",\"message\":\"run is not terminal yet: queued\"}]");
    }

    @Test
    void adminCancellationSendsTheCancelledCallback() {
        String id = createWithCallback(receiver.url());
        http.post("/v1/admin/runs/" + id + "/cancellation", "");
        server.advance(Duration.ZERO);

        assertThat(parse(receiver.received().get(0).body()).get("event").asText())
                .isEqualTo("run.cancelled");
        server.advance(Duration.ofSeconds(1));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void withoutASecretCallbacksAreUnsignedUntilOneIsCreated() {
        try (FakeRunflowServer unsigned = FakeRunflowServer.builder()
                .deterministic()
                .withoutWebhookSecret()
                .build()) {
            Http client = new Http(unsigned);
            client.createFlux(",\"callback_url\":\"" + receiver.url() + "\"");
            unsigned.advance(Duration.ofSeconds(1));

            Http.Answer created = client.post("/v1/callback-secrets", "{\"label\":\"production\"}");
            String secret = created.json().get("plain_secret").asText();
            client.createFlux(",\"callback_url\":\"" + receiver.url() + "\"");
            unsigned.advance(Duration.ofSeconds(1));

            assertThat(receiver.received().get(0).header("Runflow-Signature")).isNull();
            assertThat(receiver.received().get(1).header("Runflow-Signature"))
                    .isEqualTo(WebhookSigner.of(secret)
                            .sign(receiver.received().get(1).body()));
            assertThat(unsigned.webhookSecret()).isEqualTo(secret);
        }
    }

    @Test
    void timeScaleRunsTheRealTimeRetryScheduleFaster() {
        try (FakeRunflowServer fast = FakeRunflowServer.builder()
                        .timeScale(1000)
                        .outputImageSize(8, 8)
                        .build();
                Receiver slowStart = new Receiver().answer(500, 500)) {
            String id = new Http(fast).createFlux(",\"callback_url\":\"" + slowStart.url() + "\"");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((fast.deliveries(id).isEmpty() || !fast.deliveries(id).get(0).delivered())
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            List<RecordedCallbackAttempt> attempts = fast.deliveries(id).get(0).attempts();

            assertThat(attempts).extracting(RecordedCallbackAttempt::statusCode).containsExactly(500, 500, 200);
            assertThat(Duration.between(
                            attempts.get(0).attemptedAt(), attempts.get(1).attemptedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(Duration.between(
                            attempts.get(1).attemptedAt(), attempts.get(2).attemptedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void aReceiverThatNeverAnswersDoesNotHoldUpOtherRuns() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                FakeRunflowServer live =
                        FakeRunflowServer.builder().outputImageSize(8, 8).build()) {
            silent.setSoTimeout(2000);
            Http client = new Http(live);
            client.createFlux(",\"callback_url\":\"http://127.0.0.1:" + silent.getLocalPort() + "/hook\"");
            try (Socket attempt = silent.accept()) {
                // The first attempt is now waiting for an answer that never comes (5 s timeout).
                assertThat(attempt.isConnected()).isTrue();
                String other = client.createFlux("");
                long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                while (!live.run(other).orElseThrow().status().equals("succeeded") && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                }

                assertThat(live.run(other).orElseThrow().status()).isEqualTo("succeeded");
            }
        }
    }

    @Test
    void anAttemptThatTimesOutIsRecordedAndRetriedOnTheServerClock() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                FakeRunflowServer slow = FakeRunflowServer.builder()
                        .deterministic()
                        .outputImageSize(8, 8)
                        .callbackTimeout(Duration.ofMillis(200))
                        .build()) {
            String id = new Http(slow)
                    .createFlux(",\"callback_url\":\"http://127.0.0.1:" + silent.getLocalPort() + "/hook\"");
            slow.advance(Duration.ofSeconds(5));

            RecordedCallback delivery = slow.deliveries(id).get(0);

            assertThat(delivery.status()).isEqualTo("failed");
            assertThat(delivery.attempts())
                    .extracting(RecordedCallbackAttempt::attemptedAt)
                    .containsExactly(T0.plusMillis(50), T0.plusMillis(1050), T0.plusMillis(3050));
            assertThat(delivery.attempts()).allSatisfy(a -> {
                assertThat(a.statusCode()).isZero();
                assertThat(a.error()).startsWith("HttpTimeoutException");
            });
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Http.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
