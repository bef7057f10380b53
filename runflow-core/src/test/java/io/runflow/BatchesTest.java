package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.errors.BadRequestException;
import io.runflow.model.ApiError;
import io.runflow.model.Batch;
import io.runflow.model.BatchInput;
import io.runflow.model.BatchItem;
import io.runflow.model.BatchRequest;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.ListQuery;
import io.runflow.model.Page;
import io.runflow.model.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batches facade: what it sends to the API, and what it checks before. */
class BatchesTest {

    private static final String MODEL = "runflow/object-removal/prompt";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final InMemoryRunflowApi memory = new InMemoryRunflowApi();
    private final List<BatchRequest> created = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private RunStatus createdStatus = RunStatus.QUEUED;

    private final RunflowApi api = new DelegatingApi(memory) {
        @Override
        public Batch createBatch(BatchRequest request) {
            created.add(request);
            if (request.modelId().equals("bad/model")) {
                throw new BadRequestException(400, new ApiError("BAD", "bad", List.of()), null, "400 BAD: bad");
            }
            return batch("b1", createdStatus);
        }

        @Override
        public Page<BatchItem> listBatchItems(String batchId, ListQuery query) {
            calls.add("items " + batchId + " " + query.cursor());
            return query.cursor() == null
                    ? new Page<>(List.of(item("i1")), null, "c2", null)
                    : new Page<>(List.of(item("i2")), null, null, null);
        }

        @Override
        public BatchItem getBatchItem(String batchId, String itemId) {
            calls.add("item " + batchId + " " + itemId);
            return item(itemId);
        }

        @Override
        public List<CallbackDelivery> listBatchCallbackDeliveries(String batchId) {
            calls.add("deliveries " + batchId);
            return List.of(delivery());
        }

        @Override
        public CallbackDelivery redeliverBatchCallback(String batchId, String idempotencyKey) {
            calls.add("redeliver " + batchId);
            return delivery();
        }
    };

    private final RunflowClient runflow = RunflowClient.builder()
            .apiKey("rf_test_key")
            .transport(options -> api)
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .pollPolicy(PollPolicy.builder().random(() -> 0.5).build())
            .build();

    @AfterEach
    void close() {
        runflow.close();
    }

    private static Batch batch(String id, RunStatus status) {
        int done = status.isTerminal() ? 1 : 0;
        return Batch.builder()
                .id(id)
                .status(status)
                .statusCode(status.value())
                .targetType("model")
                .targetId(MODEL)
                .itemsTotal(1)
                .itemsSucceeded(done)
                .itemsFailed(0)
                .itemsCancelled(0)
                .build();
    }

    private static BatchItem item(String id) {
        return BatchItem.builder()
                .id(id)
                .batchId("b1")
                .sequenceIndex(0)
                .runId("run_" + id)
                .status(RunStatus.SUCCEEDED)
                .statusCode("succeeded")
                .build();
    }

    private static CallbackDelivery delivery() {
        return CallbackDelivery.builder()
                .id("cd_1")
                .batchId("b1")
                .callbackUrl("https://example.com/h")
                .payloadBytes("{}")
                .automatic(false)
                .statusCode("queued")
                .attemptCount(0)
                .maxAttempts(5)
                .build();
    }

    private static BatchRequest request() {
        return BatchRequest.of(MODEL, List.of(BatchInput.of(Map.of("prompt", "the car"))));
    }

    @Test
    void createGeneratesAnIdempotencyKeyWhenNoneIsGiven() {
        Batch batch = runflow.batches().create(request());

        assertThat(batch.id()).isEqualTo("b1");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).idempotencyKey()).isNotBlank();
        assertThat(created.get(0).modelId()).isEqualTo(MODEL);
    }

    @Test
    void createGeneratesAFreshKeyPerCall() {
        runflow.batches().create(request());
        runflow.batches().create(request());

        assertThat(created.get(0).idempotencyKey()).isNotEqualTo(created.get(1).idempotencyKey());
    }

    @Test
    void createKeepsAGivenIdempotencyKey() {
        runflow.batches().create(request().withIdempotencyKey("mine-1"));

        assertThat(created.get(0).idempotencyKey()).isEqualTo("mine-1");
    }

    @Test
    void createAsyncCompletesWithTheCreatedBatch() {
        CompletableFuture<Batch> batch = runflow.batches().createAsync(request());

        assertThat(batch).isCompletedWithValueMatching(b -> b.id().equals("b1"));
        assertThat(created.get(0).idempotencyKey()).isNotBlank();
    }

    @Test
    void createAndCreateAsyncRejectANullRequest() {
        assertThatThrownBy(() -> runflow.batches().create(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("request");
        assertThatThrownBy(() -> runflow.batches().createAsync(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("request");
        assertThat(created).isEmpty();
    }

    @Test
    void getReadsTheBatch() {
        memory.scriptBatch("b7", batch("b7", RunStatus.RUNNING));

        assertThat(runflow.batches().get("b7").status()).isEqualTo(RunStatus.RUNNING);
        assertThat(memory.gets("b7")).isEqualTo(1);
    }

    @Test
    void itemsPagesThroughEveryItem() {
        assertThat(runflow.batches().items("b1").stream().map(BatchItem::id)).containsExactly("i1", "i2");
        assertThat(calls).containsExactly("items b1 null", "items b1 c2");
    }

    @Test
    void itemsPassesTheQuery() {
        List<String> ids = new ArrayList<>();
        runflow.batches().items("b1", ListQuery.all().withCursor("c2")).forEach(item -> ids.add(item.id()));

        assertThat(ids).containsExactly("i2");
    }

    @Test
    void itemReadsOneItem() {
        assertThat(runflow.batches().item("b1", "i9").id()).isEqualTo("i9");
        assertThat(calls).containsExactly("item b1 i9");
    }

    @Test
    void callbackDeliveriesAndRedeliveryGoToTheBatch() {
        assertThat(runflow.batches().callbackDeliveries("b1"))
                .extracting(CallbackDelivery::id)
                .containsExactly("cd_1");
        assertThat(runflow.batches().redeliverCallback("b1").id()).isEqualTo("cd_1");
        assertThat(calls).containsExactly("deliveries b1", "redeliver b1");
    }

    @Test
    void rejectsIdsThatAreNotIdsBeforeAnyCall() {
        assertThatThrownBy(() -> runflow.batches().get("a/b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchId must be an id such as the API returned, got \"a/b\"");
        assertThatThrownBy(() -> runflow.batches().get(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchId must be an id such as the API returned, got \" \"");
        assertThatThrownBy(() -> runflow.batches().item("b1", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("itemId must be an id such as the API returned, got \"\"");
        assertThatThrownBy(() -> runflow.batches().items(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("batchId");
        assertThatThrownBy(() -> runflow.batches().items("b1", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("query");
        assertThatThrownBy(() -> runflow.batches().callbackDeliveries("x/y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runflow.batches().redeliverCallback("x/y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runflow.batches().awaitAsync("x/y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runflow.batches().awaitAsync((Batch) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("batch");
        assertThat(calls).isEmpty();
        assertThat(memory.gets("a/b")).isZero();
    }

    @Test
    void runCreatesThenWaitsForTheEnd() {
        createdStatus = RunStatus.SUCCEEDED;

        Batch batch = runflow.batches().run(request());

        assertThat(batch.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(created).hasSize(1);
        assertThat(memory.gets("b1")).isZero();
    }

    @Test
    void runAsyncPollsTheCreatedBatchUntilItEnds() {
        memory.scriptBatch("b1", batch("b1", RunStatus.RUNNING), batch("b1", RunStatus.PARTIAL_SUCCEEDED));

        CompletableFuture<Batch> batch = runflow.batches().runAsync(request());
        scheduler.runAll(100);

        assertThat(batch).isCompletedWithValueMatching(b -> b.status() == RunStatus.PARTIAL_SUCCEEDED);
        assertThat(memory.gets("b1")).isEqualTo(2);
    }

    @Test
    void runAsyncFailsWithTheCreateErrorItself() {
        CompletableFuture<Batch> batch =
                runflow.batches().runAsync(BatchRequest.of("bad/model", List.of(BatchInput.of(Map.of("prompt", "p")))));

        assertThat(batch).isCompletedExceptionally();
        assertThatThrownBy(batch::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isExactlyInstanceOf(BadRequestException.class);
        assertThat(batch.handle((b, failure) -> failure).join()).isExactlyInstanceOf(BadRequestException.class);
    }

    @Test
    void runAsyncFailsWithTheWaitErrorItself() {
        memory.scriptBatch("b1", batch("b1", RunStatus.RUNNING));

        CompletableFuture<Batch> batch = runflow.batches().runAsync(request());
        scheduler.runAll(1000);

        assertThat(batch.handle((b, failure) -> failure).join())
                .isExactlyInstanceOf(io.runflow.errors.BatchTimeoutException.class);
    }

    @Test
    void cancellingARunAsyncCancelsItsWait() {
        memory.scriptBatch("b1", batch("b1", RunStatus.RUNNING));

        CompletableFuture<Batch> batch = runflow.batches().runAsync(request());
        batch.cancel(false);
        scheduler.runAll(100);

        assertThat(memory.gets("b1")).isZero();
    }

    @Test
    void awaitWithATimeoutGivesUpAtIt() {
        memory.scriptBatch("b1", batch("b1", RunStatus.RUNNING));

        CompletableFuture<Batch> wait = runflow.batches().awaitAsync("b1", Duration.ofSeconds(30));
        scheduler.runAll(1000);

        assertThat(wait.handle((b, failure) -> failure).join())
                .isExactlyInstanceOf(io.runflow.errors.BatchTimeoutException.class)
                .hasMessageContaining("30");
    }

    @Test
    void awaitOfAnEndedBatchReturnsIt() {
        memory.scriptBatch("b1", batch("b1", RunStatus.FAILED));

        assertThat(runflow.batches().await(batch("b1", RunStatus.CANCELED)).status())
                .isEqualTo(RunStatus.CANCELED);
        CompletableFuture<Batch> polled = runflow.batches().awaitAsync("b1");
        scheduler.runAll(100);
        assertThat(polled).isCompletedWithValueMatching(b -> b.status() == RunStatus.FAILED);
    }
}
