package io.runflow.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A batch: one model run over many inputs, as {@code POST /v1/models/{model}/batches} and {@code GET
 * /v1/batches/{id}} return it, or as a batch callback describes it. Its items are lean ({@code id},
 * {@code sequence_index}, {@code run_id}, {@code status_code}, {@code client_ref}), meant for
 * polling; {@code Batches.items(..)} reads them in full.
 *
 * <p>A batch ends {@link RunStatus#SUCCEEDED} when every item succeeded, {@link RunStatus#FAILED} when
 * none did, {@link RunStatus#PARTIAL_SUCCEEDED} when some did, and {@link RunStatus#CANCELED} when it
 * was cancelled. Fields the server leaves out are {@code null} (counts: 0).
 */
public final class Batch {

    private final String id;
    private final RunStatus status;
    private final String statusCode;
    private final String targetType;
    private final String targetId;
    private final int itemsTotal;
    private final int itemsSucceeded;
    private final int itemsFailed;
    private final int itemsCancelled;
    private final List<BatchItem> items;
    private final BigDecimal cost;
    private final JsonValue output;
    private final JsonValue metadata;
    private final String callbackUrl;
    private final String requestId;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime startedAt;
    private final OffsetDateTime completedAt;
    private final RunFailure failure;
    private final JsonValue raw;

    private Batch(Builder builder) {
        this.id = builder.id;
        this.status = builder.status;
        this.statusCode = builder.statusCode;
        this.targetType = builder.targetType;
        this.targetId = builder.targetId;
        this.itemsTotal = builder.itemsTotal;
        this.itemsSucceeded = builder.itemsSucceeded;
        this.itemsFailed = builder.itemsFailed;
        this.itemsCancelled = builder.itemsCancelled;
        this.items = builder.items == null ? List.of() : List.copyOf(builder.items);
        this.cost = builder.cost;
        this.output = builder.output == null ? JsonValue.JsonNull.INSTANCE : builder.output;
        this.metadata = builder.metadata == null ? JsonValue.JsonNull.INSTANCE : builder.metadata;
        this.callbackUrl = builder.callbackUrl;
        this.requestId = builder.requestId;
        this.createdAt = builder.createdAt;
        this.startedAt = builder.startedAt;
        this.completedAt = builder.completedAt;
        this.failure = builder.failure;
        this.raw = builder.raw == null ? JsonValue.JsonNull.INSTANCE : builder.raw;
    }

    /**
     * Returns a new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this value's fields, to build a changed copy.
     *
     * @return a builder initialised from this value
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the batch id.
     *
     * @return the batch id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the status; {@link RunStatus#UNKNOWN} for a value this SDK does not know.
     *
     * @return the status; {@link RunStatus#UNKNOWN} for a value this SDK does not know
     */
    public RunStatus status() {
        return status;
    }

    /**
     * Returns the raw {@code status_code}.
     *
     * @return the raw {@code status_code}
     */
    public String statusCode() {
        return statusCode;
    }

    /**
     * Returns what runs, for example {@code model}.
     *
     * @return what runs, for example {@code model}
     */
    public String targetType() {
        return targetType;
    }

    /**
     * Returns the id of the model that runs.
     *
     * @return the id of the model that runs
     */
    public String targetId() {
        return targetId;
    }

    /**
     * Returns how many items the batch has.
     *
     * @return how many items the batch has
     */
    public int itemsTotal() {
        return itemsTotal;
    }

    /**
     * Returns how many succeeded so far.
     *
     * @return how many succeeded so far
     */
    public int itemsSucceeded() {
        return itemsSucceeded;
    }

    /**
     * Returns how many failed so far.
     *
     * @return how many failed so far
     */
    public int itemsFailed() {
        return itemsFailed;
    }

    /**
     * Returns how many were cancelled so far.
     *
     * @return how many were cancelled so far
     */
    public int itemsCancelled() {
        return itemsCancelled;
    }

    /**
     * Returns the lean items, in sequence order; empty if not given.
     *
     * @return the lean items, in sequence order; empty if not given
     */
    public List<BatchItem> items() {
        return items;
    }

    /**
     * Returns what the batch cost so far, from the decimal string {@code cost}.
     *
     * @return what the batch cost so far, from the decimal string {@code cost}
     */
    public BigDecimal cost() {
        return cost;
    }

    /**
     * Returns the batch output as sent, or JSON {@code null} when absent.
     *
     * @return the batch output as sent, or JSON {@code null} when absent
     */
    public JsonValue output() {
        return output;
    }

    /**
     * Returns the metadata given at creation, or JSON {@code null} when absent.
     *
     * @return the metadata given at creation, or JSON {@code null} when absent
     */
    public JsonValue metadata() {
        return metadata;
    }

    /**
     * Returns where the batch callback goes.
     *
     * @return where the batch callback goes
     */
    public String callbackUrl() {
        return callbackUrl;
    }

    /**
     * Returns the request id: the body's {@code request_id}, else the {@code Runflow-Request-Id} header of the answer, else {@code null}.
     *
     * @return the request id: the body's {@code request_id}, else the {@code Runflow-Request-Id} header of the answer, else {@code null}
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Returns when the batch was created.
     *
     * @return when the batch was created
     */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /**
     * Returns when its first item started.
     *
     * @return when its first item started
     */
    public OffsetDateTime startedAt() {
        return startedAt;
    }

    /**
     * Returns when its last item finished.
     *
     * @return when its last item finished
     */
    public OffsetDateTime completedAt() {
        return completedAt;
    }

    /**
     * Returns why the batch as a whole failed, if the server says.
     *
     * @return why the batch as a whole failed, if the server says
     */
    public RunFailure failure() {
        return failure;
    }

    /**
     * Returns the batch as received.
     *
     * @return the batch as received
     */
    public JsonValue raw() {
        return raw;
    }

    /**
     * Tells whether the batch will change no more.
     *
     * @return {@code status().isTerminal()}
     */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /**
     * Returns how many items have not finished yet.
     *
     * @return {@code itemsTotal - succeeded - failed - cancelled}, never negative
     */
    public int itemsPending() {
        return Math.max(0, itemsTotal - itemsSucceeded - itemsFailed - itemsCancelled);
    }

    @Override
    public String toString() {
        return "Batch[id=" + id + ", status=" + statusCode + ", items=" + itemsSucceeded + "/" + itemsFailed + "/"
                + itemsCancelled + " of " + itemsTotal + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Batch other
                && Objects.equals(id, other.id)
                && Objects.equals(status, other.status)
                && Objects.equals(statusCode, other.statusCode)
                && Objects.equals(targetType, other.targetType)
                && Objects.equals(targetId, other.targetId)
                && itemsTotal == other.itemsTotal
                && itemsSucceeded == other.itemsSucceeded
                && itemsFailed == other.itemsFailed
                && itemsCancelled == other.itemsCancelled
                && Objects.equals(items, other.items)
                && Objects.equals(cost, other.cost)
                && Objects.equals(output, other.output)
                && Objects.equals(metadata, other.metadata)
                && Objects.equals(callbackUrl, other.callbackUrl)
                && Objects.equals(requestId, other.requestId)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(startedAt, other.startedAt)
                && Objects.equals(completedAt, other.completedAt)
                && Objects.equals(failure, other.failure)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                status,
                statusCode,
                targetType,
                targetId,
                itemsTotal,
                itemsSucceeded,
                itemsFailed,
                itemsCancelled,
                items,
                cost,
                output,
                metadata,
                callbackUrl,
                requestId,
                createdAt,
                startedAt,
                completedAt,
                failure,
                raw);
    }

    /** Builds a {@link Batch}; id, status are required. */
    public static final class Builder {

        private String id;
        private RunStatus status;
        private String statusCode;
        private String targetType;
        private String targetId;
        private int itemsTotal;
        private int itemsSucceeded;
        private int itemsFailed;
        private int itemsCancelled;
        private List<BatchItem> items = List.of();
        private BigDecimal cost;
        private JsonValue output = JsonValue.JsonNull.INSTANCE;
        private JsonValue metadata = JsonValue.JsonNull.INSTANCE;
        private String callbackUrl;
        private String requestId;
        private OffsetDateTime createdAt;
        private OffsetDateTime startedAt;
        private OffsetDateTime completedAt;
        private RunFailure failure;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(Batch source) {
            this.id = source.id;
            this.status = source.status;
            this.statusCode = source.statusCode;
            this.targetType = source.targetType;
            this.targetId = source.targetId;
            this.itemsTotal = source.itemsTotal;
            this.itemsSucceeded = source.itemsSucceeded;
            this.itemsFailed = source.itemsFailed;
            this.itemsCancelled = source.itemsCancelled;
            this.items = source.items;
            this.cost = source.cost;
            this.output = source.output;
            this.metadata = source.metadata;
            this.callbackUrl = source.callbackUrl;
            this.requestId = source.requestId;
            this.createdAt = source.createdAt;
            this.startedAt = source.startedAt;
            this.completedAt = source.completedAt;
            this.failure = source.failure;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the batch id, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code status}.
         *
         * @param status the status; {@link RunStatus#UNKNOWN} for a value this SDK does not know, not null
         * @return this builder
         */
        public Builder status(RunStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * Sets {@code statusCode}.
         *
         * @param statusCode the raw {@code status_code}
         * @return this builder
         */
        public Builder statusCode(String statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /**
         * Sets {@code targetType}.
         *
         * @param targetType what runs, for example {@code model}
         * @return this builder
         */
        public Builder targetType(String targetType) {
            this.targetType = targetType;
            return this;
        }

        /**
         * Sets {@code targetId}.
         *
         * @param targetId the id of the model that runs
         * @return this builder
         */
        public Builder targetId(String targetId) {
            this.targetId = targetId;
            return this;
        }

        /**
         * Sets {@code itemsTotal}.
         *
         * @param itemsTotal how many items the batch has
         * @return this builder
         */
        public Builder itemsTotal(int itemsTotal) {
            this.itemsTotal = itemsTotal;
            return this;
        }

        /**
         * Sets {@code itemsSucceeded}.
         *
         * @param itemsSucceeded how many succeeded so far
         * @return this builder
         */
        public Builder itemsSucceeded(int itemsSucceeded) {
            this.itemsSucceeded = itemsSucceeded;
            return this;
        }

        /**
         * Sets {@code itemsFailed}.
         *
         * @param itemsFailed how many failed so far
         * @return this builder
         */
        public Builder itemsFailed(int itemsFailed) {
            this.itemsFailed = itemsFailed;
            return this;
        }

        /**
         * Sets {@code itemsCancelled}.
         *
         * @param itemsCancelled how many were cancelled so far
         * @return this builder
         */
        public Builder itemsCancelled(int itemsCancelled) {
            this.itemsCancelled = itemsCancelled;
            return this;
        }

        /**
         * Sets {@code items}.
         *
         * @param items the lean items, in sequence order; empty if not given; {@code null} for none
         * @return this builder
         */
        public Builder items(List<BatchItem> items) {
            this.items = items == null ? List.of() : List.copyOf(items);
            return this;
        }

        /**
         * Sets {@code cost}.
         *
         * @param cost what the batch cost so far, from the decimal string {@code cost}
         * @return this builder
         */
        public Builder cost(BigDecimal cost) {
            this.cost = cost;
            return this;
        }

        /**
         * Sets {@code output}.
         *
         * @param output the batch output as sent, or JSON {@code null} when absent; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder output(JsonValue output) {
            this.output = output == null ? JsonValue.JsonNull.INSTANCE : output;
            return this;
        }

        /**
         * Sets {@code metadata}.
         *
         * @param metadata the metadata given at creation, or JSON {@code null} when absent; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder metadata(JsonValue metadata) {
            this.metadata = metadata == null ? JsonValue.JsonNull.INSTANCE : metadata;
            return this;
        }

        /**
         * Sets {@code callbackUrl}.
         *
         * @param callbackUrl where the batch callback goes
         * @return this builder
         */
        public Builder callbackUrl(String callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        /**
         * Sets {@code requestId}.
         *
         * @param requestId the request id: the body's {@code request_id}, else the {@code Runflow-Request-Id} header of the answer, else {@code null}
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when the batch was created
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@code startedAt}.
         *
         * @param startedAt when its first item started
         * @return this builder
         */
        public Builder startedAt(OffsetDateTime startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /**
         * Sets {@code completedAt}.
         *
         * @param completedAt when its last item finished
         * @return this builder
         */
        public Builder completedAt(OffsetDateTime completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /**
         * Sets {@code failure}.
         *
         * @param failure why the batch as a whole failed, if the server says
         * @return this builder
         */
        public Builder failure(RunFailure failure) {
            this.failure = failure;
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the batch as received; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder raw(JsonValue raw) {
            this.raw = raw == null ? JsonValue.JsonNull.INSTANCE : raw;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws IllegalStateException if a required value is not set
         */
        public Batch build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            if (status == null) {
                throw new IllegalStateException("status is required");
            }
            return new Batch(this);
        }
    }
}
