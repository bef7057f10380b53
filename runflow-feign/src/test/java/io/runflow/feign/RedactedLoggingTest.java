package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import feign.Logger;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.NotFoundException;
import io.runflow.model.CallbackSecret;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Feign at FULL logs headers and bodies; the surefire configuration sends SLF4J (slf4j-simple, DEBUG
 * for {@code io.runflow.feign}) to a file, which this test reads back.
 */
class RedactedLoggingTest {

    static final String API_KEY = "rf_live_Sup3rSecretKey_for_logs";
    static final String WEBHOOK_SECRET = "whsec_logtest_0123456789";

    @Test
    void fullLoggingNeverShowsTheApiKeyOrAWebhookSecret() throws Exception {
        LoggerFactory.getLogger(RunflowFeign.class).debug("log capture starts");
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
        long before = Files.size(log);
        FeignTests.RecordingSleeper sleeper = new FeignTests.RecordingSleeper();
        CallbackSecret secret;
        try (FakeRunflowServer server = FakeRunflowServer.builder()
                        .deterministic()
                        .apiKey(API_KEY)
                        .webhookSecret(WEBHOOK_SECRET)
                        .build();
                RunflowFeign api = RunflowFeign.create(
                        FeignTests.options(server, sleeper), feign -> feign.logLevel(Logger.Level.FULL))) {
            Run run = api.createRun(
                    FluxProUltra.input("a logged lighthouse").toRequest().withIdempotencyKey("log-key"));
            server.inject(Fault.unavailable().onPath("/v1/runs/"));
            api.getRun(run.id());
            Throwable error = catchThrowable(() -> api.getRun("missing-run"));
            secret = api.createCallbackSecret("rotation", FeignTests.key());

            assertThat(error).isInstanceOf(NotFoundException.class);
            assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
            assertThat(secret.plainSecret()).isNotBlank();
        }

        byte[] all = Files.readAllBytes(log);
        String captured = new String(all, (int) before, (int) (all.length - before), StandardCharsets.UTF_8);
        assertThat(captured)
                .contains("---> POST http://127.0.0.1:")
                .contains("Authorization: ***")
                .contains("Idempotency-Key: log-key")
                .contains("a logged lighthouse")
                .contains("---> RETRYING")
                .contains("HTTP/1.1 503")
                .contains("RUN_NOT_FOUND")
                .contains("\"plain_secret\":\"***\"");
        assertThat(captured)
                .doesNotContain(API_KEY)
                .doesNotContain(WEBHOOK_SECRET)
                .doesNotContain(secret.plainSecret());
    }

    @Test
    void redactionMasksHeadersFieldsAndWebhookSecretsAnywhere() {
        RedactingLogger logger = new RedactingLogger("rf_live_abc");

        assertThat(logger.redact("{\"plain_secret\": \"whsec_x\\\"y\", \"id\": \"1\"}"))
                .isEqualTo("{\"plain_secret\": \"***\", \"id\": \"1\"}");
        assertThat(logger.redact("the key rf_live_abc leaked")).isEqualTo("the key *** leaked");
        assertThat(logger.redact("secret whsec_AbC-12_3= here")).isEqualTo("secret whsec_*** here");
        assertThat(logger.redact("{\"signing_secret_id\":\"s-1\"}")).isEqualTo("{\"signing_secret_id\":\"s-1\"}");
    }
}
