package io.runflow.feign;

import static io.runflow.feign.FeignTests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.PollPolicy;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.NotFoundException;
import io.runflow.errors.UnprocessableEntityException;
import io.runflow.model.Batch;
import io.runflow.model.BatchInput;
import io.runflow.model.BatchItem;
import io.runflow.model.BatchRequest;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.FieldError;
import io.runflow.model.ListQuery;
import io.runflow.model.Page;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Outcome;
import io.runflow.testkit.RecordedCallback;
import io.runflow.testkit.RecordedRequest;
import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookVerifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Batch endpoints through Feign against the fake: request shapes, answers, aggregation, callbacks. */
class BatchesTest {

    static final String NO_BATCHES = "acme/no-batches";

    static final FakeRunflowServer server = FakeRunflowServer.builder()
            .deterministic()
            .models(List.of(
                    FakeModel.defaults().get(0),
                    FakeModel.image(NO_BATCHES, 64, 64, "prompt").withoutBatches()))
            .build();
    static final RunflowFeign api = RunflowFeign.create(FeignTests.options(server, new FeignTests.RecordingSleeper()));

    @AfterEach
    void reset() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        api.close();
        server.close();
    }

    private static BatchRequest three() {
        return BatchRequest.of(
                FluxProUltra.MODEL,
                List.of(
                        BatchInput.of(FluxProUltra.input("a red chair")).withClientRef("sku-01"),
                        BatchInput.of(FluxProUltra.input("a blue chair").seed(7))
                                .withClientRef("sku-02"),
                        BatchInput.of(Map.of("prompt", "a green chair"))));
    }

    @Test
    void createPostsTheInputArrayWithClientRefsAndReadsTheQueuedBatch() {
        Batch batch = api.createBatch(three().withMetadata(Map.of("job", "catalog-2026-05"))
                .withCallbackUrl("https://example.com/hooks/runflow-batch")
                .withIdempotencyKey("batch-key-1"));

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.target()).isEqualTo("/v1/models/black-forest-labs/flux-1-1-pro-ultra/batches");
        assertThat(sent.header("Idempotency-Key")).contains("batch-key-1");
        assertThat(sent.header("Authorization")).contains("Bearer " + server.apiKey());
        assertThat(json(sent))
                .isEqualTo(json("{\"input\":[{\"prompt\":\"a red chair\",\"client_ref\":\"sku-01\"},"
                        + "{\"prompt\":\"a blue chair\",\"seed\":7,\"client_ref\":\"sku-02\"},"
                        + "{\"prompt\":\"a green chair\"}],"
                        + "\"metadata\":{\"job\":\"catalog-2026-05\"},"
                        + "\"callback_url\":\"https://example.com/hooks/runflow-batch\"}"));

        assertThat(batch.status()).isEqualTo(RunStatus.QUEUED);
        assertThat(batch.itemsTotal()).isEqualTo(3);
        assertThat(batch.itemsPending()).isEqualTo(3);
        assertThat(batch.targetType()).isEqualTo("model");
        assertThat(batch.metadata().path("job").asString().orElseThrow()).isEqualTo("catalog-2026-05");
        assertThat(batch.callbackUrl()).isEqualTo("https://example.com/hooks/runflow-batch");
        assertThat(batch.items()).extracting(BatchItem::sequenceIndex).containsExactly(0, 1, 2);
        assertThat(batch.items()).extracting(BatchItem::clientRef).containsExactly("sku-01", "sku-02", null);
        assertThat(batch.items())
                .extracting(BatchItem::runId)
                .containsExactlyElementsOf(
                        server.runs().stream().map(r -> r.id()).toList());
        assertThat(server.runs())
                .extracting(r -> r.input().path("prompt").asString().orElseThrow())
                .containsExactly("a red chair", "a blue chair", "a green chair");
        assertThat(server.runs().get(0).input().path("client_ref").isNull())
                .as("client_ref is stripped before the input is validated and run")
                .isTrue();
        assertThat(batch.requestId()).as("from the Runflow-Request-Id header").isEqualTo("req_" + sent.sequence());
    }

    @Test
    void getAggregatesItemStatusesAndCountsIntoPartialSucceeded() {
        server.onNextRun(Outcome.succeed());
        server.onNextRun(Outcome.fail("PROVIDER_ERROR", "inference", "GPU on fire"));
        server.onNextRun(Outcome.succeed());
        Batch created = api.createBatch(FeignTests.keyed(three()));
        server.advance(Duration.ofSeconds(1));

        Batch batch = api.getBatch(created.id());

        assertThat(server.requests().get(server.requests().size() - 1).target())
                .isEqualTo("/v1/batches/" + created.id());
        assertThat(batch.status()).isEqualTo(RunStatus.PARTIAL_SUCCEEDED);
        assertThat(batch.statusCode()).isEqualTo("partial_succeeded");
        assertThat(batch.itemsSucceeded()).isEqualTo(2);
        assertThat(batch.itemsFailed()).isEqualTo(1);
        assertThat(batch.itemsCancelled()).isZero();
        assertThat(batch.cost()).isEqualByComparingTo(new BigDecimal("0.12"));
        assertThat(batch.completedAt()).isNotNull();
        assertThat(batch.items())
                .extracting(BatchItem::status)
                .containsExactly(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.SUCCEEDED);
    }

    @Test
    void aBatchIsPricedForEveryItemBeforeItIsCreated() {
        server.setBalance(new java.math.BigDecimal("0.17"));

        assertThatThrownBy(() -> api.createBatch(FeignTests.keyed(three())))
                .isInstanceOf(io.runflow.errors.InsufficientCreditException.class)
                .hasMessageStartingWith(
                        "402 INSUFFICIENT_CREDIT: Insufficient credit: the balance is $0.17 and this costs $0.18");
        server.setBalance(new java.math.BigDecimal("0.18"));
        assertThat(api.createBatch(FeignTests.keyed(three())).id()).isNotBlank();
    }

    @Test
    void everyItemFailedOrCancelledEndsFailedOrCanceled() {
        server.onModel(FluxProUltra.MODEL, Outcome.fail());
        Batch failed = api.createBatch(FeignTests.keyed(three()));
        server.onModel(FluxProUltra.MODEL, Outcome.cancel());
        Batch cancelled = api.createBatch(FeignTests.keyed(three()));
        server.advance(Duration.ofSeconds(1));

        assertThat(api.getBatch(failed.id()).status()).isEqualTo(RunStatus.FAILED);
        Batch canceled = api.getBatch(cancelled.id());
        assertThat(canceled.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(canceled.itemsCancelled()).isEqualTo(3);
    }

    @Test
    void itemsArePagedFilteredAndSortedAndOneItemReadsInFull() {
        server.onNextRun(Outcome.succeed());
        server.onNextRun(Outcome.fail("PROVIDER_ERROR", "inference", "GPU on fire"));
        Batch batch = api.createBatch(FeignTests.keyed(three()));
        server.advance(Duration.ofSeconds(1));
        int before = server.requests().size();

        Page<BatchItem> first =
                api.listBatchItems(batch.id(), ListQuery.builder().limit(2).build());
        Page<BatchItem> second = api.listBatchItems(
                batch.id(), ListQuery.builder().limit(2).build().withCursor(first.next()));
        Page<BatchItem> failed = api.listBatchItems(
                batch.id(), ListQuery.builder().status(RunStatus.FAILED).build());
        Page<BatchItem> backwards = api.listBatchItems(
                batch.id(), ListQuery.builder().sortBy("sequence_index:desc").build());

        assertThat(server.requests().get(before).target()).isEqualTo("/v1/batches/" + batch.id() + "/items?limit=2");
        assertThat(first.items()).extracting(BatchItem::sequenceIndex).containsExactly(0, 1);
        assertThat(second.items()).extracting(BatchItem::sequenceIndex).containsExactly(2);
        assertThat(second.hasNext()).isFalse();
        assertThat(failed.items()).singleElement().satisfies(item -> {
            assertThat(item.sequenceIndex()).isEqualTo(1);
            assertThat(item.error().path("code").asString().orElseThrow()).isEqualTo("PROVIDER_ERROR");
            assertThat(item.run().failure().message()).isEqualTo("GPU on fire");
        });
        assertThat(backwards.items()).extracting(BatchItem::sequenceIndex).containsExactly(2, 1, 0);

        BatchItem one = api.getBatchItem(batch.id(), first.items().get(0).id());
        assertThat(one.batchId()).isEqualTo(batch.id());
        assertThat(one.clientRef()).isEqualTo("sku-01");
        assertThat(one.input().path("prompt").asString().orElseThrow()).isEqualTo("a red chair");
        assertThat(one.output().outputs())
                .singleElement()
                .satisfies(f -> assertThat(f.type()).isEqualTo("image"));
        assertThat(one.run().batchId()).isEqualTo(batch.id());
        assertThat(one.cost()).isEqualByComparingTo("0.06");
    }

    @Test
    void aBatchOfThreeWithOneScriptedFailureEndsPartialSucceededAndItsOneCallbackEndsTheWaitBeforeAPoll()
            throws Exception {
        server.onNextRun(Outcome.succeed());
        server.onNextRun(Outcome.fail("PROVIDER_ERROR", "inference", "GPU on fire"));
        server.onNextRun(Outcome.succeed());
        AtomicReference<WebhookEndpoint> endpoint = new AtomicReference<>();
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch listened = new java.util.concurrent.CountDownLatch(1);
        try (CallbackReceiver receiver = new CallbackReceiver((body, signature) -> endpoint.get()
                        .handle(body, name -> name.equalsIgnoreCase("Runflow-Signature") ? signature : null)
                        .status());
                RunflowClient runflow = server.clientBuilder()
                        // The first poll is 10 minutes of server time away: only the callback can end the wait.
                        .pollPolicy(PollPolicy.builder()
                                .initialInterval(Duration.ofMinutes(10))
                                .maxInterval(Duration.ofMinutes(10))
                                .timeout(Duration.ofMinutes(30))
                                .build())
                        .build()) {
            endpoint.set(WebhookEndpoint.builder()
                    .verifier(WebhookVerifier.builder()
                            .secret(server.webhookSecret())
                            .build())
                    .client(runflow)
                    .listener(callback -> {
                        heard.add(callback.eventName());
                        listened.countDown();
                    })
                    .build());

            Batch batch = runflow.batches().run(three().withCallbackUrl(receiver.url()));

            assertThat(batch.status()).isEqualTo(RunStatus.PARTIAL_SUCCEEDED);
            assertThat(batch.itemsSucceeded()).isEqualTo(2);
            assertThat(batch.itemsFailed()).isEqualTo(1);
            assertThat(batch.itemsTotal()).isEqualTo(3);
            assertThat(batch.items()).extracting(BatchItem::clientRef).containsExactly("sku-01", "sku-02", null);
            // The wait ends as the endpoint hands the batch to the client, before its listeners run.
            assertThat(listened.await(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(heard).containsExactly("batch.partial_succeeded");
            assertThat(server.requests())
                    .as("no poll: the batch callback ended the wait")
                    .noneMatch(r -> r.method().equals("GET") && r.path().startsWith("/v1/batches/"));
            // Not the server clock: under load the virtual scheduler may move it to the poll's time while
            // the callback is still on its way; the journal above is what shows no poll was made.
            List<RecordedCallback> deliveries = server.deliveries(batch.id());
            assertThat(deliveries).singleElement().satisfies(d -> {
                assertThat(d.signature()).isNotNull();
                assertThat(json(new String(d.payload(), java.nio.charset.StandardCharsets.UTF_8))
                                .path("batch_id")
                                .asText())
                        .isEqualTo(batch.id());
            });
            assertThat(server.deliveries())
                    .as("child runs send no callbacks of their own")
                    .hasSize(1);
        }
    }

    @Test
    void awaitEndsByPollingWithoutACallback() {
        try (RunflowClient runflow = server.clientBuilder().build()) {
            Batch batch = runflow.batches().run(three());

            assertThat(batch.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(batch.itemsSucceeded()).isEqualTo(3);
            assertThat(batch.cost()).isEqualByComparingTo("0.18");
            assertThat(server.requests())
                    .anyMatch(r -> r.method().equals("GET") && r.path().equals("/v1/batches/" + batch.id()));
            assertThat(runflow.batches().items(batch.id()).stream().map(BatchItem::status))
                    .containsOnly(RunStatus.SUCCEEDED)
                    .hasSize(3);
        }
    }

    @Test
    void callbackHistoryListsTheBatchDeliveryAndRedeliveryAddsAManualOne() {
        try (CallbackReceiver receiver = CallbackReceiver.accepting()) {
            Batch batch = api.createBatch(FeignTests.keyed(three().withCallbackUrl(receiver.url())));
            server.advance(Duration.ofSeconds(1));

            CallbackDelivery redelivered = api.redeliverBatchCallback(batch.id(), FeignTests.key());
            List<CallbackDelivery> history = api.listBatchCallbackDeliveries(batch.id());

            RecordedRequest post = server.requests().get(server.requests().size() - 2);
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.target()).isEqualTo("/v1/batches/" + batch.id() + "/callback-redeliveries");
            assertThat(post.header("Idempotency-Key")).isPresent();
            assertThat(redelivered.batchId()).isEqualTo(batch.id());
            assertThat(redelivered.runId()).isNull();
            assertThat(redelivered.automatic()).isFalse();
            assertThat(redelivered.statusCode()).isEqualTo("succeeded");
            assertThat(history).extracting(CallbackDelivery::automatic).containsExactly(true, false);
            assertThat(history).allSatisfy(d -> assertThat(d.batchId()).isEqualTo(batch.id()));
            assertThat(receiver.received).hasSize(2);
        }
    }

    @Test
    void redeliveryIsRefusedForABatchNotDoneOrWithoutCallbackOrWithOneInFlight() {
        Batch running = api.createBatch(FeignTests.keyed(three().withCallbackUrl("http://127.0.0.1:9/hooks")));
        assertThatThrownBy(() -> api.redeliverBatchCallback(running.id(), FeignTests.key()))
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field, FieldError::message)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                        "batch_id", "batch is not terminal yet: queued")));

        Batch silent = api.createBatch(FeignTests.keyed(three()));
        server.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> api.redeliverBatchCallback(silent.id(), FeignTests.key()))
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::message)
                                .containsExactly("batch has no callback_url"));

        try (CallbackReceiver failing = new CallbackReceiver((body, signature) -> 503)) {
            Batch batch = api.createBatch(FeignTests.keyed(three().withCallbackUrl(failing.url())));
            server.advance(Duration.ofSeconds(1));
            CallbackDelivery pending = api.redeliverBatchCallback(batch.id(), FeignTests.key());
            assertThat(pending.statusCode()).isEqualTo("pending");

            assertThatThrownBy(() -> api.redeliverBatchCallback(batch.id(), FeignTests.key()))
                    .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                        assertThat(e.code()).isEqualTo("validation_error");
                        assertThat(e.errors())
                                .singleElement()
                                .satisfies(error -> assertThat(error.raw()
                                                .path("error_type")
                                                .asString()
                                                .orElseThrow())
                                        .isEqualTo("conflict"));
                    });
        }
    }

    @Test
    void aModelWithoutBatchSupportIsRefusedWith422() {
        assertThatThrownBy(() -> api.createBatch(
                        FeignTests.keyed(BatchRequest.of(NO_BATCHES, List.of(BatchInput.of(Map.of("prompt", "x")))))))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.error().message())
                            .isEqualTo(
                                    "model acme/no-batches does not support batches: only template-backed models do");
                });
        assertThat(server.runs()).isEmpty();
    }

    @Test
    void eachItemIsValidatedAgainstTheModelAndAllProblemsComeInOne422() {
        assertThatThrownBy(() -> api.createBatch(FeignTests.keyed(BatchRequest.of(
                        FluxProUltra.MODEL,
                        List.of(
                                BatchInput.of(Map.of("prompt", "fine")),
                                BatchInput.of(Map.of("seed", 1)),
                                BatchInput.of(Map.of("prompt", " ", "seed", -1)))))))
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field, FieldError::message)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple("input[1].prompt", "is required"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "input[2].prompt", "must be a non-blank string"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "input[2].seed", "must be a non-negative integer")));
        assertThat(server.runs()).as("nothing created").isEmpty();
    }

    @Test
    void sizesAreCheckedBeforeAnyRequest() {
        int before = server.requests().size();
        List<BatchInput> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(BatchInput.of(Map.of("prompt", "p" + i)));
        }

        assertThatThrownBy(() -> BatchRequest.of(FluxProUltra.MODEL, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch needs 1 to 100 inputs, got 0");
        assertThatThrownBy(() -> BatchRequest.of(FluxProUltra.MODEL, tooMany))
                .hasMessage("a batch needs 1 to 100 inputs, got 101");
        assertThatThrownBy(() -> BatchInput.of(Map.of("prompt", "x")).withClientRef("r".repeat(256)))
                .hasMessage("clientRef must be at most 255 characters, got 256");
        assertThat(server.requests()).hasSize(before);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstBatch() {
        Batch first = api.createBatch(three().withIdempotencyKey("same"));
        Batch again = api.createBatch(three().withIdempotencyKey("same"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(server.runs()).hasSize(3);
    }

    @Test
    void anUnknownBatchIs404() {
        assertThatThrownBy(() -> api.getBatch("no-such-batch")).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.code()).isEqualTo("BATCH_NOT_FOUND");
            assertThat(e.error().message()).isEqualTo("batch no-such-batch does not exist or belongs to another org");
        });
    }
}
