package io.runflow.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One node's execution within a run ({@code GET /v1/runs/{run_id}/node-runs}, contract section 3.6).
 * A model run is a flow of one node or more: {@link Run#nodesTotal()} counts them, {@link
 * Run#hasNodeRuns()} says whether there are node runs to list.
 *
 * <p>Every field but the id is optional; fields this SDK does not model stay reachable through {@link
 * #raw()}.
 */
public final class NodeRun {

    private final String id;
    private final String runId;
    private final String nodeId;
    private final String flowId;
    private final RunStatus state;
    private final String stateCode;
    private final JsonValue input;
    private final JsonValue output;
    private final String inputSignature;
    private final String previewType;
    private final String previewValue;
    private final Duration duration;
    private final BigDecimal cost;
    private final Integer retryCount;
    private final String errorMessage;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime startedAt;
    private final OffsetDateTime completedAt;
    private final JsonValue raw;

    private NodeRun(Builder builder) {
        this.id = builder.id;
        this.runId = builder.runId;
        this.nodeId = builder.nodeId;
        this.flowId = builder.flowId;
        this.state = builder.state;
        this.stateCode = builder.stateCode;
        this.input = builder.input;
        this.output = builder.output;
        this.inputSignature = builder.inputSignature;
        this.previewType = builder.previewType;
        this.previewValue = builder.previewValue;
        this.duration = builder.duration;
        this.cost = builder.cost;
        this.retryCount = builder.retryCount;
        this.errorMessage = builder.errorMessage;
        this.createdAt = builder.createdAt;
        this.startedAt = builder.startedAt;
        this.completedAt = builder.completedAt;
        this.raw = builder.raw;
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
     * Returns the node run id.
     *
     * @return the node run id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the id of the run it belongs to.
     *
     * @return the id of the run it belongs to
     */
    public String runId() {
        return runId;
    }

    /**
     * Returns the id of the flow node it executed.
     *
     * @return the id of the flow node it executed
     */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Returns the id of the flow.
     *
     * @return the id of the flow
     */
    public String flowId() {
        return flowId;
    }

    /**
     * Returns the state; {@link RunStatus#UNKNOWN} for a value this SDK does not know.
     *
     * @return the state; {@link RunStatus#UNKNOWN} for a value this SDK does not know
     */
    public RunStatus state() {
        return state;
    }

    /**
     * Returns the raw {@code state_code} as sent.
     *
     * @return the raw {@code state_code} as sent
     */
    public String stateCode() {
        return stateCode;
    }

    /**
     * Returns the node's input (JSON {@code null} when absent).
     *
     * @return the node's input (JSON {@code null} when absent)
     */
    public JsonValue input() {
        return input;
    }

    /**
     * Returns the node's output (JSON {@code null} when absent).
     *
     * @return the node's output (JSON {@code null} when absent)
     */
    public JsonValue output() {
        return output;
    }

    /**
     * Returns the signature of the node's input.
     *
     * @return the signature of the node's input
     */
    public String inputSignature() {
        return inputSignature;
    }

    /**
     * Returns the kind of preview, for example {@code image}.
     *
     * @return the kind of preview, for example {@code image}
     */
    public String previewType() {
        return previewType;
    }

    /**
     * Returns the preview, for example an image URL.
     *
     * @return the preview, for example an image URL
     */
    public String previewValue() {
        return previewValue;
    }

    /**
     * Returns how long the node ran.
     *
     * @return how long the node ran
     */
    public Duration duration() {
        return duration;
    }

    /**
     * Returns what the node cost.
     *
     * @return what the node cost
     */
    public BigDecimal cost() {
        return cost;
    }

    /**
     * Returns how often the node was retried.
     *
     * @return how often the node was retried
     */
    public Integer retryCount() {
        return retryCount;
    }

    /**
     * Returns why the node failed.
     *
     * @return why the node failed
     */
    public String errorMessage() {
        return errorMessage;
    }

    /**
     * Returns when the node run was created.
     *
     * @return when the node run was created
     */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /**
     * Returns when the node started.
     *
     * @return when the node started
     */
    public OffsetDateTime startedAt() {
        return startedAt;
    }

    /**
     * Returns when the node finished.
     *
     * @return when the node finished
     */
    public OffsetDateTime completedAt() {
        return completedAt;
    }

    /**
     * Returns the node run as received.
     *
     * @return the node run as received
     */
    public JsonValue raw() {
        return raw;
    }

    @Override
    public String toString() {
        return "NodeRun[id=" + id + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof NodeRun other
                && Objects.equals(id, other.id)
                && Objects.equals(runId, other.runId)
                && Objects.equals(nodeId, other.nodeId)
                && Objects.equals(flowId, other.flowId)
                && Objects.equals(state, other.state)
                && Objects.equals(stateCode, other.stateCode)
                && Objects.equals(input, other.input)
                && Objects.equals(output, other.output)
                && Objects.equals(inputSignature, other.inputSignature)
                && Objects.equals(previewType, other.previewType)
                && Objects.equals(previewValue, other.previewValue)
                && Objects.equals(duration, other.duration)
                && Objects.equals(cost, other.cost)
                && Objects.equals(retryCount, other.retryCount)
                && Objects.equals(errorMessage, other.errorMessage)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(startedAt, other.startedAt)
                && Objects.equals(completedAt, other.completedAt)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                runId,
                nodeId,
                flowId,
                state,
                stateCode,
                input,
                output,
                inputSignature,
                previewType,
                previewValue,
                duration,
                cost,
                retryCount,
                errorMessage,
                createdAt,
                startedAt,
                completedAt,
                raw);
    }

    /** Builds a {@link NodeRun}; id required. */
    public static final class Builder {

        private String id;
        private String runId;
        private String nodeId;
        private String flowId;
        private RunStatus state = RunStatus.UNKNOWN;
        private String stateCode;
        private JsonValue input = JsonValue.JsonNull.INSTANCE;
        private JsonValue output = JsonValue.JsonNull.INSTANCE;
        private String inputSignature;
        private String previewType;
        private String previewValue;
        private Duration duration;
        private BigDecimal cost;
        private Integer retryCount;
        private String errorMessage;
        private OffsetDateTime createdAt;
        private OffsetDateTime startedAt;
        private OffsetDateTime completedAt;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(NodeRun source) {
            this.id = source.id;
            this.runId = source.runId;
            this.nodeId = source.nodeId;
            this.flowId = source.flowId;
            this.state = source.state;
            this.stateCode = source.stateCode;
            this.input = source.input;
            this.output = source.output;
            this.inputSignature = source.inputSignature;
            this.previewType = source.previewType;
            this.previewValue = source.previewValue;
            this.duration = source.duration;
            this.cost = source.cost;
            this.retryCount = source.retryCount;
            this.errorMessage = source.errorMessage;
            this.createdAt = source.createdAt;
            this.startedAt = source.startedAt;
            this.completedAt = source.completedAt;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the node run id, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code runId}.
         *
         * @param runId the id of the run it belongs to, or {@code null}
         * @return this builder
         */
        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        /**
         * Sets {@code nodeId}.
         *
         * @param nodeId the id of the flow node it executed, or {@code null}
         * @return this builder
         */
        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        /**
         * Sets {@code flowId}.
         *
         * @param flowId the id of the flow, or {@code null}
         * @return this builder
         */
        public Builder flowId(String flowId) {
            this.flowId = flowId;
            return this;
        }

        /**
         * Sets {@code state}.
         *
         * @param state the state; {@link RunStatus#UNKNOWN} for a value this SDK does not know, not null
         * @return this builder
         */
        public Builder state(RunStatus state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /**
         * Sets {@code stateCode}.
         *
         * @param stateCode the raw {@code state_code} as sent, or {@code null}
         * @return this builder
         */
        public Builder stateCode(String stateCode) {
            this.stateCode = stateCode;
            return this;
        }

        /**
         * Sets {@code input}.
         *
         * @param input the node's input (JSON {@code null} when absent); {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder input(JsonValue input) {
            this.input = input == null ? JsonValue.JsonNull.INSTANCE : input;
            return this;
        }

        /**
         * Sets {@code output}.
         *
         * @param output the node's output (JSON {@code null} when absent); {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder output(JsonValue output) {
            this.output = output == null ? JsonValue.JsonNull.INSTANCE : output;
            return this;
        }

        /**
         * Sets {@code inputSignature}.
         *
         * @param inputSignature the signature of the node's input, or {@code null}
         * @return this builder
         */
        public Builder inputSignature(String inputSignature) {
            this.inputSignature = inputSignature;
            return this;
        }

        /**
         * Sets {@code previewType}.
         *
         * @param previewType the kind of preview, for example {@code image}, or {@code null}
         * @return this builder
         */
        public Builder previewType(String previewType) {
            this.previewType = previewType;
            return this;
        }

        /**
         * Sets {@code previewValue}.
         *
         * @param previewValue the preview, for example an image URL, or {@code null}
         * @return this builder
         */
        public Builder previewValue(String previewValue) {
            this.previewValue = previewValue;
            return this;
        }

        /**
         * Sets {@code duration}.
         *
         * @param duration how long the node ran, or {@code null}
         * @return this builder
         */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /**
         * Sets {@code cost}.
         *
         * @param cost what the node cost, or {@code null}
         * @return this builder
         */
        public Builder cost(BigDecimal cost) {
            this.cost = cost;
            return this;
        }

        /**
         * Sets {@code retryCount}.
         *
         * @param retryCount how often the node was retried, or {@code null}
         * @return this builder
         */
        public Builder retryCount(Integer retryCount) {
            this.retryCount = retryCount;
            return this;
        }

        /**
         * Sets {@code errorMessage}.
         *
         * @param errorMessage why the node failed, or {@code null}
         * @return this builder
         */
        public Builder errorMessage(String errorMessage) {
            this.errorMessage = errorMessage;
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when the node run was created, or {@code null}
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@code startedAt}.
         *
         * @param startedAt when the node started, or {@code null}
         * @return this builder
         */
        public Builder startedAt(OffsetDateTime startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /**
         * Sets {@code completedAt}.
         *
         * @param completedAt when the node finished, or {@code null}
         * @return this builder
         */
        public Builder completedAt(OffsetDateTime completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the node run as received; {@code null} stands for JSON {@code null}
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
        public NodeRun build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            return new NodeRun(this);
        }
    }
}
