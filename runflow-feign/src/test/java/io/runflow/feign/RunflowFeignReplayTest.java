package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.RunflowIoException;
import io.runflow.errors.ServerException;
import io.runflow.model.AssetUploadRequest;
import io.runflow.model.Batch;
import io.runflow.model.BatchRequest;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.CallbackSecret;
import io.runflow.model.CallbackSecretUpdate;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import io.runflow.testkit.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which failures each mutating endpoint retries, against the real fake: ambiguous failures (the
 * request may have been applied) are retried only where repeating cannot apply the call twice; every
 * {@code POST} carries one {@code Idempotency-Key} across its attempts.
 *
 * <p>Counts come from the fake's request journal and what it holds (runs, deliveries, secrets), never
 * from the fake de-duplicating a non-run {@code POST}: whether it does is not what these tests decide.
 */
class RunflowFeignReplayTest {

    static final String MAY_HAVE_BEEN_APPLIED =
            "; not retried: the request may have been applied, check before repeating it";
    static final String RUN_CREATE = "/v1/models/" + FluxProUltra.MODEL + "/runs";
    /** Room for a loaded machine's retry to be answered in time; the slow answer is well past it. */
    static final Duration READ_TIMEOUT = Duration.ofMillis(800);

    static final Duration SLOW_ANSWER = Duration.ofMillis(1_200);

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();
    static final HttpClient inspector = HttpClient.newHttpClient();

    final FeignTests.RecordingSleeper sleeper = new FeignTests.RecordingSleeper();
    RunflowFeign api;
    RunflowFeign impatient;

    /** Failures that end an attempt at once; a read timeout has tests of its own. */
    enum InstantFault {
        ACCEPT_THEN_DROP(Fault::acceptThenDrop),
        CONNECTION_RESET(Fault::connectionReset),
        UNAVAILABLE(Fault::unavailable);

        final Supplier<Fault> fault;

        InstantFault(Supplier<Fault> fault) {
            this.fault = fault;
        }
    }

    @BeforeEach
    void start() {
        api = RunflowFeign.create(FeignTests.options(server, sleeper));
        impatient = RunflowFeign.create(FeignTests.options(
                server.baseUrl(),
                server.apiKey(),
                FeignTests.ORGANIZATION,
                FeignTests.exactRetries(),
                READ_TIMEOUT,
                sleeper));
    }

    @AfterEach
    void reset() {
        api.close();
        impatient.close();
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- run create: replay-safe, the key makes the fake replay the first answer

    @ParameterizedTest
    @EnumSource(InstantFault.class)
    void runCreateIsRetriedWithTheSameKeyAndMakesOneRun(InstantFault fault) {
        server.inject(fault.fault.get().onPath("/v1/models/"));

        Run run = api.createRun(FeignTests.keyed(FluxProUltra.input("once").toRequest()));

        List<RecordedRequest> creates = requests("POST", RUN_CREATE);
        assertThat(creates).hasSize(2);
        assertSameKey(creates);
        assertThat(server.runs())
                .singleElement()
                .satisfies(stored -> assertThat(stored.id()).isEqualTo(run.id()));
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void runCreateIsRetriedAfterAReadTimeoutAndMakesOneRun() {
        server.inject(Fault.delay(SLOW_ANSWER).onPath("/v1/models/"));
        long started = System.nanoTime();

        Run run =
                impatient.createRun(FeignTests.keyed(FluxProUltra.input("slow").toRequest()));
        awaitSlowAnswer(started);

        List<RecordedRequest> creates = requests("POST", RUN_CREATE);
        assertThat(creates).hasSize(2);
        assertSameKey(creates);
        assertThat(server.runs())
                .singleElement()
                .satisfies(stored -> assertThat(stored.id()).isEqualTo(run.id()));
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    // ---- admin cancellation: replay-safe, idempotent on a terminal run

    @ParameterizedTest
    @EnumSource(InstantFault.class)
    void adminCancelIsRetriedWithTheSameKey(InstantFault fault) {
        String runId = queuedRun();
        String path = "/v1/admin/runs/" + runId + "/cancellation";
        server.inject(fault.fault.get().onPath(path));

        Run canceled = api.cancelRun(runId, "duplicate order", FeignTests.key());

        assertThat(canceled.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(server.run(runId).orElseThrow().status()).isEqualTo("canceled");
        List<RecordedRequest> cancels = requests("POST", path);
        assertThat(cancels).hasSize(2);
        assertSameKey(cancels);
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void adminCancelIsRetriedAfterAReadTimeout() {
        String runId = queuedRun();
        String path = "/v1/admin/runs/" + runId + "/cancellation";
        server.inject(Fault.delay(SLOW_ANSWER).onPath(path));
        long started = System.nanoTime();

        Run canceled = impatient.cancelRun(runId, null, FeignTests.key());
        awaitSlowAnswer(started);

        assertThat(canceled.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(server.run(runId).orElseThrow().status()).isEqualTo("canceled");
        List<RecordedRequest> cancels = requests("POST", path);
        assertThat(cancels).hasSize(2);
        assertSameKey(cancels);
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    // ---- callback-secret PATCH: replay-safe, the same update twice is the update once

    @ParameterizedTest
    @EnumSource(InstantFault.class)
    void callbackSecretUpdateIsRetried(InstantFault fault) {
        String secretId = api.createCallbackSecret("rotation", FeignTests.key()).id();
        String path = "/v1/callback-secrets/" + secretId;
        server.inject(fault.fault.get().onPath(path));

        CallbackSecret updated = api.updateCallbackSecret(secretId, new CallbackSecretUpdate("primary", null));

        assertThat(updated.label()).isEqualTo("primary");
        assertThat(labelsHeld()).containsExactly("default", "primary");
        assertThat(requests("PATCH", path)).hasSize(2);
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void callbackSecretUpdateIsRetriedAfterAReadTimeout() {
        String secretId = api.createCallbackSecret("rotation", FeignTests.key()).id();
        String path = "/v1/callback-secrets/" + secretId;
        server.inject(Fault.delay(SLOW_ANSWER).onPath(path));
        long started = System.nanoTime();

        CallbackSecret updated = impatient.updateCallbackSecret(secretId, new CallbackSecretUpdate("primary", null));
        awaitSlowAnswer(started);

        assertThat(updated.label()).isEqualTo("primary");
        assertThat(labelsHeld()).containsExactly("default", "primary");
        assertThat(requests("PATCH", path)).hasSize(2);
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    // ---- batch create: replay-safe like run create; batch redelivery and asset presign: not

    @ParameterizedTest
    @EnumSource(InstantFault.class)
    void batchCreateIsRetriedWithTheSameKeyAndMakesOneBatch(InstantFault fault) {
        String path = "/v1/models/" + FluxProUltra.MODEL + "/batches";
        server.inject(fault.fault.get().onPath(path));

        Batch batch = api.createBatch(BatchRequest.of(List.of(FluxProUltra.input("once"), FluxProUltra.input("twice")))
                .withIdempotencyKey(java.util.UUID.randomUUID().toString()));

        List<RecordedRequest> creates = requests("POST", path);
        assertThat(creates).hasSize(2);
        assertSameKey(creates);
        assertThat(server.runs())
                .hasSize(2)
                .allSatisfy(r -> assertThat(batch.items())
                        .anySatisfy(item -> assertThat(item.runId()).isEqualTo(r.id())));
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void assetPresignAnsweredUnavailableIsNotRetried() {
        server.inject(Fault.unavailable().onPath("/v1/asset-uploads"));

        ServerException e = catchThrowableOfType(
                ServerException.class,
                () -> api.createAssetUpload(new AssetUploadRequest("a.jpg", "image/jpeg", 10), FeignTests.key()));

        RecordedRequest sent = assertSentOnceWithAKey("/v1/asset-uploads");
        assertThat(e).hasMessageEndingWith(MAY_HAVE_BEEN_APPLIED);
        assertThat(sent.header("Idempotency-Key")).isPresent();
        assertThat(sleeper.slept).isEmpty();
    }

    @Test
    void batchCallbackRedeliveryDroppedAfterBeingAppliedIsNotRetried() {
        Batch batch = api.createBatch(FeignTests.keyed(
                BatchRequest.of(List.of(FluxProUltra.input("one"))).withCallbackUrl("http://127.0.0.1:9/hooks")));
        server.advance(Duration.ofSeconds(5));
        String path = "/v1/batches/" + batch.id() + "/callback-redeliveries";
        server.inject(Fault.acceptThenDrop().onPath(path));

        RunflowIoException e = catchThrowableOfType(
                RunflowIoException.class, () -> api.redeliverBatchCallback(batch.id(), FeignTests.key()));

        assertDeclinedIo(e, "POST " + path + ": connection closed without an answer");
        assertSentOnceWithAKey(path);
    }

    // ---- callback-secret create: not replay-safe

    @Test
    void callbackSecretCreateDroppedAfterBeingAppliedIsNotRetried() {
        server.inject(Fault.acceptThenDrop().onPath("/v1/callback-secrets"));

        RunflowIoException e = catchThrowableOfType(
                RunflowIoException.class, () -> api.createCallbackSecret("rotation", FeignTests.key()));

        assertDeclinedIo(e, "POST /v1/callback-secrets: ");
        assertSentOnceWithAKey("/v1/callback-secrets");
        assertThat(labelsHeld()).containsExactly("default", "rotation");
    }

    @Test
    void callbackSecretCreateOnAResetConnectionIsNotRetried() {
        server.inject(Fault.connectionReset().onPath("/v1/callback-secrets"));

        RunflowIoException e = catchThrowableOfType(
                RunflowIoException.class, () -> api.createCallbackSecret("rotation", FeignTests.key()));

        assertDeclinedIo(e, "POST /v1/callback-secrets: ");
        assertSentOnceWithAKey("/v1/callback-secrets");
        assertThat(labelsHeld()).containsExactly("default");
    }

    @Test
    void callbackSecretCreateAnsweredUnavailableIsNotRetried() {
        server.inject(Fault.unavailable().onPath("/v1/callback-secrets"));

        ServerException e = catchThrowableOfType(
                ServerException.class, () -> api.createCallbackSecret("rotation", FeignTests.key()));

        RecordedRequest sent = assertSentOnceWithAKey("/v1/callback-secrets");
        assertThat(e)
                .hasMessage("POST /v1/callback-secrets: 503 SERVICE_UNAVAILABLE: injected by the fake (request-id: req_"
                        + sent.sequence() + ")" + MAY_HAVE_BEEN_APPLIED);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(e.requestId()).contains("req_" + sent.sequence());
        assertThat(labelsHeld()).containsExactly("default");
        assertThat(sleeper.slept).isEmpty();
    }

    @Test
    void callbackSecretCreateThatTimesOutIsNotRetried() {
        server.inject(Fault.delay(SLOW_ANSWER).onPath("/v1/callback-secrets"));
        long started = System.nanoTime();

        RunflowIoException e = catchThrowableOfType(
                RunflowIoException.class, () -> impatient.createCallbackSecret("rotation", FeignTests.key()));
        awaitSlowAnswer(started);

        assertThat(e).hasMessage("POST /v1/callback-secrets: timed out" + MAY_HAVE_BEEN_APPLIED);
        assertThat(e.mayHaveReachedServer()).isTrue();
        assertSentOnceWithAKey("/v1/callback-secrets");
        // The fake applied it after the client stopped waiting: why a blind retry would make two.
        assertThat(labelsHeld()).containsExactly("default", "rotation");
        assertThat(sleeper.slept).isEmpty();
    }

    @Test
    void callbackSecretCreateRateLimitedIsRetriedWithTheSameKey() {
        server.inject(Fault.rateLimited().onPath("/v1/callback-secrets"));

        CallbackSecret created = api.createCallbackSecret("rotation", FeignTests.key());

        assertThat(created.label()).isEqualTo("rotation");
        List<RecordedRequest> creates = requests("POST", "/v1/callback-secrets");
        assertThat(creates).hasSize(2);
        assertSameKey(creates);
        assertThat(labelsHeld()).containsExactly("default", "rotation");
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void callbackSecretCreateRateLimitedWithRetryAfterWaitsAsAsked() {
        server.inject(Fault.rateLimited().header("Retry-After", "3").times(2).onPath("/v1/callback-secrets"));

        api.createCallbackSecret("rotation", FeignTests.key());

        List<RecordedRequest> creates = requests("POST", "/v1/callback-secrets");
        assertThat(creates).hasSize(3);
        assertSameKey(creates);
        assertThat(labelsHeld()).containsExactly("default", "rotation");
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @Test
    void callbackSecretCreateOnARefusedConnectionIsRetriedUpToMaxAttempts() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (RunflowFeign refused = RunflowFeign.create(FeignTests.options(
                "http://127.0.0.1:" + closedPort,
                server.apiKey(),
                null,
                FeignTests.exactRetries(),
                READ_TIMEOUT,
                sleeper))) {
            RunflowIoException e = catchThrowableOfType(
                    RunflowIoException.class, () -> refused.createCallbackSecret("rotation", FeignTests.key()));

            assertThat(e.getMessage())
                    .startsWith("POST /v1/callback-secrets: connection refused")
                    .doesNotContain("not retried", String.valueOf(closedPort), server.apiKey());
            assertThat(e.mayHaveReachedServer()).isFalse();
            assertThat(sleeper.slept)
                    .containsExactly(
                            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        }
    }

    // ---- callback redelivery: not replay-safe

    @Test
    void callbackRedeliveryDroppedAfterBeingAppliedIsNotRetried() {
        try (CallbackReceiver receiver = CallbackReceiver.accepting()) {
            String runId = finishedRunWithCallback(receiver);
            String path = "/v1/runs/" + runId + "/callback-redeliveries";
            server.inject(Fault.acceptThenDrop().onPath(path));

            RunflowIoException e = catchThrowableOfType(
                    RunflowIoException.class, () -> api.redeliverCallback(runId, FeignTests.key()));

            assertDeclinedIo(e, "POST " + path + ": connection closed without an answer");
            assertSentOnceWithAKey(path);
            assertThat(redeliveries(runId)).isEqualTo(1);
        }
    }

    @Test
    void callbackRedeliveryOnAResetConnectionIsNotRetried() {
        try (CallbackReceiver receiver = CallbackReceiver.accepting()) {
            String runId = finishedRunWithCallback(receiver);
            String path = "/v1/runs/" + runId + "/callback-redeliveries";
            server.inject(Fault.connectionReset().onPath(path));

            RunflowIoException e = catchThrowableOfType(
                    RunflowIoException.class, () -> api.redeliverCallback(runId, FeignTests.key()));

            assertDeclinedIo(e, "POST " + path + ": ");
            assertSentOnceWithAKey(path);
            assertThat(redeliveries(runId)).isZero();
        }
    }

    @Test
    void callbackRedeliveryAnsweredUnavailableIsNotRetried() {
        try (CallbackReceiver receiver = CallbackReceiver.accepting()) {
            String runId = finishedRunWithCallback(receiver);
            String path = "/v1/runs/" + runId + "/callback-redeliveries";
            server.inject(Fault.unavailable().onPath(path));

            ServerException e =
                    catchThrowableOfType(ServerException.class, () -> api.redeliverCallback(runId, FeignTests.key()));

            RecordedRequest sent = assertSentOnceWithAKey(path);
            assertThat(e)
                    .hasMessage(
                            "POST /v1/runs/{id}/callback-redeliveries: 503 SERVICE_UNAVAILABLE: injected by the fake"
                                    + " (request-id: req_" + sent.sequence() + ")" + MAY_HAVE_BEEN_APPLIED);
            assertThat(redeliveries(runId)).isZero();
            assertThat(sleeper.slept).isEmpty();
        }
    }

    @Test
    void callbackRedeliveryThatTimesOutIsNotRetried() {
        try (CallbackReceiver receiver = CallbackReceiver.accepting()) {
            String runId = finishedRunWithCallback(receiver);
            String path = "/v1/runs/" + runId + "/callback-redeliveries";
            server.inject(Fault.delay(SLOW_ANSWER).onPath(path));
            long started = System.nanoTime();

            RunflowIoException e = catchThrowableOfType(
                    RunflowIoException.class, () -> impatient.redeliverCallback(runId, FeignTests.key()));
            awaitSlowAnswer(started);

            assertThat(e)
                    .hasMessage("POST /v1/runs/" + runId + "/callback-redeliveries: timed out" + MAY_HAVE_BEEN_APPLIED);
            assertSentOnceWithAKey(path);
            assertThat(redeliveries(runId)).isEqualTo(1);
            assertThat(sleeper.slept).isEmpty();
        }
    }

    @Test
    void callbackRedeliveryRateLimitedIsRetriedWithTheSameKey() {
        try (CallbackReceiver receiver = CallbackReceiver.accepting()) {
            String runId = finishedRunWithCallback(receiver);
            String path = "/v1/runs/" + runId + "/callback-redeliveries";
            server.inject(Fault.rateLimited().onPath(path));

            CallbackDelivery delivery = api.redeliverCallback(runId, FeignTests.key());

            assertThat(delivery.automatic()).isFalse();
            List<RecordedRequest> sent = requests("POST", path);
            assertThat(sent).hasSize(2);
            assertSameKey(sent);
            assertThat(redeliveries(runId)).isEqualTo(1);
            assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
        }
    }

    // ---- fixtures

    private String queuedRun() {
        return api.createRun(FeignTests.keyed(FluxProUltra.input("to cancel").toRequest()))
                .id();
    }

    private String finishedRunWithCallback(CallbackReceiver receiver) {
        Run run = api.createRun(
                FeignTests.keyed(FluxProUltra.input("hook").toRequest().withCallbackUrl(receiver.url())));
        server.advance(Duration.ofSeconds(1));
        assertThat(server.run(run.id()).orElseThrow().status()).isEqualTo("succeeded");
        return run.id();
    }

    private static List<RecordedRequest> requests(String method, String path) {
        return server.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    private static void assertSameKey(List<RecordedRequest> attempts) {
        String key = attempts.get(0).header("Idempotency-Key").orElseThrow();
        assertThat(key).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(attempts)
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).contains(key));
    }

    /** The SDK's own decision: exactly one attempt, and it carried a key. */
    private static RecordedRequest assertSentOnceWithAKey(String path) {
        List<RecordedRequest> sent = requests("POST", path);
        assertThat(sent).hasSize(1);
        assertSameKey(sent);
        return sent.get(0);
    }

    private void assertDeclinedIo(RunflowIoException e, String endpoint) {
        assertThat(e.getMessage())
                .startsWith(endpoint)
                .endsWith(MAY_HAVE_BEEN_APPLIED)
                .doesNotContain("127.0.0.1", server.apiKey());
        assertThat(e).hasCauseInstanceOf(IOException.class);
        assertThat(e.mayHaveReachedServer()).isTrue();
        assertThat(sleeper.slept).isEmpty();
    }

    /** Redeliveries the fake made for the run (the automatic first delivery not counted). */
    private static long redeliveries(String runId) {
        return server.deliveries(runId).stream().filter(d -> !d.automatic()).count();
    }

    /**
     * The labels of the secrets the fake holds, oldest first, through its {@code GET
     * /v1/callback-secrets} (the fake has no accessor for its secrets). The deterministic server starts
     * with one, labelled {@code default}.
     */
    private static List<String> labelsHeld() {
        HttpRequest list = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/callback-secrets"))
                .header("Authorization", "Bearer " + server.apiKey())
                .build();
        try {
            HttpResponse<String> response = inspector.send(list, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode items = FeignTests.json(response.body()).get("items");
            return StreamSupport.stream(items.spliterator(), false)
                    .map(item -> item.get("label").asText())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits (real time) until the fake has handled a request it was told to answer slowly: it applies
     * the request after the client stopped waiting for it.
     */
    private static void awaitSlowAnswer(long startedNanos) {
        assertThat(server.awaitIdle(SLOW_ANSWER.multipliedBy(10)))
                .as("the slow answer started %d ms ago was handled", (System.nanoTime() - startedNanos) / 1_000_000)
                .isTrue();
    }
}
