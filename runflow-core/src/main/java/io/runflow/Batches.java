package io.runflow;

import io.runflow.errors.BatchTimeoutException;
import io.runflow.errors.NotFoundException;
import io.runflow.errors.UnprocessableEntityException;
import io.runflow.internal.Endpoint;
import io.runflow.model.Batch;
import io.runflow.model.BatchItem;
import io.runflow.model.BatchRequest;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.ListQuery;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Batches: one model over 1 to 100 inputs, each input a child run. Obtained from {@link
 * RunflowClient#batches()}.
 *
 * <pre>{@code
 * Batch batch = runflow.batches().run(BatchRequest.of(List.of(
 *         FluxProUltra.input("a red chair"), FluxProUltra.input("a blue chair"))));
 * if (batch.itemsFailed() > 0) { ... }
 * }</pre>
 *
 * <p>Waits ({@code await}, {@code run}) poll {@code GET /v1/batches/{id}} by the client's {@link
 * PollPolicy}, or end at once when the batch's verified callback reaches {@link
 * RunCallbacks#acceptBatch(Batch)} (the core {@code WebhookEndpoint} with {@code .client(runflow)}
 * does that). Unlike a run's wait, a batch's wait ends with the batch for every terminal status,
 * {@code failed} and {@code partial_succeeded} included: its outcome is per item, in the counts and
 * in {@link #items(String)}.
 */
public final class Batches {

    private final RunflowApi api;
    private final RunflowOptions options;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final PendingBatchWaits pending;

    Batches(
            RunflowApi api,
            RunflowOptions options,
            ScheduledExecutorService scheduler,
            Executor executor,
            PendingBatchWaits pending) {
        this.api = api;
        this.options = options;
        this.scheduler = scheduler;
        this.executor = executor;
        this.pending = pending;
    }

    /**
     * Returns this service's requests with the HTTP status and headers of each answer.
     *
     * <pre>{@code
     * RawResponse<Batch> batch = runflow.batches().withRawResponse().get(batchId);
     * }</pre>
     *
     * @return the raw view
     */
    public RawBatches withRawResponse() {
        return new RawBatches(this, api);
    }

    /**
     * Creates a batch ({@code POST /v1/models/{model}/batches}) and returns it at once. Without an
     * idempotency key on the request one is generated for this call and sent on each of its
     * attempts, so a retry never makes a second batch.
     *
     * @param request the request
     * @return the new batch, usually {@code queued}
     * @throws UnprocessableEntityException if the model does not support batches or an item is
     *     invalid
     */
    public Batch create(BatchRequest request) {
        Objects.requireNonNull(request, "request");
        String key = Endpoint.CREATE_BATCH.idempotencyKey(request.idempotencyKey());
        return api.createBatch(key.equals(request.idempotencyKey()) ? request : request.withIdempotencyKey(key));
    }

    /**
     * Creates a batch on the client's executor.
     *
     * @param request the request
     * @return the new batch, or the failure
     */
    public CompletableFuture<Batch> createAsync(BatchRequest request) {
        Objects.requireNonNull(request, "request");
        return CompletableFuture.supplyAsync(() -> create(request), executor);
    }

    /**
     * Reads a batch with its lean items ({@code GET /v1/batches/{id}}).
     *
     * @param batchId the batch id
     * @return the batch
     * @throws NotFoundException if there is no such batch in the organization
     */
    public Batch get(String batchId) {
        return api.getBatch(Calls.requireId(batchId, "batchId"));
    }

    /**
     * Lists a batch's items in full, each with its run ({@code GET /v1/batches/{id}/items}),
     * following the cursors lazily.
     *
     * @param batchId the batch id
     * @param query filters, sort and page size
     * @return the items across all pages
     */
    public AutoPager<BatchItem> items(String batchId, ListQuery query) {
        Calls.requireId(batchId, "batchId");
        Objects.requireNonNull(query, "query");
        return new AutoPager<>(query, q -> api.listBatchItems(batchId, q));
    }

    /**
     * Lists all of a batch's items, in sequence order.
     *
     * @param batchId the batch id
     * @return the items across all pages
     */
    public AutoPager<BatchItem> items(String batchId) {
        return items(batchId, ListQuery.all());
    }

    /**
     * Reads one item in full ({@code GET /v1/batches/{batch_id}/items/{id}}).
     *
     * @param batchId the batch id
     * @param itemId the item id (not its run id)
     * @return the item
     */
    public BatchItem item(String batchId, String itemId) {
        return api.getBatchItem(Calls.requireId(batchId, "batchId"), Calls.requireId(itemId, "itemId"));
    }

    /**
     * Lists the deliveries of the batch's callback ({@code GET /v1/batches/{id}/callback}).
     *
     * @param batchId the batch id
     * @return the deliveries, oldest first
     */
    public List<CallbackDelivery> callbackDeliveries(String batchId) {
        return api.listBatchCallbackDeliveries(Calls.requireId(batchId, "batchId"));
    }

    /**
     * Sends the batch's callback again ({@code POST /v1/batches/{id}/callback-redeliveries}).
     *
     * @param batchId the id of a finished batch with a callback URL
     * @return the new delivery
     * @throws UnprocessableEntityException if the batch is not finished, has no callback URL, or a
     *     redelivery is already in flight
     */
    public CallbackDelivery redeliverCallback(String batchId) {
        return api.redeliverBatchCallback(
                Calls.requireId(batchId, "batchId"), Endpoint.REDELIVER_BATCH_CALLBACK.newIdempotencyKey());
    }

    /**
     * Waits for every item of a batch to finish, with the client's poll policy and timeout.
     *
     * @param batchId the batch id
     * @return the finished batch, whatever its status
     * @throws BatchTimeoutException if the timeout passed first (the batch goes on)
     */
    public Batch await(String batchId) {
        return Calls.join(awaitAsync(batchId));
    }

    /**
     * Waits for a batch, with another timeout.
     *
     * @param batchId the batch id
     * @param timeout how long to wait; positive
     * @return the finished batch
     */
    public Batch await(String batchId, Duration timeout) {
        return Calls.join(awaitAsync(batchId, timeout));
    }

    /**
     * Waits for a batch; returns at once if it already finished.
     *
     * @param batch a batch, for example as {@link #create} returned it
     * @return the finished batch
     */
    public Batch await(Batch batch) {
        return Calls.join(awaitAsync(batch));
    }

    /**
     * Waits for a batch without holding a thread between polls.
     *
     * @param batchId the batch id
     * @return the finished batch, or {@link BatchTimeoutException} or the API failure; cancel it to
     *     stop polling
     */
    public CompletableFuture<Batch> awaitAsync(String batchId) {
        return startWait(Calls.requireId(batchId, "batchId"), null, options.pollPolicy());
    }

    /**
     * Waits for a batch, with another timeout, without holding a thread between polls.
     *
     * @param batchId the batch id
     * @param timeout how long to wait; positive
     * @return the finished batch, or the failure
     */
    public CompletableFuture<Batch> awaitAsync(String batchId, Duration timeout) {
        return startWait(
                Calls.requireId(batchId, "batchId"), null, options.pollPolicy().withTimeout(timeout));
    }

    /**
     * Waits for a batch from a known state, without holding a thread between polls.
     *
     * @param batch the known state; if terminal, the future is already complete
     * @return the finished batch, or the failure
     */
    public CompletableFuture<Batch> awaitAsync(Batch batch) {
        Objects.requireNonNull(batch, "batch");
        return startWait(batch.id(), batch, options.pollPolicy());
    }

    /**
     * Creates a batch and waits for it to finish.
     *
     * @param request the request
     * @return the finished batch
     */
    public Batch run(BatchRequest request) {
        return await(create(request));
    }

    /**
     * Creates a batch and waits for it, without holding a thread between polls.
     *
     * @param request the request
     * @return the finished batch, or the failure; cancelling it stops the wait
     */
    public CompletableFuture<Batch> runAsync(BatchRequest request) {
        CompletableFuture<Batch> outcome = new CompletableFuture<>();
        createAsync(request).whenComplete((created, createFailure) -> {
            if (createFailure != null) {
                outcome.completeExceptionally(Calls.unwrap(createFailure));
                return;
            }
            CompletableFuture<Batch> wait = awaitAsync(created);
            outcome.whenComplete((batch, failure) -> {
                if (outcome.isCancelled()) {
                    wait.cancel(false);
                }
            });
            wait.whenComplete((batch, failure) -> {
                if (failure == null) {
                    outcome.complete(batch);
                } else {
                    outcome.completeExceptionally(Calls.unwrap(failure));
                }
            });
        });
        return outcome;
    }

    private CompletableFuture<Batch> startWait(String batchId, Batch known, PollPolicy policy) {
        BatchWaiter waiter = new BatchWaiter(batchId, api, policy, options.clock(), scheduler, executor);
        pending.add(waiter);
        waiter.start(known);
        return waiter.future();
    }
}
