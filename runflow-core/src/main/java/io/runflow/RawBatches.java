package io.runflow;

import io.runflow.model.Batch;
import io.runflow.model.BatchItem;
import io.runflow.model.BatchRequest;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.ListQuery;
import io.runflow.model.Page;
import java.util.List;

/**
 * Batches with the HTTP status and headers of each answer: {@link Batches} seen through {@link
 * Batches#withRawResponse()}. Each method makes the same request, with the same checks and
 * idempotency key, as the method of the same name there.
 *
 * <pre>{@code
 * RawResponse<Batch> batch = runflow.batches().withRawResponse().get(batchId);
 * }</pre>
 */
public final class RawBatches {

    private final Batches batches;
    private final RunflowApi api;

    RawBatches(Batches batches, RunflowApi api) {
        this.batches = batches;
        this.api = api;
    }

    /**
     * Creates a batch, as {@link Batches#create(BatchRequest)}.
     *
     * @param request the request
     * @return the answer
     */
    public RawResponse<Batch> create(BatchRequest request) {
        return api.exchange(() -> batches.create(request));
    }

    /**
     * Reads a batch, as {@link Batches#get(String)}.
     *
     * @param batchId the batch id
     * @return the answer
     */
    public RawResponse<Batch> get(String batchId) {
        return api.exchange(() -> batches.get(batchId));
    }

    /**
     * Reads one page of a batch's items, as {@link Batches#items(String, ListQuery)} reads its first.
     *
     * @param batchId the batch id
     * @param query filters, sort, page size and cursor
     * @return the answer
     */
    public RawResponse<Page<BatchItem>> items(String batchId, ListQuery query) {
        return api.exchange(() -> batches.items(batchId, query).firstPage());
    }

    /**
     * Reads one item, as {@link Batches#item(String, String)}.
     *
     * @param batchId the batch id
     * @param itemId the item id
     * @return the answer
     */
    public RawResponse<BatchItem> item(String batchId, String itemId) {
        return api.exchange(() -> batches.item(batchId, itemId));
    }

    /**
     * Lists a batch's callback deliveries, as {@link Batches#callbackDeliveries(String)}.
     *
     * @param batchId the batch id
     * @return the answer
     */
    public RawResponse<List<CallbackDelivery>> callbackDeliveries(String batchId) {
        return api.exchange(() -> batches.callbackDeliveries(batchId));
    }

    /**
     * Sends a batch's callback again, as {@link Batches#redeliverCallback(String)}.
     *
     * @param batchId the batch id
     * @return the answer
     */
    public RawResponse<CallbackDelivery> redeliverCallback(String batchId) {
        return api.exchange(() -> batches.redeliverCallback(batchId));
    }
}
