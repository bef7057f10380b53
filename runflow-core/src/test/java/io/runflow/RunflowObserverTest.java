package io.runflow;

import static io.runflow.model.RunStatus.FAILED;
import static io.runflow.model.RunStatus.QUEUED;
import static io.runflow.model.RunStatus.RUNNING;
import static io.runflow.model.RunStatus.SUCCEEDED;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.runflow.RunflowObserver.Wait;
import io.runflow.RunflowObserver.Wait.EndedBy;
import io.runflow.RunflowObserver.Wait.Outcome;
import io.runflow.model.Run;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookSigner;
import io.runflow.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wait events, on a manual clock and scheduler, so durations and poll counts are exact. */
class RunflowObserverTest {

    private static final String SECRET = "whsec_observer";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final InMemoryRunflowApi api = new InMemoryRunflowApi();
    private final List<Wait> waits = new CopyOnWriteArrayList<>();

    private final RunflowClient runflow = client(new RunflowObserver() {
        @Override
        public void onWait(Wait wait) {
            waits.add(wait);
        }
    });

    @AfterEach
    void close() {
        runflow.close();
    }

    @Test
    void reportsAWaitEndedByAVerifiedCallbackThroughTheWebhookEndpoint() {
        api.script("r1", QUEUED, RUNNING, RUNNING, RUNNING);
        CompletableFuture<Run> wait = runflow.runs().awaitAsync("r1");
        scheduler.runNext(); // the first poll, after 1 s: queued
        clock.advance(ofSeconds(2));
        WebhookEndpoint endpoint = WebhookEndpoint.builder()
                .verifier(WebhookVerifier.builder().secret(SECRET).build())
                .client(runflow)
                .build();
        byte[] body = "{\"event\":\"run.completed\",\"run_id\":\"r1\",\"status\":\"succeeded\"}"
                .getBytes(StandardCharsets.UTF_8);

        int status = endpoint.handle(
                        body,
                        Map.of("Runflow-Signature", WebhookSigner.of(SECRET).sign(body))::get)
                .status();

        assertThat(status).isEqualTo(200);
        assertThat(wait).isCompletedWithValueMatching(run -> run.status() == SUCCEEDED);
        assertThat(waits).containsExactly(new Wait("r1", Outcome.SUCCEEDED, EndedBy.CALLBACK, ofSeconds(3), 1));
    }

    @Test
    void reportsAWaitEndedByAPoll() {
        api.script("r1", QUEUED, RUNNING, SUCCEEDED);

        runflow.runs().awaitAsync("r1");
        scheduler.runAll(10);

        assertThat(waits).singleElement().satisfies(wait -> {
            assertThat(wait.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(wait.endedBy()).isEqualTo(EndedBy.POLL);
            assertThat(wait.polls()).isEqualTo(3);
        });
    }

    @Test
    void reportsAFailedRunSeenByAPoll() {
        api.script("r1", FAILED);

        runflow.runs().awaitAsync("r1");
        scheduler.runAll(10);

        assertThat(waits).extracting(Wait::outcome, Wait::endedBy).containsExactly(tuple(Outcome.FAILED, EndedBy.POLL));
    }

    @Test
    void reportsAWaitThatStartsFromAFinishedRunWithoutPolling() {
        runflow.runs().awaitAsync(InMemoryRunflowApi.run("r1", SUCCEEDED));

        assertThat(waits).containsExactly(new Wait("r1", Outcome.SUCCEEDED, EndedBy.KNOWN_STATE, Duration.ZERO, 0));
    }

    @Test
    void reportsATimeoutAtTheDeadline() {
        api.script("r1", RUNNING);

        runflow.runs().awaitAsync("r1", ofMinutes(1));
        scheduler.runAll(1_000);

        assertThat(waits).singleElement().satisfies(wait -> {
            assertThat(wait.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(wait.endedBy()).isEqualTo(EndedBy.DEADLINE);
            assertThat(wait.duration()).isEqualTo(ofMinutes(1));
        });
    }

    @Test
    void reportsAWaitTheCallerCancelled() {
        api.script("r1", RUNNING);

        runflow.runs().awaitAsync("r1").cancel(false);

        assertThat(waits)
                .extracting(Wait::outcome, Wait::endedBy)
                .containsExactly(tuple(Outcome.ABANDONED, EndedBy.CALLER));
    }

    @Test
    void reportsEachWaitOnceWhenACallbackAndAPollBothSeeTheEnd() {
        api.script("r1", SUCCEEDED);
        runflow.runs().awaitAsync("r1");

        scheduler.runAll(10);
        runflow.callbacks().accept(InMemoryRunflowApi.run("r1", SUCCEEDED));

        assertThat(waits).hasSize(1);
    }

    @Test
    void anObserverThatThrowsChangesNoWait() {
        api.script("r1", SUCCEEDED);
        try (RunflowClient throwing = client(new RunflowObserver() {
            @Override
            public void onWait(Wait wait) {
                throw new IllegalStateException("metrics backend down");
            }
        })) {
            CompletableFuture<Run> wait = throwing.runs().awaitAsync("r1");
            scheduler.runAll(10);

            assertThat(wait).isCompletedWithValueMatching(run -> run.status() == SUCCEEDED);
        }
    }

    @Test
    void defaultsToTheNoOpObserverAndRejectsNull() {
        assertThat(RunflowClient.builder()
                        .apiKey("k")
                        .transport(options -> api)
                        .build()
                        .options()
                        .observer())
                .isSameAs(RunflowObserver.noop());
        assertThatNullPointerException()
                .isThrownBy(() -> RunflowClient.builder().observer(null))
                .withMessage("observer");
        assertThat(RunflowObserver.failSafe(RunflowObserver.noop())).isSameAs(RunflowObserver.noop());
    }

    private RunflowClient client(RunflowObserver observer) {
        return RunflowClient.builder()
                .apiKey("rf_test_key")
                .transport(options -> api)
                .clock(clock)
                .scheduler(scheduler)
                .executor(Runnable::run)
                .pollPolicy(PollPolicy.builder().random(() -> 0.5).build())
                .observer(observer)
                .build();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
