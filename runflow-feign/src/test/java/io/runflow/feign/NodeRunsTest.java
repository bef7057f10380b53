package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runflow.RunflowClient;
import io.runflow.Runs;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.NotFoundException;
import io.runflow.model.ListQuery;
import io.runflow.model.NodeRun;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Node runs ({@code /v1/runs/{run_id}/node-runs}) through Feign against the fake. */
class NodeRunsTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();
    static final RunflowClient runflow = server.clientBuilder().build();

    @AfterEach
    void reset() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        runflow.close();
        server.close();
    }

    @Test
    void aQueuedRunHasNoNodeRunsYet() {
        Run created = runflow.runs().create(FluxProUltra.input("queued"));

        assertThat(created.hasNodeRuns()).isFalse();
        assertThat(created.nodesTotal()).isEqualTo(1);
        assertThat(created.nodesCompleted()).isZero();
        assertThat(runflow.runs().nodeRuns(created.id()).stream()).isEmpty();
    }

    @Test
    void aFinishedRunHasOneNodeRunThatFollowsIt() {
        Run run = runflow.runs().run(FluxProUltra.input("a garden"));

        List<NodeRun> nodes = runflow.runs().nodeRuns(run.id()).stream().toList();

        assertThat(run.hasNodeRuns()).isTrue();
        assertThat(nodes).hasSize(1);
        NodeRun node = nodes.get(0);
        assertThat(node.runId()).isEqualTo(run.id());
        assertThat(node.state()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(node.stateCode()).isEqualTo("succeeded");
        assertThat(node.cost()).isEqualByComparingTo(run.cost());
        assertThat(node.previewType()).isEqualTo("image");
        assertThat(node.previewValue()).isEqualTo(run.output().outputs().get(0).url());
        assertThat(node.retryCount()).isZero();
        assertThat(node.input().path("prompt").asString()).contains("a garden");
        assertThat(runflow.runs().nodeRun(run.id(), node.id())).isEqualTo(node);
    }

    @Test
    void aFailedNodeRunCarriesTheErrorMessage() {
        server.onNextRun(Outcome.fail("PROVIDER_ERROR", "inference", "the provider fell over"));
        Run created = runflow.runs().create(FluxProUltra.input("doomed"));
        server.advance(Duration.ofMinutes(1));

        NodeRun node =
                runflow.runs().nodeRuns(created.id()).stream().findFirst().orElseThrow();

        assertThat(node.state()).isEqualTo(RunStatus.FAILED);
        assertThat(node.errorMessage()).isEqualTo("the provider fell over");
        assertThat(node.cost()).isNull();
    }

    @Test
    void anySpansEveryRunAndPagesAreFollowed() {
        for (int i = 0; i < 3; i++) {
            runflow.runs().run(FluxProUltra.input("run " + i));
        }

        List<NodeRun> all = runflow
                .runs()
                .nodeRuns(Runs.ANY, ListQuery.builder().limit(2).build())
                .stream()
                .toList();

        assertThat(all).hasSize(3);
        assertThat(all).extracting(NodeRun::runId).doesNotHaveDuplicates();
        assertThat(server.requests().stream()
                        .filter(r -> r.path().startsWith("/v1/runs/any/node-runs"))
                        .count())
                .isEqualTo(2);
        NodeRun first = all.get(0);
        assertThat(runflow.runs().nodeRun(Runs.ANY, first.id())).isEqualTo(first);
    }

    @Test
    void anUnknownNodeRunIsNotFound() {
        Run run = runflow.runs().run(FluxProUltra.input("there"));

        NotFoundException e = catchThrowableOfType(
                NotFoundException.class, () -> runflow.runs().nodeRun(run.id(), "nope"));

        assertThat(e.code()).isEqualTo("NODE_RUN_NOT_FOUND");
    }

    @Test
    void theNodeRunsOfAnUnknownRunAreNotFound() {
        NotFoundException e = catchThrowableOfType(
                NotFoundException.class,
                () -> runflow.runs().nodeRuns("missing").firstPage());

        assertThat(e.code()).isEqualTo("RUN_NOT_FOUND");
    }
}
