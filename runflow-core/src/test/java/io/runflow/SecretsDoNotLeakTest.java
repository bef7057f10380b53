package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.runflow.errors.AuthenticationException;
import io.runflow.errors.RunflowApiException;
import io.runflow.internal.json.ApiErrors;
import io.runflow.internal.json.RunflowJson;
import io.runflow.model.CallbackSecret;
import io.runflow.webhook.Callback;
import io.runflow.webhook.CallbackDeduplicator;
import io.runflow.webhook.InMemoryCallbackDeduplicator;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookResponse;
import io.runflow.webhook.WebhookSigner;
import io.runflow.webhook.WebhookVerifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API key and the webhook secrets appear in no {@code toString()}, no exception (message, cause
 * chain or stack trace) and no {@link System.Logger} line at any level. Core logs through {@code
 * System.Logger}, which is java.util.logging here: every {@code io.runflow} logger is opened to
 * {@code ALL} and captured while a test runs.
 */
class SecretsDoNotLeakTest {

    static final String API_KEY = "rf_live_SECRETKEY_c0reLeakCheck_9f8e7d";
    static final String SECRET = "whsec_LEAKCHECK_core_primary_1a2b3c";
    static final String ROTATED = "whsec_LEAKCHECK_core_rotated_4d5e6f";
    static final String PLAIN_SECRET = "whsec_LEAKCHECK_core_created_7a8b9c";

    /** The distinctive middles: a leak of part of a value still shows one (the key prefix is 10 chars). */
    static final List<String> NEEDLES = List.of(
            API_KEY,
            SECRET,
            ROTATED,
            PLAIN_SECRET,
            "SECRETKEY_c0reLeakCheck",
            "core_primary",
            "core_rotated",
            "core_created");

    private static final Logger RUNFLOW_LOGGERS = Logger.getLogger("io.runflow");
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage() + " "
                        + (record.getParameters() == null ? "" : List.of(record.getParameters())) + " "
                        + (record.getThrown() == null ? "" : render(record.getThrown())));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private Level previousLevel;
    private final InMemoryRunflowApi api = new InMemoryRunflowApi();

    @BeforeEach
    void captureEveryLevel() {
        previousLevel = RUNFLOW_LOGGERS.getLevel();
        RUNFLOW_LOGGERS.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        RUNFLOW_LOGGERS.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        RUNFLOW_LOGGERS.removeHandler(capture);
        RUNFLOW_LOGGERS.setLevel(previousLevel);
    }

    @Test
    void noToStringOfTheClientItsBuilderOrItsOptionsShowsTheKey() {
        RunflowClient.Builder builder = RunflowClient.builder().transport(options -> api);
        String unset = builder.toString();
        builder.apiKey(API_KEY).organizationId("org_1");
        try (RunflowClient runflow = builder.build()) {
            RunflowOptions options = runflow.options();

            assertThat(options.apiKey()).isEqualTo(API_KEY);
            assertNoSecret(
                    unset,
                    builder.toString(),
                    runflow.toString(),
                    options.toString(),
                    options.observer().toString());
            assertThat(options.toString()).contains("apiKey=***");
        }
    }

    @Test
    void noToStringOfTheWebhookTypesShowsASecret() {
        WebhookVerifier.Builder builder =
                WebhookVerifier.builder().secret(SECRET).secret(" " + ROTATED + "\n");
        WebhookVerifier verifier = builder.build();
        WebhookEndpoint endpoint = WebhookEndpoint.builder()
                .verifier(verifier)
                .deduplicator(InMemoryCallbackDeduplicator.create())
                .build();

        assertNoSecret(
                builder.toString(),
                verifier.toString(),
                WebhookSigner.of(SECRET).toString(),
                endpoint.toString(),
                verify(verifier, SECRET, callback("run_1")).toString());
        assertThat(verifier.toString()).contains("secrets=2 (redacted)");
    }

    @Test
    void aCreatedCallbackSecretShowsItsMaterialOnlyThroughItsAccessors() throws Exception {
        String answer = "{\"id\":\"cs_1\",\"org_id\":\"org_1\",\"key_prefix\":\"whsec_LEAK\",\"is_current\":false,"
                + "\"label\":\"rotation\",\"plain_secret\":\"" + PLAIN_SECRET + "\","
                + "\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}";

        CallbackSecret secret = RunflowJson.mapper().readValue(answer, CallbackSecret.class);

        assertThat(secret.secret()).contains(PLAIN_SECRET);
        assertThat(secret.plainSecret()).isEqualTo(PLAIN_SECRET);
        assertNoSecret(secret.toString(), secret.raw().toString());
        assertThat(secret.toString()).contains("plainSecret=***", "keyPrefix=whsec_LEAK");
    }

    @Test
    void buildersRejectBadValuesWithoutQuotingThem() {
        List<Throwable> failures = new ArrayList<>();
        failures.add(catchThrowable(() -> RunflowClient.builder().apiKey(API_KEY + " trailing")));
        failures.add(catchThrowable(() -> RunflowClient.builder().apiKey("x" + API_KEY + "\u0007")));
        failures.add(catchThrowable(() -> RunflowClient.builder()
                .fromEnv(name -> name.equals("RUNFLOW_API_KEY") ? API_KEY + " spaced" : null, name -> null)));
        failures.add(catchThrowable(() -> RunflowClient.builder()
                .apiKey(API_KEY)
                .transport(options -> {
                    throw new IllegalStateException("transport refused " + options);
                })
                .build()));
        failures.add(catchThrowable(() -> RunflowClient.builder()
                .apiKey(API_KEY)
                .transport(options -> null)
                .build()));

        assertThat(failures).doesNotContainNull().hasSize(5);
        failures.forEach(SecretsDoNotLeakTest::assertNoSecret);
    }

    @Test
    void failedVerificationsNeitherSayNorLogTheSecretOrTheExpectedSignature() {
        WebhookVerifier verifier =
                WebhookVerifier.builder().secret(SECRET).secret(ROTATED).build();
        WebhookEndpoint endpoint = WebhookEndpoint.builder().verifier(verifier).build();
        byte[] body = callback("run_forged");
        String expected = WebhookSigner.of(SECRET).sign(body);
        List<Supplier<WebhookResponse>> forgeries = List.of(
                () -> endpoint.handle(body, name -> null),
                () -> endpoint.handle(body, header("not-hex")),
                () -> endpoint.handle(body, header("z".repeat(64))),
                () -> endpoint.handle(
                        body, header(WebhookSigner.of("whsec_other").sign(body))),
                () -> endpoint.handle(new byte[(int) verifier.maxBodySize() + 1], header(expected)),
                () -> endpoint.handle(
                        "{\"not\":\"a callback\"}".getBytes(StandardCharsets.UTF_8),
                        header(WebhookSigner.of(SECRET)
                                .sign("{\"not\":\"a callback\"}".getBytes(StandardCharsets.UTF_8)))));

        List<String> answers = new ArrayList<>();
        for (Supplier<WebhookResponse> forgery : forgeries) {
            WebhookResponse response = forgery.get();
            answers.add(response.status() + " " + response.body() + " " + response);
        }
        for (byte[] forged : List.of(body, "{}".getBytes(StandardCharsets.UTF_8))) {
            assertNoSecret(catchThrowable(() -> verifier.verify(forged, "0".repeat(64))));
        }

        assertThat(answers).hasSize(6).noneMatch(answer -> answer.startsWith("2"));
        assertNoSecret(answers.toArray(String[]::new));
        assertThat(String.join("\n", answers)).doesNotContain(expected);
        assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(expected));
        assertNothingLogged();
    }

    @Test
    void failingListenersDeduplicatorsAndObserversLogNoSecret() {
        WebhookVerifier verifier = WebhookVerifier.builder().secret(SECRET).build();
        RunflowObserver throwing = new RunflowObserver() {
            @Override
            public void onWebhook(WebhookRequest request) {
                throw new IllegalStateException("observer broke");
            }
        };
        WebhookEndpoint failingListener = WebhookEndpoint.builder()
                .verifier(verifier)
                .observer(throwing)
                .listener(callback -> {
                    throw new IllegalStateException("listener broke on " + callback);
                })
                .build();
        WebhookEndpoint failingStore = WebhookEndpoint.builder()
                .verifier(verifier)
                .deduplicator(new CallbackDeduplicator() {
                    @Override
                    public boolean firstDelivery(Callback callback) {
                        throw new IllegalStateException("store down for " + callback);
                    }

                    @Override
                    public void release(Callback callback) {
                        throw new IllegalStateException("store still down");
                    }
                })
                .build();
        byte[] body = callback("run_listened");

        assertThat(failingListener
                        .handle(body, header(WebhookSigner.of(SECRET).sign(body)))
                        .status())
                .isEqualTo(500);
        assertThat(failingStore
                        .handle(body, header(WebhookSigner.of(SECRET).sign(body)))
                        .status())
                .isEqualTo(500);

        assertThat(logged).hasSizeGreaterThanOrEqualTo(3);
        assertNothingLogged();
    }

    @Test
    void errorAnswersThatEchoTheKeyOrASecretDoNotPutThemInTheException() {
        String echoing = "{\"code\":\"UNAUTHORIZED\",\"message\":\"invalid API key " + API_KEY + "\","
                + "\"errors\":[{\"field\":\"secret\",\"message\":\"" + SECRET + " is disabled\"}]}";
        String html = "<html><body>Bad token: Bearer " + API_KEY + " / plain_secret " + PLAIN_SECRET + "</body></html>";

        RunflowApiException json = ApiErrors.toException(
                401, Map.of("Runflow-Request-Id", List.of("req_1")), echoing.getBytes(StandardCharsets.UTF_8), API_KEY);
        RunflowApiException page = ApiErrors.toException(502, Map.of(), html.getBytes(StandardCharsets.UTF_8), API_KEY);

        assertThat(json).isInstanceOf(AuthenticationException.class);
        assertThat(json.getMessage())
                .startsWith("401 UNAUTHORIZED: invalid API key ***")
                .endsWith("(request-id: req_1)");
        assertNoSecret(json, page);
        assertNoSecret(
                json.error().toString(),
                json.error().message(),
                String.valueOf(json.error().errors()));
    }

    private static byte[] callback(String runId) {
        return ("{\"event\":\"run.succeeded\",\"run_id\":\"" + runId + "\",\"status\":\"succeeded\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Callback verify(WebhookVerifier verifier, String secret, byte[] body) {
        return verifier.verify(body, WebhookSigner.of(secret).sign(body));
    }

    private static java.util.function.Function<String, String> header(String signature) {
        return name -> name.equals(WebhookVerifier.SIGNATURE_HEADER) ? signature : null;
    }

    private void assertNothingLogged() {
        synchronized (logged) {
            assertNoSecret(logged.toArray(String[]::new));
        }
    }

    static void assertNoSecret(String... texts) {
        for (String text : texts) {
            assertThat(text).isNotNull();
            for (String needle : NEEDLES) {
                assertThat(text).as("a secret in: %s", text).doesNotContain(needle);
            }
        }
    }

    static void assertNoSecret(Throwable... failures) {
        for (Throwable failure : failures) {
            assertThat(failure).isNotNull();
            assertNoSecret(render(failure));
        }
    }

    /** Everything a log line of the exception would print: messages of the whole chain, suppressed too. */
    static String render(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return failure + "\n" + text;
    }
}
