package io.runflow.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.runflow.RunflowObserver.HttpAttempt;
import io.runflow.RunflowObserver.HttpAttempt.Failure;
import io.runflow.RunflowObserver.Retry;
import io.runflow.RunflowObserver.Wait;
import io.runflow.RunflowObserver.Wait.EndedBy;
import io.runflow.RunflowObserver.Wait.Outcome;
import io.runflow.RunflowObserver.WebhookRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunflowMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RunflowMeters meters = new RunflowMeters(registry);

    @Test
    void timesEachHttpAttemptByEndpointAndOutcome() {
        meters.onHttpAttempt(new HttpAttempt("GET /v1/runs/{id}", 1, 200, Failure.NONE, Duration.ofMillis(30)));
        meters.onHttpAttempt(new HttpAttempt("GET /v1/runs/{id}", 2, 200, Failure.NONE, Duration.ofMillis(10)));
        meters.onHttpAttempt(new HttpAttempt("GET /v1/runs/{id}", 1, 0, Failure.TIMEOUT, Duration.ofSeconds(60)));

        Timer ok = registry.get(RunflowMeters.CLIENT_REQUESTS)
                .tags("endpoint", "GET /v1/runs/{id}", "outcome", "200")
                .timer();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40.0);
        assertThat(registry.get(RunflowMeters.CLIENT_REQUESTS)
                        .tags("outcome", "timeout")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void countsRetriesByEndpointAndReason() {
        meters.onRetry(new Retry("POST /v1/models/{model}/runs", 1, "503", Duration.ofSeconds(1)));
        meters.onRetry(new Retry("POST /v1/models/{model}/runs", 2, "503", Duration.ofSeconds(2)));

        assertThat(registry.get(RunflowMeters.CLIENT_RETRIES)
                        .tags("endpoint", "POST /v1/models/{model}/runs", "reason", "503")
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void timesWaitsAndCountsTheirPollsWithoutTheRunId() {
        meters.onWait(new Wait("run-1", Outcome.SUCCEEDED, EndedBy.CALLBACK, Duration.ofSeconds(3), 1));
        meters.onWait(new Wait("run-2", Outcome.TIMED_OUT, EndedBy.DEADLINE, Duration.ofMinutes(5), 40));

        Timer byCallback = registry.get(RunflowMeters.RUN_WAITS)
                .tags("outcome", "succeeded", "ended_by", "callback")
                .timer();
        assertThat(byCallback.totalTime(TimeUnit.SECONDS)).isEqualTo(3.0);
        DistributionSummary polls = registry.get(RunflowMeters.RUN_WAIT_POLLS)
                .tags("outcome", "timed_out", "ended_by", "deadline")
                .summary();
        assertThat(polls.totalAmount()).isEqualTo(40.0);
        assertThat(registry.getMeters())
                .allSatisfy(meter -> assertThat(meter.getId().getTags())
                        .noneMatch(tag -> tag.getValue().startsWith("run-")));
    }

    @Test
    void timesWebhookRequestsByOutcomeAndStatus() {
        meters.onWebhook(new WebhookRequest(WebhookRequest.Outcome.DELIVERED, 200, Duration.ofMillis(2)));
        meters.onWebhook(new WebhookRequest(WebhookRequest.Outcome.UNAUTHORIZED, 401, Duration.ofMillis(1)));

        assertThat(registry.get(RunflowMeters.WEBHOOK_CALLBACKS)
                        .tags("outcome", "unauthorized", "status", "401")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(RunflowMeters.WEBHOOK_CALLBACKS).timers()).hasSize(2);
    }

    @Test
    void rejectsANullRegistry() {
        assertThatNullPointerException()
                .isThrownBy(() -> new RunflowMeters(null))
                .withMessage("registry");
    }
}
