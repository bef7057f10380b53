package io.runflow.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One item of a batch. In a {@link Batch} it is lean (id, sequence index, run id, status, client
 * reference); {@code GET /v1/batches/{id}/items[/{item}]} fill in the rest, the item's full {@link
 * #run()} included. Fields the server leaves out are {@code null}.
 */
public final class BatchItem {

    private final String id;
    private final String batchId;
    private final Integer sequenceIndex;
    private final String runId;
    private final RunStatus status;
    private final String statusCode;
    private final String clientRef;
    private final JsonValue input;
    private final BigDecimal cost;
    private final RunOutput output;
    private final JsonValue error;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime startedAt;
    private final OffsetDateTime completedAt;
    private final Run run;
    private final JsonValue raw;

    private BatchItem(Builder builder) {
        this.id = builder.id;
        this.batchId = builder.batchId;
        this.sequenceIndex = builder.sequenceIndex;
        this.runId = builder.runId;
        this.status = builder.status;
        this.statusCode = builder.statusCode;
        this.clientRef = builder.clientRef;
        this.input = builder.input == null ? JsonValue.JsonNull.INSTANCE : builder.input;
        this.cost = builder.cost;
        this.output = builder.output;
        this.error = builder.error == null ? JsonValue.JsonNull.INSTANCE : builder.error;
        this.createdAt = builder.createdAt;
        this.startedAt = builder.startedAt;
        this.completedAt = builder.completedAt;
        this.run = builder.run;
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
     * Returns the item id.
     *
     * @return the item id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the batch it belongs to, {@code null} in a lean item.
     *
     * @return the batch it belongs to, {@code null} in a lean item
     */
    public String batchId() {
        return batchId;
    }

    /**
     * Returns the item's place in the batch's {@code input} array, from 0.
     *
     * @return the item's place in the batch's {@code input} array, from 0
     */
    public Integer sequenceIndex() {
        return sequenceIndex;
    }

    /**
     * Returns the id of the item's run.
     *
     * @return the id of the item's run
     */
    public String runId() {
        return runId;
    }

    /**
     * Returns the item's status.
     *
     * @return the item's status
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
     * Returns the item's {@code client_ref}.
     *
     * @return the item's {@code client_ref}
     */
    public String clientRef() {
        return clientRef;
    }

    /**
     * Returns the item's input, or JSON {@code null} when absent.
     *
     * @return the item's input, or JSON {@code null} when absent
     */
    public JsonValue input() {
        return input;
    }

    /**
     * Returns what the item cost.
     *
     * @return what the item cost
     */
    public BigDecimal cost() {
        return cost;
    }

    /**
     * Returns the item's output, {@code null} until it succeeds.
     *
     * @return the item's output, {@code null} until it succeeds
     */
    public RunOutput output() {
        return output;
    }

    /**
     * Returns the item's {@code error} object as sent, or JSON {@code null} when absent.
     *
     * @return the item's {@code error} object as sent, or JSON {@code null} when absent
     */
    public JsonValue error() {
        return error;
    }

    /**
     * Returns when it was created.
     *
     * @return when it was created
     */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /**
     * Returns when its run started.
     *
     * @return when its run started
     */
    public OffsetDateTime startedAt() {
        return startedAt;
    }

    /**
     * Returns when its run finished.
     *
     * @return when its run finished
     */
    public OffsetDateTime completedAt() {
        return completedAt;
    }

    /**
     * Returns the item's full run, {@code null} in a lean item.
     *
     * @return the item's full run, {@code null} in a lean item
     */
    public Run run() {
        return run;
    }

    /**
     * Returns the item as received.
     *
     * @return the item as received
     */
    public JsonValue raw() {
        return raw;
    }

    @Override
    public String toString() {
        return "BatchItem[id=" + id + ", index=" + sequenceIndex + ", runId=" + runId + ", status=" + statusCode + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof BatchItem other
                && Objects.equals(id, other.id)
                && Objects.equals(batchId, other.batchId)
                && Objects.equals(sequenceIndex, other.sequenceIndex)
                && Objects.equals(runId, other.runId)
                && Objects.equals(status, other.status)
                && Objects.equals(statusCode, other.statusCode)
                && Objects.equals(clientRef, other.clientRef)
                && Objects.equals(input, other.input)
                && Objects.equals(cost, other.cost)
                && Objects.equals(output, other.output)
                && Objects.equals(error, other.error)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(startedAt, other.startedAt)
                && Objects.equals(completedAt, other.completedAt)
                && Objects.equals(run, other.run)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                batchId,
                sequenceIndex,
                runId,
                status,
                statusCode,
                clientRef,
                input,
                cost,
                output,
                error,
                createdAt,
                startedAt,
                completedAt,
                run,
                raw);
    }

    /** Builds a {@link BatchItem}; id, status are required. */
    public static final class Builder {

        private String id;
        private String batchId;
        private Integer sequenceIndex;
        private String runId;
        private RunStatus status;
        private String statusCode;
        private String clientRef;
        private JsonValue input = JsonValue.JsonNull.INSTANCE;
        private BigDecimal cost;
        private RunOutput output;
        private JsonValue error = JsonValue.JsonNull.INSTANCE;
        private OffsetDateTime createdAt;
        private OffsetDateTime startedAt;
        private OffsetDateTime completedAt;
        private Run run;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(BatchItem source) {
            this.id = source.id;
            this.batchId = source.batchId;
            this.sequenceIndex = source.sequenceIndex;
            this.runId = source.runId;
            this.status = source.status;
            this.statusCode = source.statusCode;
            this.clientRef = source.clientRef;
            this.input = source.input;
            this.cost = source.cost;
            this.output = source.output;
            this.error = source.error;
            this.createdAt = source.createdAt;
            this.startedAt = source.startedAt;
            this.completedAt = source.completedAt;
            this.run = source.run;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the item id, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code batchId}.
         *
         * @param batchId the batch it belongs to, {@code null} in a lean item
         * @return this builder
         */
        public Builder batchId(String batchId) {
            this.batchId = batchId;
            return this;
        }

        /**
         * Sets {@code sequenceIndex}.
         *
         * @param sequenceIndex the item's place in the batch's {@code input} array, from 0
         * @return this builder
         */
        public Builder sequenceIndex(Integer sequenceIndex) {
            this.sequenceIndex = sequenceIndex;
            return this;
        }

        /**
         * Sets {@code runId}.
         *
         * @param runId the id of the item's run
         * @return this builder
         */
        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        /**
         * Sets {@code status}.
         *
         * @param status the item's status, not null
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
         * Sets {@code clientRef}.
         *
         * @param clientRef the item's {@code client_ref}
         * @return this builder
         */
        public Builder clientRef(String clientRef) {
            this.clientRef = clientRef;
            return this;
        }

        /**
         * Sets {@code input}.
         *
         * @param input the item's input, or JSON {@code null} when absent; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder input(JsonValue input) {
            this.input = input == null ? JsonValue.JsonNull.INSTANCE : input;
            return this;
        }

        /**
         * Sets {@code cost}.
         *
         * @param cost what the item cost
         * @return this builder
         */
        public Builder cost(BigDecimal cost) {
            this.cost = cost;
            return this;
        }

        /**
         * Sets {@code output}.
         *
         * @param output the item's output, {@code null} until it succeeds
         * @return this builder
         */
        public Builder output(RunOutput output) {
            this.output = output;
            return this;
        }

        /**
         * Sets {@code error}.
         *
         * @param error the item's {@code error} object as sent, or JSON {@code null} when absent; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder error(JsonValue error) {
            this.error = error == null ? JsonValue.JsonNull.INSTANCE : error;
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when it was created
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@code startedAt}.
         *
         * @param startedAt when its run started
         * @return this builder
         */
        public Builder startedAt(OffsetDateTime startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /**
         * Sets {@code completedAt}.
         *
         * @param completedAt when its run finished
         * @return this builder
         */
        public Builder completedAt(OffsetDateTime completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /**
         * Sets {@code run}.
         *
         * @param run the item's full run, {@code null} in a lean item
         * @return this builder
         */
        public Builder run(Run run) {
            this.run = run;
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the item as received; {@code null} stands for JSON {@code null}
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
        public BatchItem build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            if (status == null) {
                throw new IllegalStateException("status is required");
            }
            return new BatchItem(this);
        }
    }
}
