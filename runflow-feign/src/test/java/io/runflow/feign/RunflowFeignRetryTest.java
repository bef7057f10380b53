package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runflow.Sleeper;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.RunflowIoException;
import io.runflow.errors.ServerException;
import io.runflow.errors.UnprocessableEntityException;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import io.runflow.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunflowFeignRetryTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();
    final FeignTests.RecordingSleeper sleeper = new FeignTests.RecordingSleeper();
    RunflowFeign api;
    String runId;

    @BeforeEach
    void start() {
        api = RunflowFeign.create(FeignTests.options(server, sleeper));
        runId = api.createRun(FluxProUltra.input("retry").toRequest().withIdempotencyKey("setup"))
                .id();
    }

    @AfterEach
    void reset() {
        api.close();
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<RecordedRequest> gets(String path) {
        return server.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals(path))
                .toList();
    }

    @Test
    void rateLimitedOnceThenSucceeds() {
        server.inject(Fault.rateLimited().onPath("/v1/runs/"));

        Run run = api.getRun(runId);

        assertThat(run.id()).isEqualTo(runId);
        assertThat(gets("/v1/runs/" + runId)).hasSize(2);
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void unavailableTwiceThenSucceeds() {
        server.inject(Fault.unavailable().times(2).onPath("/v1/runs/"));

        Run run = api.getRun(runId);

        assertThat(run.id()).isEqualTo(runId);
        assertThat(gets("/v1/runs/" + runId)).hasSize(3);
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void fiveUnavailableAnswersGiveTheServerExceptionAfterExactlyFiveAttempts() {
        server.inject(Fault.unavailable().times(6).onPath("/v1/runs/"));

        ServerException e = catchThrowableOfType(ServerException.class, () -> api.getRun(runId));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(gets("/v1/runs/" + runId)).hasSize(5);
        assertThat(sleeper.slept)
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void validationErrorIsNotRetried() {
        server.inject(Fault.status(422).times(2).onPath("/v1/runs/"));

        UnprocessableEntityException e =
                catchThrowableOfType(UnprocessableEntityException.class, () -> api.getRun(runId));

        assertThat(e.status()).isEqualTo(422);
        assertThat(gets("/v1/runs/" + runId)).hasSize(1);
        assertThat(sleeper.slept).isEmpty();
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        for (int status : new int[] {400, 401, 402, 403, 404, 409}) {
            server.inject(Fault.status(status).onPath("/v1/health"));
            catchThrowableOfType(io.runflow.errors.RunflowApiException.class, api::health);
        }

        assertThat(gets("/v1/health")).hasSize(6);
        assertThat(sleeper.slept).isEmpty();
    }

    @Test
    void retryAfterIsHonoured() {
        server.inject(Fault.rateLimited().header("Retry-After", "3").onPath("/v1/runs/"));

        api.getRun(runId);

        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void acceptThenDropOnCreateLeavesExactlyOneRunAndReturnsIt() {
        server.reset();
        server.inject(Fault.acceptThenDrop().onPath("/v1/models/"));

        Run run = api.createRun(FluxProUltra.input("dropped").toRequest().withIdempotencyKey("once"));

        assertThat(server.runs()).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(run.id());
            assertThat(stored.idempotencyKey()).isEqualTo("once");
        });
        List<RecordedRequest> creates = server.requests().stream()
                .filter(r -> r.method().equals("POST"))
                .toList();
        assertThat(creates).hasSize(2);
        assertThat(creates)
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).contains("once"));
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void createIsRetriedOnUnavailableWithTheSameKey() {
        server.reset();
        server.inject(Fault.unavailable().onPath("/v1/models/"));

        Run run = api.createRun(FeignTests.keyed(FluxProUltra.input("again").toRequest()));

        List<RecordedRequest> creates = server.requests();
        assertThat(creates).hasSize(2);
        assertThat(creates.get(0).header("Idempotency-Key"))
                .isPresent()
                .isEqualTo(creates.get(1).header("Idempotency-Key"));
        assertThat(server.runs()).singleElement().extracting(r -> r.id()).isEqualTo(run.id());
    }

    @Test
    void droppedConnectionIsRetried() {
        server.reset();
        server.inject(Fault.connectionReset().onPath("/v1/models/"));

        Run run = api.createRun(FluxProUltra.input("reset").toRequest().withIdempotencyKey("reset"));

        assertThat(server.runs()).singleElement().extracting(r -> r.id()).isEqualTo(run.id());
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void interruptedRetryWaitStopsWithAnIoException() {
        Sleeper interrupting = duration -> {
            throw new InterruptedException();
        };
        server.inject(Fault.unavailable().onPath("/v1/runs/"));
        try (RunflowFeign client = RunflowFeign.create(FeignTests.options(server, interrupting))) {
            RunflowIoException e = catchThrowableOfType(RunflowIoException.class, () -> client.getRun(runId));

            assertThat(e.getMessage()).isEqualTo("GET /v1/runs/{id}: interrupted while waiting to retry");
            assertThat(e.getSuppressed()).singleElement().isInstanceOf(ServerException.class);
            assertThat(Thread.interrupted()).isTrue();
        }
    }
}
