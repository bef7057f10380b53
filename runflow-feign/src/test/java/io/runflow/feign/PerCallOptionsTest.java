package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.RunflowIoException;
import io.runflow.errors.ServerException;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import io.runflow.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code runflow.withOptions(..)} against the fake: what each setting does to the requests sent. */
class PerCallOptionsTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();

    RunflowClient runflow;

    @BeforeEach
    void start() {
        runflow = server.clientBuilder().build();
    }

    @AfterEach
    void reset() {
        runflow.close();
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<RecordedRequest> sent(String method, String pathPrefix) {
        return server.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .toList();
    }

    @Test
    void headerReachesTheFakeOnTheViewsCallsOnly() {
        Run run = runflow.withOptions(o -> o.header("X-Trace", "t1")).runs().create(FluxProUltra.input("a fox"));
        runflow.runs().get(run.id());

        assertThat(sent("POST", "/v1/models/"))
                .singleElement()
                .satisfies(r -> assertThat(r.header("X-Trace")).contains("t1"));
        assertThat(sent("GET", "/v1/runs/"))
                .singleElement()
                .satisfies(r -> assertThat(r.header("X-Trace")).isEmpty());
    }

    @Test
    void headerIsSentByAsyncCallsAndPollsOfTheView() {
        RunflowClient view = runflow.withOptions(o -> o.header("X-Trace", "t2"));

        Run run = view.runs().runAsync(FluxProUltra.input("a fox")).join();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(sent("GET", "/v1/runs/"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("X-Trace")).contains("t2"));
    }

    @Test
    void maxRetriesZeroDoesNotRetryA503() {
        server.inject(Fault.unavailable().onPath("/v1/runs/"));
        RunflowClient once = runflow.withOptions(o -> o.maxRetries(0));

        assertThatThrownBy(() -> once.runs().get("run_1")).isInstanceOf(ServerException.class);
        assertThat(sent("GET", "/v1/runs/")).hasSize(1);
    }

    @Test
    void maxRetriesOneRetriesOnce() {
        server.inject(Fault.unavailable().times(3).onPath("/v1/runs/"));

        assertThatThrownBy(
                        () -> runflow.withOptions(o -> o.maxRetries(1)).runs().get("run_1"))
                .isInstanceOf(ServerException.class);
        assertThat(sent("GET", "/v1/runs/")).hasSize(2);
    }

    @Test
    void theClientItselfStillRetriesByItsPolicy() {
        Run run = runflow.runs().create(FluxProUltra.input("a fox"));
        server.inject(Fault.unavailable().onPath("/v1/runs/"));

        assertThat(runflow.runs().get(run.id()).id()).isEqualTo(run.id());
        assertThat(sent("GET", "/v1/runs/")).hasSize(2);
    }

    @Test
    void idempotencyKeyOfTheViewIsSentAndMakesTwoCreatesOne() {
        RunflowClient keyed = runflow.withOptions(o -> o.idempotencyKey("order-42"));

        Run first = keyed.runs().create(FluxProUltra.input("a fox"));
        Run second = keyed.runs().create(FluxProUltra.input("a fox"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(sent("POST", "/v1/models/"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).contains("order-42"));
    }

    @Test
    void timeoutBoundsEachAttemptOfTheView() {
        server.inject(Fault.delay(Duration.ofMillis(1500)).onPath("/v1/runs/"));
        RunflowClient impatient =
                runflow.withOptions(o -> o.timeout(Duration.ofMillis(100)).maxRetries(0));

        // The read times out; on a loaded machine the connect can take the 100 ms first, and that
        // attempt is bounded the same way.
        assertThatThrownBy(() -> impatient.runs().get("run_1"))
                .isInstanceOf(RunflowIoException.class)
                .hasMessageMatching("GET /v1/runs/run_1: (connect )?timed out");
    }

    @Test
    void viewsCompose() {
        RunflowClient view = runflow.withOptions(o -> o.header("X-A", "a"))
                .withOptions(o -> o.header("X-B", "b").header("X-A", "a2"));

        view.runs().create(FluxProUltra.input("a fox"));

        RecordedRequest post = sent("POST", "/v1/models/").get(0);
        assertThat(post.header("X-A")).contains("a2");
        assertThat(post.header("X-B")).contains("b");
    }

    @Test
    void closingAViewLeavesTheClientWorking() {
        runflow.withOptions(o -> o.maxRetries(0)).close();

        assertThat(runflow.runs().create(FluxProUltra.input("a fox")).id()).isNotBlank();
    }
}
