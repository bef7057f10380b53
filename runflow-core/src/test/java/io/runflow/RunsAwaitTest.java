package io.runflow;

import static io.runflow.model.RunStatus.CANCELED;
import static io.runflow.model.RunStatus.FAILED;
import static io.runflow.model.RunStatus.PARTIAL_SUCCEEDED;
import static io.runflow.model.RunStatus.QUEUED;
import static io.runflow.model.RunStatus.RUNNING;
import static io.runflow.model.RunStatus.SUCCEEDED;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.NotFoundException;
import io.runflow.errors.RunCanceledException;
import io.runflow.errors.RunFailedException;
import io.runflow.errors.RunTimeoutException;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import io.runflow.errors.ServerException;
import io.runflow.model.ApiError;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunsAwaitTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final InMemoryRunflowApi api = new InMemoryRunflowApi();
    /** No jitter (random 0.5 is the middle of the ±10 % band) so intervals are exact. */
    private final PollPolicy policy = PollPolicy.builder().random(() -> 0.5).build();

    private final RunflowClient runflow = RunflowClient.builder()
            .apiKey("rf_test_key")
            .transport(options -> api)
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .pollPolicy(policy)
            .build();

    @AfterEach
    void close() {
        runflow.close();
    }

    @Test
    void awaitReturnsTheSucceededRunAfterPollingWithGrowingIntervals() {
        api.script("r1", QUEUED, QUEUED, QUEUED, RUNNING, RUNNING, SUCCEEDED);

        CompletableFuture<Run> wait = runflow.runs().awaitAsync("r1");
        scheduler.runAll(100);

        assertThat(wait).isCompletedWithValueMatching(run -> run.status() == SUCCEEDED);
        assertThat(api.gets("r1")).isEqualTo(6);
        // first poll 1 s; queued seen twice more: ×1.5 each; running resets to 1 s, then ×1.5.
        // the first poll, the deadline (5 minutes), then the other polls
        assertThat(scheduler.delays())
                .containsExactly(
                        ofSeconds(1),
                        ofMinutes(5),
                        ofSeconds(1),
                        ofMillis(1500),
                        ofMillis(2250),
                        ofSeconds(1),
                        ofMillis(1500));
    }

    @Test
    void intervalsStopGrowingAtTheCap() {
        api.script("r1", QUEUED, QUEUED, QUEUED, QUEUED, QUEUED, QUEUED, QUEUED, SUCCEEDED);

        CompletableFuture<Run> wait = runflow.runs().awaitAsync("r1");
        scheduler.runAll(100);

        assertThat(wait).isCompleted();
        assertThat(scheduler.delays())
                .containsExactly(
                        ofSeconds(1),
                        ofMinutes(5),
                        ofSeconds(1),
                        ofMillis(1500),
                        ofMillis(2250),
                        ofMillis(3375),
                        ofSeconds(5),
                        ofSeconds(5),
                        ofSeconds(5));
    }

    @Test
    void partialSuccessEndsTheWaitAsASuccess() {
        api.script("r1", RUNNING, PARTIAL_SUCCEEDED);

        assertThat(awaitNow("r1").status()).isEqualTo(PARTIAL_SUCCEEDED);
    }

    @Test
    void failedRunThrowsRunFailedExceptionWithTheRunAndItsFailure() {
        api.script("r1", RUNNING, FAILED);

        assertThatThrownBy(() -> awaitNow("r1"))
                .isInstanceOf(RunFailedException.class)
                .hasMessage("run r1 failed: INPUT_VALIDATION_FAILED at preprocess: bad input")
                .satisfies(
                        e -> assertThat(((RunFailedException) e).run().status()).isEqualTo(FAILED));
    }

    @Test
    void canceledRunThrowsRunCanceledException() {
        api.script("r1", QUEUED, CANCELED);

        assertThatThrownBy(() -> awaitNow("r1"))
                .isInstanceOf(RunCanceledException.class)
                .hasMessage("run r1 was canceled");
    }

    @Test
    void theCancelledSpellingAlsoEndsTheWaitAsCanceled() {
        api.script("r1", () -> InMemoryRunflowApi.run("r1", RunStatus.from("cancelled"), "cancelled"));

        assertThatThrownBy(() -> awaitNow("r1")).isInstanceOf(RunCanceledException.class);
    }

    @Test
    void waitTimesOutAtTheDeadlineWithTheLastRunAndNeverPollsPastIt() {
        api.script("r1", QUEUED);

        CompletableFuture<Run> wait = runflow.runs().awaitAsync("r1", ofSeconds(10));
        scheduler.runAll(100);

        assertThat(wait).isCompletedExceptionally();
        assertThatThrownBy(wait::get)
                .cause()
                .isInstanceOf(RunTimeoutException.class)
                .hasMessage("run r1 did not finish within PT10S; last status was 'queued'");
        // 1 + 1 + 1.5 + 2.25 = 5.75 s, then 3.375 s = 9.125 s, then cut to the 0.875 s left.
        assertThat(scheduler.delays())
                .containsExactly(
                        ofSeconds(1),
                        ofSeconds(10),
                        ofSeconds(1),
                        ofMillis(1500),
                        ofMillis(2250),
                        ofMillis(3375),
                        ofMillis(875));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-05-06T10:00:10Z"));
    }

    @Test
    void unknownStatusKeepsPollingUntilTheDeadlineAndTheTimeoutNamesIt() {
        api.script("r1", () -> InMemoryRunflowApi.run("r1", RunStatus.UNKNOWN, "errored"));

        CompletableFuture<Run> wait = runflow.runs().awaitAsync("r1", ofSeconds(3));
        scheduler.runAll(100);

        assertThatThrownBy(wait::get)
                .cause()
                .isInstanceOf(RunTimeoutException.class)
                .hasMessage("run r1 did not finish within PT3S; last status 'errored' is not one this SDK knows"
                        + " (upgrade runflow-java?)");
        // polls at 1 s and 2.5 s; the one cut to end on the deadline gives way to the deadline itself
        assertThat(api.gets("r1")).isEqualTo(2);
    }

    @Test
    void awaitOnATerminalRunReturnsWithoutPolling() {
        Run done = InMemoryRunflowApi.run("r1", SUCCEEDED);

        assertThat(runflow.runs().await(done)).isSameAs(done);
        assertThat(scheduler.delays()).isEmpty();
    }

    @Test
    void cancellingTheFutureStopsPolling() {
        api.script("r1", QUEUED);

        CompletableFuture<Run> wait = runflow.runs().awaitAsync("r1");
        scheduler.runNext();
        scheduler.runNext();
        wait.cancel(false);

        assertThat(scheduler.pending()).isZero();
        assertThat(scheduler.runAll(100)).isZero();
        assertThat(api.gets("r1")).isEqualTo(2);
    }

    @Test
    void aServerErrorWhilePollingIsOutlastedUntilTheNextPoll() {
        ServerException outage = new ServerException(503, new ApiError("UNAVAILABLE", "down", List.of()), null, "503");
        api.script(
                "r1",
                () -> InMemoryRunflowApi.run("r1", QUEUED),
                () -> {
                    throw outage;
                },
                () -> InMemoryRunflowApi.run("r1", SUCCEEDED));

        assertThat(awaitNow("r1").status()).isEqualTo(SUCCEEDED);
    }

    @Test
    void aClientErrorWhilePollingEndsTheWaitWithThatError() {
        CompletableFuture<Run> wait = runflow.runs().awaitAsync("missing");
        scheduler.runAll(100);

        assertThatThrownBy(wait::get).cause().isInstanceOf(NotFoundException.class);
        assertThat(api.gets("missing")).isEqualTo(1);
    }

    @Test
    void runCreatesThenWaits() throws Exception {
        CompletableFuture<Run> run =
                runflow.runs().runAsync(FluxProUltra.input("a fox").seed(7));
        scheduler.runAll(100);

        assertThat(run.get().status()).isEqualTo(SUCCEEDED);
        assertThat(api.creates()).hasSize(1);
        assertThat(api.creates()
                        .get(0)
                        .input()
                        .path("seed")
                        .asNumber()
                        .orElseThrow()
                        .longValue())
                .isEqualTo(7);
    }

    @Test
    void eachCreateCallGetsItsOwnIdempotencyKeyUnlessOneIsGiven() {
        runflow.runs().create(FluxProUltra.input("a fox"));
        runflow.runs().create(FluxProUltra.input("a fox"));
        runflow.runs().create(FluxProUltra.input("a fox").toRequest().withIdempotencyKey("order-1"));

        List<String> keys =
                api.creates().stream().map(request -> request.idempotencyKey()).toList();
        assertThat(keys.get(0)).isNotNull().isNotEqualTo(keys.get(1));
        assertThat(keys.get(2)).isEqualTo("order-1");
    }

    @Test
    void aCallbackCompletesEveryPendingWaitOnItsRunAtOnce() {
        api.script("r1", QUEUED);
        CompletableFuture<Run> first = runflow.runs().awaitAsync("r1");
        CompletableFuture<Run> second = runflow.runs().awaitAsync("r1");
        assertThat(runflow.callbacks().pendingWaits()).isEqualTo(2);

        int completed = runflow.callbacks().accept(InMemoryRunflowApi.run("r1", SUCCEEDED));

        assertThat(completed).isEqualTo(2);
        assertThat(first).isCompletedWithValueMatching(run -> run.status() == SUCCEEDED);
        assertThat(second).isCompleted();
        assertThat(runflow.callbacks().pendingWaits()).isZero();
        assertThat(scheduler.pending()).isZero();
        assertThat(api.gets("r1")).isZero();
    }

    @Test
    void aNonTerminalCallbackStateCompletesNothing() {
        api.script("r1", QUEUED);
        CompletableFuture<Run> wait = runflow.runs().awaitAsync("r1");

        assertThat(runflow.callbacks().accept(InMemoryRunflowApi.run("r1", RUNNING)))
                .isZero();
        assertThat(wait).isNotDone();
    }

    @Test
    void blockingAwaitRethrowsTheSdkExceptionItself() {
        api.script("r1", FAILED);
        CompletableFuture<Run> wait = runflow.runs().awaitAsync("r1");
        scheduler.runAll(10);

        assertThatThrownBy(() -> Calls.join(wait)).isInstanceOf(RunFailedException.class);
        assertThatThrownBy(wait::get).isInstanceOf(ExecutionException.class);
    }

    @Test
    void theListenerSeesEachNewStatusOnceTheTerminalOneIncluded() {
        api.script("r1", QUEUED, QUEUED, RUNNING, RUNNING, SUCCEEDED);
        List<RunStatus> seen = new java.util.ArrayList<>();

        CompletableFuture<Run> wait =
                runflow.runs().awaitAsync(InMemoryRunflowApi.run("r1", QUEUED), run -> seen.add(run.status()));
        scheduler.runAll(100);

        assertThat(wait).isCompleted();
        assertThat(seen).containsExactly(QUEUED, RUNNING, SUCCEEDED);
    }

    @Test
    void aListenerThatThrowsFailsTheWaitWithItsException() {
        api.script("r1", RUNNING);
        IllegalStateException boom = new IllegalStateException("boom");

        CompletableFuture<Run> wait = runflow.runs().awaitAsync(InMemoryRunflowApi.run("r1", QUEUED), run -> {
            if (run.status() == RUNNING) {
                throw boom;
            }
        });
        scheduler.runAll(100);

        assertThatThrownBy(wait::get).cause().isSameAs(boom);
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aSlowPollDoesNotHoldTheWaitPastItsDeadline() {
        List<Runnable> inFlight = new java.util.ArrayList<>();
        RunflowClient stuck = RunflowClient.builder()
                .apiKey("rf_test_key")
                .transport(options -> api)
                .clock(clock)
                .scheduler(scheduler)
                .executor(inFlight::add) // polls start and never return
                .pollPolicy(policy)
                .build();
        api.script("r1", QUEUED);

        CompletableFuture<Run> known = stuck.runs().awaitAsync(InMemoryRunflowApi.run("r1", QUEUED));
        CompletableFuture<Run> unknown = stuck.runs().awaitAsync("r1", ofSeconds(3));
        scheduler.runAll(100);

        assertThat(inFlight).hasSize(2);
        assertThat(unknown).isCompletedExceptionally();
        assertThat(known).isCompletedExceptionally();
        assertThatThrownBy(unknown::get)
                .cause()
                .isInstanceOf(RunflowIoException.class)
                .hasMessage("no answer about run r1 within PT3S");
        assertThatThrownBy(known::get)
                .cause()
                .isInstanceOf(RunTimeoutException.class)
                .hasMessage("run r1 did not finish within PT5M; last status was 'queued'");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-05-06T10:05:00Z"));
        stuck.close();
    }

    @Test
    void closingTheClientEndsEveryPendingWait() {
        api.script("r1", QUEUED);
        CompletableFuture<Run> wait = runflow.runs().awaitAsync("r1");
        scheduler.runNext();

        runflow.close();

        assertThat(wait).isCompletedExceptionally();
        assertThatThrownBy(wait::get)
                .cause()
                .isExactlyInstanceOf(RunflowException.class)
                .hasMessage("the client was closed while waiting for run r1");
        assertThat(runflow.callbacks().pendingWaits()).isZero();
    }

    @Test
    void anErrorThrownByTheTransportStillEndsTheWait() {
        AssertionError broken = new AssertionError("transport bug");
        api.script("r1", () -> {
            throw broken;
        });

        CompletableFuture<Run> wait = runflow.runs().awaitAsync("r1");
        scheduler.runAll(10);

        assertThatThrownBy(wait::get).cause().isSameAs(broken);
    }

    @Test
    void aRunHandedToEveryWaitCannotBeChangedByOneOfThem() throws Exception {
        api.script("r1", QUEUED);
        CompletableFuture<Run> first = runflow.runs().awaitAsync("r1");
        CompletableFuture<Run> second = runflow.runs().awaitAsync("r1");
        Run done = io.runflow.internal.json.RunflowJson.mapper()
                .readValue("{\"id\":\"r1\",\"status_code\":\"succeeded\",\"metadata\":{\"order\":\"A-1\"}}", Run.class);
        runflow.callbacks().accept(done);

        assertThat(first.join().metadata()).isSameAs(second.join().metadata());
        assertThat(second.join().metadata().path("order").asString().orElseThrow())
                .isEqualTo("A-1");
    }

    @Test
    void runIdsAreChecked() {
        assertThatThrownBy(() -> runflow.runs().get(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("runId must be a run id such as the one create returned, got \" \"");
        assertThatThrownBy(() -> runflow.runs().get("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancelReasonMustBeThreeToFiveHundredCharacters() {
        assertThatThrownBy(() -> runflow.runs().cancel("r1", "no"))
                .hasMessage("reason must be 3 to 500 characters, got 2");
        assertThatThrownBy(() -> runflow.runs().cancel("r1", "x".repeat(501)))
                .hasMessage("reason must be 3 to 500 characters, got 501");
        assertThatThrownBy(() -> runflow.runs().cancel("r1", "  ab  "))
                .hasMessage("reason must be 3 to 500 characters, got 2");
        assertThat(runflow.runs().cancel("r1", "duplicate order").status()).isEqualTo(CANCELED);
    }

    private Run awaitNow(String runId) {
        CompletableFuture<Run> wait = runflow.runs().awaitAsync(runId);
        scheduler.runAll(1000);
        assertThat(wait).isDone();
        return Calls.join(wait);
    }
}
