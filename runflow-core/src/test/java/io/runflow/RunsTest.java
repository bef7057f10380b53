package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.model.CallbackDelivery;
import io.runflow.model.ListQuery;
import io.runflow.model.ModelInput;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunLog;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import io.runflow.model.RunStatusDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runs facade outside waiting: what it sends to the API and what it checks before. */
class RunsTest {

    private static final Map<String, Object> INPUT = Map.of("prompt", "a fox");

    private final InMemoryRunflowApi memory = new InMemoryRunflowApi();
    private final List<String> calls = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    private final RunflowApi api = new DelegatingApi(memory) {
        @Override
        public Page<RunLog> listRunLogs(String runId, ListQuery query) {
            calls.add("logs " + runId + " " + query.cursor());
            RunLog log = RunLog.builder()
                    .id("log_" + (query.cursor() == null ? 1 : 2))
                    .runId(runId)
                    .level("info")
                    .message("m")
                    .build();
            return new Page<>(List.of(log), null, query.cursor() == null ? "c2" : null, null);
        }

        @Override
        public List<RunStatusDefinition> listRunStatuses() {
            calls.add("statuses");
            return List.of(new RunStatusDefinition("queued", RunStatus.QUEUED, false, null, null));
        }

        @Override
        public List<CallbackDelivery> listCallbackDeliveries(String runId) {
            calls.add("deliveries " + runId);
            return List.of(CallbackDelivery.builder()
                    .id("cd_0")
                    .runId(runId)
                    .automatic(true)
                    .attemptCount(1)
                    .maxAttempts(5)
                    .build());
        }

        @Override
        public CallbackDelivery redeliverCallback(String runId, String idempotencyKey) {
            calls.add("redeliver " + runId);
            keys.add(idempotencyKey);
            return CallbackDelivery.builder()
                    .id("cd_1")
                    .runId(runId)
                    .automatic(false)
                    .attemptCount(0)
                    .maxAttempts(0)
                    .build();
        }

        @Override
        public Run cancelRun(String runId, String reason, String idempotencyKey) {
            calls.add("cancel " + runId + " " + reason);
            keys.add(idempotencyKey);
            return super.cancelRun(runId, reason, idempotencyKey);
        }
    };

    private final RunflowClient runflow = RunflowClient.builder()
            .apiKey("rf_test_key")
            .transport(options -> api)
            .executor(Runnable::run)
            .build();

    @AfterEach
    void close() {
        runflow.close();
    }

    @Test
    void createGeneratesAFreshIdempotencyKeyPerCall() {
        runflow.runs().create(RunRequest.of("a/b", INPUT));
        runflow.runs().create(RunRequest.of("a/b", INPUT));

        assertThat(memory.creates()).extracting(RunRequest::idempotencyKey).doesNotContainNull();
        assertThat(memory.creates().get(0).idempotencyKey())
                .isNotEqualTo(memory.creates().get(1).idempotencyKey());
    }

    @Test
    void createKeepsAGivenIdempotencyKey() {
        Run run = runflow.runs().create(RunRequest.of("a/b", INPUT).withIdempotencyKey("mine"));

        assertThat(run.id()).isEqualTo("run-1");
        assertThat(memory.creates()).extracting(RunRequest::idempotencyKey).containsExactly("mine");
    }

    @Test
    void createFromATypedInputSendsItsRequest() {
        ModelInput input = () -> RunRequest.of("owner/fox", INPUT);

        assertThat(runflow.runs().create(input).id()).isEqualTo("run-1");

        assertThat(memory.creates()).extracting(RunRequest::modelId).containsExactly("owner/fox");
        assertThatThrownBy(() -> runflow.runs().create((ModelInput) null)).hasMessage("input");
        assertThatThrownBy(() -> runflow.runs().create((RunRequest) null)).hasMessage("request");
    }

    @Test
    void createAsyncAndGetAsyncComplete() {
        CompletableFuture<Run> created = runflow.runs().createAsync(RunRequest.of("a/b", INPUT));
        assertThat(created).isCompletedWithValueMatching(run -> run.id().equals("run-1"));

        memory.script("r1", RunStatus.RUNNING);
        assertThat(runflow.runs().getAsync("r1"))
                .isCompletedWithValueMatching(run -> run.status() == RunStatus.RUNNING);
        assertThat(runflow.runs().get("r1").status()).isEqualTo(RunStatus.RUNNING);
        assertThat(memory.gets("r1")).isEqualTo(2);
        assertThatThrownBy(() -> runflow.runs().createAsync(null)).hasMessage("request");
        assertThatThrownBy(() -> runflow.runs().getAsync("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logsPagesThroughEveryLog() {
        assertThat(runflow.runs().logs("r1").stream().map(RunLog::id)).containsExactly("log_1", "log_2");
        assertThat(calls).containsExactly("logs r1 null", "logs r1 c2");
        assertThatThrownBy(() -> runflow.runs().logs("r1", null)).hasMessage("query");
        assertThatThrownBy(() -> runflow.runs().logs("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listPassesTheQuery() {
        Run run = InMemoryRunflowApi.run("r1", RunStatus.SUCCEEDED);
        memory.pages(List.of(new Page<>(List.of(run), null, null, null)));

        assertThat(runflow.runs().list(ListQuery.builder().limit(5).build()).stream()
                        .map(Run::id))
                .containsExactly("r1");
        assertThat(memory.listQueries()).extracting(ListQuery::limit).containsExactly(5);
        assertThatThrownBy(() -> runflow.runs().list(null)).hasMessage("query");
    }

    @Test
    void statusesAndCallbacksAskTheApi() {
        assertThat(runflow.runs().statuses())
                .extracting(RunStatusDefinition::code)
                .containsExactly("queued");
        assertThat(runflow.runs().callbackDeliveries("r1"))
                .extracting(CallbackDelivery::id)
                .containsExactly("cd_0");
        assertThat(runflow.runs().redeliverCallback("r1").runId()).isEqualTo("r1");
        assertThat(calls).containsExactly("statuses", "deliveries r1", "redeliver r1");
    }

    @Test
    void cancelSendsTheStrippedReason() {
        assertThat(runflow.runs().cancel("r1", "  not needed  ").status()).isEqualTo(RunStatus.CANCELED);
        assertThat(runflow.runs().cancel("r2").id()).isEqualTo("r2");
        assertThat(calls).containsExactly("cancel r1 not needed", "cancel r2 null");
    }

    @Test
    void eachRedeliveryAndCancellationGetsAKeyOfItsOwnFromCore() {
        runflow.runs().redeliverCallback("r1");
        runflow.runs().redeliverCallback("r1");
        runflow.runs().cancel("r1");
        runflow.runs().cancel("r1", "not needed");

        assertThat(keys).hasSize(4).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(keys).allSatisfy(key -> assertThat(key).matches("[0-9a-f-]{36}"));
    }

    @Test
    void aCancelReasonHasThreeToFiveHundredCharacters() {
        runflow.runs().cancel("r1", "abc");
        runflow.runs().cancel("r1", "x".repeat(500));
        assertThatThrownBy(() -> runflow.runs().cancel("r1", " ab "))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason must be 3 to 500 characters, got 2");
        assertThatThrownBy(() -> runflow.runs().cancel("r1", "x".repeat(501)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason must be 3 to 500 characters, got 501");
        assertThatThrownBy(() -> runflow.runs().cancel("r1", null)).hasMessage("reason");
        assertThat(calls).hasSize(2);
    }

    @Test
    void rejectsRunIdsThatAreNotIds() {
        assertThatThrownBy(() -> runflow.runs().get("a/b"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("runId must be a run id such as the one create returned, got \"a/b\"");
        assertThatThrownBy(() -> runflow.runs().get(""))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("runId must be a run id such as the one create returned, got \"\"");
        assertThatThrownBy(() -> runflow.runs().get(null)).hasMessage("runId");
        assertThatThrownBy(() -> runflow.runs().cancel("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runflow.runs().cancel("a/b", "reason")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runflow.runs().callbackDeliveries("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runflow.runs().redeliverCallback("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).isEmpty();
    }

    @Test
    void runAsyncFailsWithTheCreateErrorItself() {
        RunflowApi failing = new DelegatingApi(memory) {
            @Override
            public Run createRun(RunRequest request) {
                throw new IllegalStateException("create refused");
            }
        };
        try (RunflowClient client = RunflowClient.builder()
                .apiKey("rf_test_key")
                .transport(options -> failing)
                .executor(Runnable::run)
                .build()) {
            CompletableFuture<Run> run = client.runs().runAsync(RunRequest.of("a/b", INPUT));

            assertThat(run.handle((r, failure) -> failure).join())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("create refused");
        }
    }

    @Test
    void runAsyncCompletesWithAKnownFinishedRunAndCancellingItStopsTheWait() {
        memory.script("run-1", RunStatus.SUCCEEDED);
        CompletableFuture<Run> done = runflow.runs().runAsync(RunRequest.of("a/b", INPUT));
        assertThat(done.join().status()).isEqualTo(RunStatus.SUCCEEDED);

        memory.script("run-2", RunStatus.RUNNING);
        CompletableFuture<Run> pending = runflow.runs().runAsync(RunRequest.of("a/b", INPUT));
        assertThat(pending.cancel(false)).isTrue();
        assertThat(pending).isCancelled();
    }
}
