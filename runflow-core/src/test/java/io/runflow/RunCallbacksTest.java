package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.runflow.errors.RunCanceledException;
import io.runflow.errors.RunFailedException;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.webhook.RunCallback;
import io.runflow.webhook.WebhookSigner;
import io.runflow.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunCallbacksTest {

    private static final String SECRET = "whsec_callbacks";

    // Every poll sees the run still running, and polls are an hour apart: only callbacks finish waits.
    private final RunflowClient runflow = RunflowClient.builder()
            .apiKey("test")
            .transport(options -> alwaysRunning())
            .pollPolicy(PollPolicy.builder()
                    .initialInterval(Duration.ofHours(1))
                    .maxInterval(Duration.ofHours(1))
                    .build())
            .build();

    @AfterEach
    void closeClient() {
        runflow.close();
    }

    @Test
    void completesEveryWaitOnTheRunWithASucceededCallback() {
        CompletableFuture<Run> first = runflow.runs().awaitAsync("run-1");
        CompletableFuture<Run> second = runflow.runs().awaitAsync("run-1");

        int completed = runflow.callbacks()
                .accept(callback("{\"event\":\"run.completed\",\"run_id\":\"run-1\",\"status\":\"succeeded\","
                        + "\"output\":{\"outputs\":[{\"type\":\"image\",\"url\":\"https://cdn.example/a.jpg\"}]}}"));

        assertThat(completed).isEqualTo(2);
        assertThat(first.join().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(second.join().output().outputs()).hasSize(1);
        assertThat(runflow.callbacks().pendingWaits()).isZero();
    }

    @Test
    void failsTheWaitWithTheFailureOfAFailedCallback() {
        CompletableFuture<Run> wait = runflow.runs().awaitAsync("run-2");

        runflow.callbacks()
                .accept(callback("{\"event\":\"run.failed\",\"run_id\":\"run-2\",\"status\":\"failed\","
                        + "\"output\":{\"code\":\"INPUT_VALIDATION_FAILED\",\"message\":\"too large\"}}"));

        assertThat(wait)
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(RunFailedException.class)
                .withMessage("run run-2 failed: INPUT_VALIDATION_FAILED: too large");
    }

    @Test
    void cancelsTheWaitWithACancelledCallback() {
        CompletableFuture<Run> wait = runflow.runs().awaitAsync("run-3");

        runflow.callbacks()
                .accept(callback("{\"event\":\"run.cancelled\",\"run_id\":\"run-3\",\"status\":\"canceled\"}"));

        assertThat(wait)
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(RunCanceledException.class);
    }

    @Test
    void completesNothingWhenNoOneWaits() {
        assertThat(runflow.callbacks()
                        .accept(callback(
                                "{\"event\":\"run.completed\",\"run_id\":\"run-4\",\"status\":\"succeeded\"}")))
                .isZero();
    }

    @Test
    void rejectsANullRun() {
        assertThatNullPointerException()
                .isThrownBy(() -> runflow.callbacks().accept(null))
                .withMessage("run");
    }

    /** A verified callback's run, as a webhook endpoint hands it over. */
    private static Run callback(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return ((RunCallback) WebhookVerifier.builder()
                        .secret(SECRET)
                        .build()
                        .verify(body, WebhookSigner.of(SECRET).sign(body)))
                .toRun();
    }

    private static RunflowApi alwaysRunning() {
        return new DelegatingApi(new InMemoryRunflowApi()) {
            @Override
            public Run getRun(String runId) {
                return InMemoryRunflowApi.run(runId, RunStatus.RUNNING);
            }
        };
    }
}
