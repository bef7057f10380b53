package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runflow.HealthCheck;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.PermissionDeniedException;
import io.runflow.model.ListQuery;
import io.runflow.model.OutputFile;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import io.runflow.testkit.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract as Runflow's 2026-12 pages show it, through Feign against the fake. */
class ContractRefreshTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();
    static final RunflowClient runflow = server.clientBuilder().build();

    @TempDir
    Path dir;

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
    void aSucceededRunReadByIdHasNoFailureFieldsAndEmbedsItsLogs() {
        Run done = runflow.runs().run(FluxProUltra.input("a garden"));

        Run read = runflow.runs().get(done.id());

        assertThat(read.failure()).isNull();
        assertThat(read.raw().asMap()).doesNotContainKey("failure_code");
        assertThat(read.hasLogs()).isTrue();
        assertThat(read.logs()).extracting(l -> l.message()).contains("run queued", "run succeeded");
        assertThat(read.logs()).allSatisfy(l -> assertThat(l.runId()).isEqualTo(done.id()));
        assertThat(read.nodesTotal()).isEqualTo(1);
        assertThat(read.nodesCompleted()).isEqualTo(1);
        assertThat(read.hasNodeRuns()).isTrue();
    }

    @Test
    void aFailedRunReadByIdKeepsItsFailure() {
        server.onNextRun(Outcome.fail("INPUT_VALIDATION_FAILED", "preprocess", "image too large"));
        Run created = runflow.runs().create(FluxProUltra.input("too big"));
        server.advance(Duration.ofMinutes(1));

        Run read = runflow.runs().get(created.id());

        assertThat(read.failure().code()).isEqualTo("INPUT_VALIDATION_FAILED");
        assertThat(read.failure().stage()).isEqualTo("preprocess");
    }

    @Test
    void listItemsCarryClientRefAndKeepFeedbackAndEvaluationReachable() {
        runflow.runs().create(FluxProUltra.input("listed").toRequest().withClientRef("order-1"));

        Run item = runflow.runs().list(ListQuery.all()).stream().findFirst().orElseThrow();

        assertThat(item.clientRef()).isEqualTo("order-1");
        assertThat(item.raw().asMap())
                .containsEntry("feedback_is_positive", null)
                .containsEntry("feedback_reason", null)
                .containsEntry("current_evaluation_summary", null);
    }

    @Test
    void aListProjectionWithoutIdStillReads() {
        runflow.runs().create(FluxProUltra.input("projected"));

        List<Run> items = runflow
                .runs()
                .list(ListQuery.builder().fields("status_code,client_ref").build())
                .stream()
                .toList();

        assertThat(items).hasSize(1);
        assertThat(items.get(0).id()).isNull();
        assertThat(items.get(0).status()).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void aSyncModeOutputIsADataUriThatDownloadsWithoutARequest() throws IOException {
        RunRequest request = FluxProUltra.input("inline").toRequest();
        Map<String, Object> input =
                new java.util.LinkedHashMap<>(request.input().asMap());
        input.put("sync_mode", true);
        Run run = runflow.runs().run(RunRequest.of(request.modelId(), input));
        OutputFile file = run.output().outputs().get(0);
        int requestsBefore = server.requests().size();

        Path written = runflow.download(file, dir);

        assertThat(file.isDataUri()).isTrue();
        assertThat(file.contentType()).isEqualTo("image/jpeg");
        assertThat(file.toString()).contains("data:image/jpeg;base64,...").doesNotContain("/9j/");
        assertThat(written).isEqualTo(dir.resolve("output.jpg"));
        byte[] bytes = Files.readAllBytes(written);
        assertThat(bytes[0]).isEqualTo((byte) 0xFF);
        assertThat(bytes[1]).isEqualTo((byte) 0xD8);
        assertThat(server.requests()).hasSize(requestsBefore);
    }

    @Test
    void aUrlOutputSaysItIsNotADataUri() {
        Run run = runflow.runs().run(FluxProUltra.input("by url"));

        assertThat(run.output().outputs().get(0).isDataUri()).isFalse();
    }

    @Test
    void aHealthBodyWithStatusOkIsHealthy() {
        server.inject(Fault.status(200).body("{\"status\":\"ok\",\"version\":\"1.2.3\"}"));

        io.runflow.model.Health health = runflow.health();

        assertThat(health.ok()).isTrue();
        assertThat(health.status()).contains("ok");
    }

    @Test
    void aHealthBodyWithOkTrueIsHealthy() {
        assertThat(runflow.health().ok()).isTrue();
        assertThat(runflow.health().status()).isEmpty();
    }

    @Test
    void aHealthBodyWithAnotherStatusIsDown() {
        server.inject(Fault.status(200).body("{\"status\":\"degraded\"}"));

        HealthCheck.Result result = HealthCheck.builder(runflow).build().check();

        assertThat(result.up()).isFalse();
        assertThat(result.error()).isEqualTo("the API reports itself not ok");
    }

    @Test
    void aPermissionDeniedNamesTheScopeTheEndpointNeeds() {
        server.inject(
                Fault.status(403).body("{\"code\":\"PERMISSION_DENIED\",\"message\":\"Insufficient permissions\"}"));

        PermissionDeniedException e = catchThrowableOfType(
                PermissionDeniedException.class, () -> runflow.runs().create(FluxProUltra.input("no scope")));

        assertThat(e.getMessage())
                .startsWith("403 PERMISSION_DENIED: Insufficient permissions (the API key likely lacks the scope"
                        + " runs:create that POST /v1/models/{model}/runs needs)");
    }

    @Test
    void eachEndpointNamesItsOwnScope() {
        server.inject(
                Fault.status(403).body("{\"code\":\"PERMISSION_DENIED\",\"message\":\"Insufficient permissions\"}"));

        PermissionDeniedException e = catchThrowableOfType(
                PermissionDeniedException.class, () -> runflow.account().balance());

        assertThat(e.getMessage()).contains("lacks the scope credit_balance:read that GET /v1/billing/balance needs");
    }

    @Test
    void anotherForbiddenReasonNamesNoScope() {
        server.inject(
                Fault.status(403).body("{\"code\":\"EMAIL_NOT_VERIFIED\",\"message\":\"Verify your email first\"}"));

        PermissionDeniedException e = catchThrowableOfType(
                PermissionDeniedException.class, () -> runflow.runs().create(FluxProUltra.input("unverified")));

        assertThat(e.getMessage())
                .startsWith("403 EMAIL_NOT_VERIFIED: Verify your email first")
                .doesNotContain("scope");
    }
}
