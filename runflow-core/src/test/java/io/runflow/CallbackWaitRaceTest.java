package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.webhook.RunCallback;
import io.runflow.webhook.WebhookSigner;
import io.runflow.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Waits on 1,000 runs, each finished by a poll and a verified callback at about the same time: the
 * test makes the API report the run terminal and queues its callback for a deliverer thread, while
 * polls every millisecond read the same state. Whichever path wins, every wait must
 * complete exactly once, with the terminal run.
 */
class CallbackWaitRaceTest {

    private static final int RUNS = 1_000;
    private static final String SECRET = "whsec_race";

    @Test
    void completesEveryAwaitExactlyOnceWhenCallbackAndPollRace() throws Exception {
        InMemoryRunflowApi api = new InMemoryRunflowApi();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        ExecutorService deliverers = Executors.newFixedThreadPool(2);
        WebhookSigner signer = WebhookSigner.of(SECRET);
        WebhookVerifier verifier = WebhookVerifier.builder().secret(SECRET).build();
        PollPolicy everyMillisecond = PollPolicy.builder()
                .initialInterval(Duration.ofMillis(1))
                .maxInterval(Duration.ofMillis(1))
                .multiplier(1)
                .jitter(0)
                .timeout(Duration.ofMinutes(1))
                .build();
        try (RunflowClient runflow = RunflowClient.builder()
                .apiKey("test")
                .transport(options -> api)
                .scheduler(scheduler)
                .executor(pollers)
                .pollPolicy(everyMillisecond)
                .build()) {
            List<RunCallback> callbacks = new ArrayList<>();
            List<CompletableFuture<Run>> waits = new ArrayList<>();
            List<CompletableFuture<Run>> observed = new ArrayList<>();
            List<AtomicInteger> completions = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                String runId = "run-" + i;
                byte[] body = ("{\"event\":\"run.completed\",\"run_id\":\"" + runId + "\",\"status\":\"succeeded\"}")
                        .getBytes(StandardCharsets.UTF_8);
                callbacks.add((RunCallback) verifier.verify(body, signer.sign(body)));
                api.script(runId, RunStatus.RUNNING);
                CompletableFuture<Run> wait = runflow.runs().awaitAsync(runId);
                AtomicInteger count = new AtomicInteger();
                waits.add(wait);
                completions.add(count);
                // The returned stage completes after the action ran, so joining it sees the count.
                observed.add(wait.whenComplete((run, failure) -> count.incrementAndGet()));
            }

            AtomicInteger completedByCallbacks = new AtomicInteger();
            for (int i = 0; i < RUNS; i++) {
                RunCallback callback = callbacks.get(i);
                // Polls may see the run finished from here on; the callback follows through a queue.
                api.script(callback.runId(), RunStatus.SUCCEEDED);
                deliverers.execute(
                        () -> completedByCallbacks.addAndGet(runflow.callbacks().accept(callback.toRun())));
            }
            CompletableFuture.allOf(observed.toArray(new CompletableFuture<?>[0]))
                    .get(1, TimeUnit.MINUTES);
            deliverers.shutdown();
            assertThat(deliverers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

            int wonByCallback = 0;
            for (int i = 0; i < RUNS; i++) {
                assertThat(completions.get(i).get())
                        .as("completions of run-%d", i)
                        .isEqualTo(1);
                Run run = waits.get(i).join();
                assertThat(run.id()).isEqualTo("run-" + i);
                assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
                // A run from a callback carries the callback body as raw; a polled run has none.
                wonByCallback += !run.raw().path("event").isNull() ? 1 : 0;
            }
            // Each callback reports only the waits it completed itself, never one a poll completed.
            assertThat(completedByCallbacks.get()).isEqualTo(wonByCallback);
            assertThat(waits.stream().filter(wait -> wait.join().raw().isNull()))
                    .hasSize(RUNS - wonByCallback);
        } finally {
            deliverers.shutdownNow();
            scheduler.shutdownNow();
            pollers.shutdownNow();
        }
    }
}
