package io.runflow.webhook;

import io.runflow.model.Batch;
import io.runflow.model.BatchItem;
import io.runflow.model.JsonValue;
import io.runflow.model.RunStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A verified batch callback: what Runflow POSTs to a batch's {@code callback_url} once every item is
 * done. Its {@code output} is the envelope {@code {items, succeeded, failed, cancelled, total}}, read
 * into {@link #items()} and the counts. Obtained from {@link WebhookVerifier#verify(byte[], String)};
 * built with {@link #builder()} in tests.
 *
 * <p>Hand it to {@code runflow.callbacks().acceptBatch(callback.toBatch())} to finish every {@code
 * batches().await(..)} on the batch at once (a {@link WebhookEndpoint} with a client does so itself).
 */
public final class BatchCallback implements Callback {

    private final CallbackEvent event;
    private final String eventName;
    private final String batchId;
    private final RunStatus status;
    private final String statusCode;
    private final int itemsTotal;
    private final int itemsSucceeded;
    private final int itemsFailed;
    private final int itemsCancelled;
    private final List<BatchItem> items;
    private final JsonValue output;
    private final Duration duration;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime completedAt;
    private final JsonValue metadata;
    private final String requestId;
    private final JsonValue raw;
    private final CallbackSource source;

    private BatchCallback(Builder builder) {
        this.event = builder.event != null ? builder.event : CallbackEvent.from(builder.eventName);
        this.eventName = builder.eventName != null ? builder.eventName : builder.event.value();
        this.batchId = builder.batchId;
        this.statusCode = builder.statusCode;
        this.status = CallbackFields.status(builder.status, builder.statusCode, this.event);
        this.items = List.copyOf(builder.items);
        this.itemsTotal = builder.itemsTotal != null ? builder.itemsTotal : items.size();
        this.itemsSucceeded = builder.itemsSucceeded;
        this.itemsFailed = builder.itemsFailed;
        this.itemsCancelled = builder.itemsCancelled;
        this.output = builder.output;
        this.duration = builder.duration;
        this.createdAt = builder.createdAt;
        this.completedAt = builder.completedAt;
        this.metadata = builder.metadata;
        this.requestId = builder.requestId;
        this.raw = builder.raw;
        this.source = builder.source;
    }

    /**
     * Starts a batch callback, for tests and for callbacks the application builds itself.
     *
     * <pre>{@code
     * BatchCallback callback = BatchCallback.builder().batchId("batch_1").eventName("batch.succeeded").build();
     * }</pre>
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this callback's values, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the batch id, {@code batch_id}; the same as {@link #id()}.
     *
     * @return the batch id
     */
    public String batchId() {
        return batchId;
    }

    /**
     * Returns the number of items, the envelope's {@code total}.
     *
     * @return the total; the number of {@link #items()} when absent
     */
    public int itemsTotal() {
        return itemsTotal;
    }

    /**
     * Returns the number of items that succeeded.
     *
     * @return the envelope's {@code succeeded}; 0 when absent
     */
    public int itemsSucceeded() {
        return itemsSucceeded;
    }

    /**
     * Returns the number of items that failed.
     *
     * @return the envelope's {@code failed}; 0 when absent
     */
    public int itemsFailed() {
        return itemsFailed;
    }

    /**
     * Returns the number of items that were cancelled.
     *
     * @return the envelope's {@code cancelled}; 0 when absent
     */
    public int itemsCancelled() {
        return itemsCancelled;
    }

    /**
     * Returns the items the envelope lists, lean (id, run id, status as the callback carries them).
     *
     * @return the items, in the order sent; empty when absent
     */
    public List<BatchItem> items() {
        return items;
    }

    /**
     * Returns the {@code output} envelope as sent.
     *
     * @return the envelope; JSON {@code null} when absent
     */
    public JsonValue output() {
        return output;
    }

    @Override
    public String id() {
        return batchId;
    }

    @Override
    public CallbackEvent event() {
        return event;
    }

    @Override
    public String eventName() {
        return eventName;
    }

    @Override
    public RunStatus status() {
        return status;
    }

    @Override
    public String statusCode() {
        return statusCode;
    }

    @Override
    public Duration duration() {
        return duration;
    }

    @Override
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    @Override
    public OffsetDateTime completedAt() {
        return completedAt;
    }

    @Override
    public JsonValue metadata() {
        return metadata;
    }

    @Override
    public String requestId() {
        return requestId;
    }

    @Override
    public JsonValue raw() {
        return raw;
    }

    @Override
    public CallbackSource source() {
        return source;
    }

    /**
     * Returns the batch's state as this callback describes it, so that {@code batches().await(..)} can
     * complete from it: id, status, counts and lean items. Fields a callback does not carry (target,
     * cost, callback URL, ...) are {@code null}.
     *
     * @return the batch
     */
    public Batch toBatch() {
        return Batch.builder()
                .id(batchId)
                .status(status)
                .statusCode(statusCode)
                .itemsTotal(itemsTotal)
                .itemsSucceeded(itemsSucceeded)
                .itemsFailed(itemsFailed)
                .itemsCancelled(itemsCancelled)
                .items(items)
                .output(output)
                .metadata(metadata)
                .requestId(requestId)
                .createdAt(createdAt)
                .completedAt(completedAt)
                .raw(raw)
                .build();
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof BatchCallback that
                        && event == that.event
                        && eventName.equals(that.eventName)
                        && batchId.equals(that.batchId)
                        && status.equals(that.status)
                        && Objects.equals(statusCode, that.statusCode)
                        && itemsTotal == that.itemsTotal
                        && itemsSucceeded == that.itemsSucceeded
                        && itemsFailed == that.itemsFailed
                        && itemsCancelled == that.itemsCancelled
                        && items.equals(that.items)
                        && output.equals(that.output)
                        && Objects.equals(duration, that.duration)
                        && Objects.equals(createdAt, that.createdAt)
                        && Objects.equals(completedAt, that.completedAt)
                        && metadata.equals(that.metadata)
                        && Objects.equals(requestId, that.requestId)
                        && raw.equals(that.raw)
                        && source == that.source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                event,
                eventName,
                batchId,
                status,
                statusCode,
                itemsTotal,
                itemsSucceeded,
                itemsFailed,
                itemsCancelled,
                items,
                output,
                duration,
                createdAt,
                completedAt,
                metadata,
                requestId,
                raw,
                source);
    }

    @Override
    public String toString() {
        return "BatchCallback[event=" + eventName + ", batchId=" + batchId + ", status=" + status + ", requestId="
                + requestId + (source == CallbackSource.CALLBACK ? "" : ", source=" + source) + "]";
    }

    /**
     * Builds a {@link BatchCallback}. {@code batchId} and the event ({@link #eventName(String)} or
     * {@link #event(CallbackEvent)}) are required; the rest is optional, and setters of optional values
     * take {@code null} for absent.
     */
    public static final class Builder {
        private CallbackEvent event;
        private String eventName;
        private String batchId;
        private RunStatus status;
        private String statusCode;
        private Integer itemsTotal;
        private int itemsSucceeded;
        private int itemsFailed;
        private int itemsCancelled;
        private List<BatchItem> items = List.of();
        private JsonValue output = JsonValue.JsonNull.INSTANCE;
        private Duration duration;
        private OffsetDateTime createdAt;
        private OffsetDateTime completedAt;
        private JsonValue metadata = JsonValue.JsonNull.INSTANCE;
        private String requestId;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;
        private CallbackSource source = CallbackSource.CALLBACK;

        private Builder() {}

        private Builder(BatchCallback callback) {
            this.event = callback.event;
            this.eventName = callback.eventName;
            this.batchId = callback.batchId;
            this.status = callback.status;
            this.statusCode = callback.statusCode;
            this.itemsTotal = callback.itemsTotal;
            this.itemsSucceeded = callback.itemsSucceeded;
            this.itemsFailed = callback.itemsFailed;
            this.itemsCancelled = callback.itemsCancelled;
            this.items = callback.items;
            this.output = callback.output;
            this.duration = callback.duration;
            this.createdAt = callback.createdAt;
            this.completedAt = callback.completedAt;
            this.metadata = callback.metadata;
            this.requestId = callback.requestId;
            this.raw = callback.raw;
            this.source = callback.source;
        }

        /**
         * Sets the event.
         *
         * @param event the event; default {@link CallbackEvent#from(String)} of the event name
         * @return this builder
         */
        public Builder event(CallbackEvent event) {
            this.event = Objects.requireNonNull(event, "event");
            return this;
        }

        /**
         * Sets the raw event name.
         *
         * @param eventName for example {@code batch.succeeded}; default the {@link
         *     #event(CallbackEvent)}'s value
         * @return this builder
         */
        public Builder eventName(String eventName) {
            this.eventName = Objects.requireNonNull(eventName, "eventName");
            return this;
        }

        /**
         * Sets the batch id (required).
         *
         * @param batchId the batch id
         * @return this builder
         */
        public Builder batchId(String batchId) {
            this.batchId = Objects.requireNonNull(batchId, "batchId");
            return this;
        }

        /**
         * Sets the terminal status.
         *
         * @param status the status; default read from the status code, else the one the event stands for
         * @return this builder
         */
        public Builder status(RunStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * Sets the raw status.
         *
         * @param statusCode the status as sent; default {@code null}
         * @return this builder
         */
        public Builder statusCode(String statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /**
         * Sets the number of items.
         *
         * @param itemsTotal as sent; default the number of {@link #items(List)}
         * @return this builder
         */
        public Builder itemsTotal(int itemsTotal) {
            this.itemsTotal = itemsTotal;
            return this;
        }

        /**
         * Sets the number of items that succeeded.
         *
         * @param itemsSucceeded as sent; default 0
         * @return this builder
         */
        public Builder itemsSucceeded(int itemsSucceeded) {
            this.itemsSucceeded = itemsSucceeded;
            return this;
        }

        /**
         * Sets the number of items that failed.
         *
         * @param itemsFailed as sent; default 0
         * @return this builder
         */
        public Builder itemsFailed(int itemsFailed) {
            this.itemsFailed = itemsFailed;
            return this;
        }

        /**
         * Sets the number of items that were cancelled.
         *
         * @param itemsCancelled as sent; default 0
         * @return this builder
         */
        public Builder itemsCancelled(int itemsCancelled) {
            this.itemsCancelled = itemsCancelled;
            return this;
        }

        /**
         * Sets the items the envelope lists.
         *
         * @param items the items, copied; default none
         * @return this builder
         */
        public Builder items(List<BatchItem> items) {
            this.items = List.copyOf(Objects.requireNonNull(items, "items"));
            return this;
        }

        /**
         * Sets the {@code output} envelope as sent.
         *
         * @param output the envelope; default JSON {@code null}
         * @return this builder
         */
        public Builder output(JsonValue output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /**
         * Sets the total time.
         *
         * @param duration the duration; default {@code null}
         * @return this builder
         */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /**
         * Sets when the batch was created.
         *
         * @param createdAt the instant; default {@code null}
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets when the batch reached its terminal state.
         *
         * @param completedAt the instant; default {@code null}
         * @return this builder
         */
        public Builder completedAt(OffsetDateTime completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /**
         * Sets the metadata given at creation.
         *
         * @param metadata the metadata; default JSON {@code null}
         * @return this builder
         */
        public Builder metadata(JsonValue metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /**
         * Sets the delivery's {@code Runflow-Request-Id}.
         *
         * @param requestId the request id; default {@code null}
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * Sets the whole body as received.
         *
         * @param raw the body; default JSON {@code null}
         * @return this builder
         */
        public Builder raw(JsonValue raw) {
            this.raw = Objects.requireNonNull(raw, "raw");
            return this;
        }

        /**
         * Sets where the callback came from.
         *
         * @param source the source; default {@link CallbackSource#CALLBACK}
         * @return this builder
         */
        public Builder source(CallbackSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Builds the callback.
         *
         * @return the callback
         * @throws IllegalStateException if the batch id or the event is missing
         */
        public BatchCallback build() {
            if (batchId == null) {
                throw new IllegalStateException("batchId is required");
            }
            CallbackFields.requireEvent(event, eventName);
            return new BatchCallback(this);
        }
    }
}
