package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import feign.Logger;
import io.runflow.RetryPolicy;
import io.runflow.RunflowClient;
import io.runflow.RunflowOptions;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.AuthenticationException;
import io.runflow.errors.RunflowApiException;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.errors.RunflowException;
import io.runflow.model.CallbackSecret;
import io.runflow.model.CallbackSecretUpdate;
import io.runflow.model.ListQuery;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import io.runflow.testkit.RecordedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Real calls at Feign's {@code FULL} level (request and response headers and bodies) against the
 * fake on loopback, SLF4J open to TRACE for {@code io.runflow} (slf4j-simple, to the file the
 * surefire configuration names): the API key, a wrong key, webhook secrets and a created callback
 * secret appear in no log line, no exception (message, causes, stack trace) and no {@code toString()}.
 */
class SecretsDoNotLeakTest {

    static final String API_KEY = "rf_live_SECRETKEY_feignLeakCheck_5c4b3a";
    static final String WRONG_KEY = "rf_live_SECRETKEY_feignWrongKey_0d9e8f";
    static final String WEBHOOK_SECRET = "whsec_LEAKCHECK_feign_primary_2b3c4d";

    private final List<String> needles = new ArrayList<>(List.of(
            API_KEY,
            WRONG_KEY,
            WEBHOOK_SECRET,
            "SECRETKEY_feignLeakCheck",
            "SECRETKEY_feignWrongKey",
            "feign_primary"));
    private final FeignTests.RecordingSleeper sleeper = new FeignTests.RecordingSleeper();
    private FakeRunflowServer server;
    private Path log;
    private long logStart;

    @BeforeEach
    void start() throws Exception {
        assertThat(LoggerFactory.getLogger(RunflowFeign.class).isTraceEnabled())
                .as("SLF4J open to TRACE for io.runflow")
                .isTrue();
        LoggerFactory.getLogger(RunflowFeign.class).debug("secrets log capture starts");
        log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
        logStart = Files.size(log);
        server = FakeRunflowServer.builder()
                .deterministic()
                .apiKey(API_KEY)
                .webhookSecret(WEBHOOK_SECRET)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void callsThatSucceedLogHeadersAndBodiesWithoutASecret() throws Exception {
        List<String> shown = new ArrayList<>();
        try (RunflowFeign api = fullLogging(options(API_KEY, Duration.ofSeconds(5)))) {
            Run run = api.createRun(
                    FluxProUltra.input("a lighthouse kept secret").toRequest().withIdempotencyKey("secrets-1"));
            shown.add(api.getRun(run.id()).toString());
            shown.add(api.listRuns(ListQuery.builder().limit(2).build()).toString());
            CallbackSecret created = api.createCallbackSecret("rotation", FeignTests.key());
            remember(created.plainSecret());
            shown.add(created.toString());
            shown.add(api.getCallbackSecret(created.id()).toString());
            shown.add(api.updateCallbackSecret(created.id(), CallbackSecretUpdate.promote())
                    .toString());
            shown.add(api.health().toString());
            shown.add(api.toString());
            shown.add(new CommonHeaders(options(API_KEY, Duration.ofSeconds(5))).toString());
            shown.add(options(API_KEY, Duration.ofSeconds(5)).toString());
        }
        for (RecordedRequest request : server.requests()) {
            shown.add(request.toString());
        }
        shown.add(server.toString());
        shown.add(server.callbackSecrets().toString());

        assertThat(captured())
                .contains("Authorization: ***", "a lighthouse kept secret", "\"plain_secret\":\"***\"", "HTTP/1.1 201");
        assertNoSecret(captured());
        shown.forEach(this::assertNoSecret);
    }

    @Test
    void failedCallsNeitherLogNorThrowASecret() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        try (RunflowFeign wrongKey = fullLogging(options(WRONG_KEY, Duration.ofSeconds(5)))) {
            failures.add(catchThrowable(() -> wrongKey.createRun(
                    FeignTests.keyed(FluxProUltra.input("an unauthorised fox").toRequest()))));
            failures.add(catchThrowable(() -> wrongKey.createCallbackSecret("nope", FeignTests.key())));
        }
        try (RunflowFeign api = fullLogging(options(API_KEY, Duration.ofMillis(300)))) {
            List<Supplier<Fault>> faults = List.of(
                    Fault::unavailable,
                    Fault::rateLimited,
                    () -> Fault.rateLimited().header("Retry-After", "1"),
                    Fault::connectionReset,
                    Fault::acceptThenDrop,
                    () -> Fault.delay(Duration.ofSeconds(2)),
                    () -> Fault.status(502).body("<html><body>Bad gateway</body></html>"),
                    () -> Fault.status(404));
            for (Supplier<Fault> fault : faults) {
                server.inject(fault.get().onPath("/v1/runs").times(10));
                failures.add(catchThrowable(() -> api.getRun("run_missing")));
                server.reset();
            }
            failures.add(catchThrowable(() -> api.getCallbackSecret("cs_missing")));
        }

        assertThat(failures).hasSize(11).allMatch(failure -> failure instanceof RunflowException);
        assertThat(failures.get(0)).isInstanceOf(AuthenticationException.class);
        failures.forEach(this::assertNoSecret);
        assertThat(captured()).contains("HTTP/1.1 401", "Authorization: ***", "---> RETRYING");
        assertNoSecret(captured());
    }

    @Test
    void answersThatEchoTheKeyOrASecretAreMaskedInExceptionsAndLogs() throws Exception {
        String echo = "{\"code\":\"UNAUTHORIZED\",\"message\":\"rejected Bearer " + API_KEY + "\",\"errors\":["
                + "{\"field\":\"plain_secret\",\"message\":\"" + WEBHOOK_SECRET + " is disabled\"}]}";
        List<Throwable> failures = new ArrayList<>();
        try (RunflowFeign api = fullLogging(options(API_KEY, Duration.ofSeconds(5)))) {
            server.inject(Fault.status(401).body(echo).onPath("/v1/runs").times(1));
            failures.add(catchThrowable(() -> api.getRun("run_1")));
            server.inject(Fault.status(503).body(echo).onPath("/v1/runs").times(10));
            failures.add(catchThrowable(() -> api.getRun("run_1")));
            server.reset();
            // A 2xx answer that is not JSON, with the secret material unquoted: Jackson quotes the token.
            server.inject(Fault.status(201)
                    .body("{\"id\":\"cs_9\",\"plain_secret\":" + WEBHOOK_SECRET + "}")
                    .onPath("/v1/callback-secrets")
                    .times(1));
            failures.add(catchThrowable(() -> api.createCallbackSecret("broken", FeignTests.key())));
            server.inject(Fault.status(200)
                    .body("{\"id\":\"run_1\",\"status\":" + API_KEY + "}")
                    .onPath("/v1/runs")
                    .times(1));
            failures.add(catchThrowable(() -> api.getRun("run_1")));
        }

        assertThat(failures).hasSize(4);
        assertThat(failures.get(0))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("401 UNAUTHORIZED: rejected Bearer ***");
        assertThat(failures.get(1)).isInstanceOf(RunflowApiException.class);
        assertThat(failures.get(2)).isInstanceOf(RunflowDecodingException.class);
        assertThat(failures.get(3)).isInstanceOf(RunflowDecodingException.class);
        failures.forEach(this::assertNoSecret);
        assertNoSecret(captured());
    }

    @Test
    void theClientOverFeignShowsNoSecretFromBuilderToFailure() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        RunflowClient.Builder builder = RunflowClient.builder()
                .apiKey(WRONG_KEY)
                .baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.builder().random(() -> 0.0).build())
                .sleeper(sleeper)
                .transport(RunflowFeign.transport(feign -> feign.logLevel(Logger.Level.FULL)));
        try (RunflowClient runflow = builder.build()) {
            failures.add(catchThrowable(() -> runflow.runs().run(FluxProUltra.input("a wrong key"))));
            failures.add(catchThrowable(() -> runflow.callbackSecrets().create("nope")));
            failures.add(catchThrowable(() -> runflow.account().me()));
            failures.add(catchThrowable(() -> runflow.runs()
                    .createAsync(FluxProUltra.input("later").toRequest())
                    .join()));
            assertNoSecret(builder.toString());
            assertNoSecret(runflow.toString());
        }

        assertThat(failures).hasSize(4).doesNotContainNull();
        failures.forEach(this::assertNoSecret);
        assertNoSecret(captured());
    }

    private RunflowFeign fullLogging(RunflowOptions options) {
        return RunflowFeign.create(options, feign -> feign.logLevel(Logger.Level.FULL));
    }

    private RunflowOptions options(String apiKey, Duration readTimeout) {
        return FeignTests.options(
                server.baseUrl(), apiKey, FeignTests.ORGANIZATION, FeignTests.exactRetries(), readTimeout, sleeper);
    }

    /** A created secret's material; its first 10 characters are the public key prefix. */
    private void remember(String plainSecret) {
        assertThat(plainSecret).startsWith("whsec_").hasSizeGreaterThan(20);
        needles.add(plainSecret);
        needles.add(plainSecret.substring(10));
    }

    private String captured() throws Exception {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) logStart, (int) (all.length - logStart), StandardCharsets.UTF_8);
    }

    private void assertNoSecret(Throwable failure) {
        assertThat(failure).isNotNull();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertNoSecret(failure + "\n" + trace);
    }

    private void assertNoSecret(String text) {
        assertThat(text).isNotNull();
        for (String needle : needles) {
            assertThat(text).as("a secret in: %s", text).doesNotContain(needle);
        }
    }
}
