package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.model.Batch;
import io.runflow.model.ModelInput;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The blocking waits return what the wait ended with. They run on the client's own scheduler with a
 * first poll after 1 ms of real time: what is tested is the hand-over, not the poll timing.
 */
class BlockingAwaitTest {

    private final InMemoryRunflowApi api = new InMemoryRunflowApi();

    private final RunflowClient runflow = RunflowClient.builder()
            .apiKey("rf_test_key")
            .transport(options -> api)
            .pollPolicy(PollPolicy.builder()
                    .initialInterval(Duration.ofMillis(1))
                    .timeout(Duration.ofSeconds(30))
                    .build())
            .build();

    @AfterEach
    void close() {
        runflow.close();
    }

    private static Batch batch(String id, RunStatus status) {
        return Batch.builder()
                .id(id)
                .status(status)
                .statusCode(status.value())
                .targetType("model")
                .targetId("m/x")
                .itemsTotal(1)
                .itemsSucceeded(1)
                .itemsFailed(0)
                .itemsCancelled(0)
                .build();
    }

    @Test
    void awaitByIdReturnsTheFinishedRun() {
        api.script("r1", RunStatus.SUCCEEDED);

        assertThat(runflow.runs().await("r1").status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runflow.runs().await("r1", Duration.ofSeconds(5)).id()).isEqualTo("r1");
    }

    @Test
    void awaitFromAKnownStateReportsTheStatusesOnTheWay() {
        api.script("r1", RunStatus.RUNNING, RunStatus.SUCCEEDED);
        List<RunStatus> seen = new ArrayList<>();

        Run run = runflow.runs().await(InMemoryRunflowApi.run("r1", RunStatus.QUEUED), r -> seen.add(r.status()));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(seen).contains(RunStatus.SUCCEEDED);
    }

    @Test
    void runCreatesAndReturnsTheFinishedRun() {
        Run run = runflow.runs().run(RunRequest.of("a/b", Map.of("prompt", "p")));
        ModelInput input = () -> RunRequest.of("a/c", Map.of("prompt", "p"));
        Run typed = runflow.runs().run(input);

        assertThat(run.id()).isEqualTo("run-1");
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(typed.id()).isEqualTo("run-2");
        assertThat(typed.status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void awaitOfABatchByIdReturnsTheFinishedBatch() {
        api.scriptBatch("b1", batch("b1", RunStatus.SUCCEEDED));

        assertThat(runflow.batches().await("b1").status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runflow.batches().await("b1", Duration.ofSeconds(5)).id()).isEqualTo("b1");
    }
}
