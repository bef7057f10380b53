package io.runflow.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A run of a model, as {@code POST /v1/models/{model}/runs}, {@code GET /v1/runs/{id}} and the run
 * list return it.
 *
 * <p>Fields the server leaves out or sends as {@code null} are {@code null} here, except {@link
 * #input()}, {@link #metadata()} and {@link #raw()}, which are JSON values (JSON {@code null} when absent).
 * Fields this SDK does not model stay reachable through {@link #raw()}: for example the feedback
 * ({@code raw().path("feedback_is_positive")}, {@code feedback_reason}) and the evaluation summary
 * ({@code raw().path("current_evaluation_summary").path("score")}) that list items carry.
 *
 * <p>Every field is optional on every read: a list read with a {@code fields} projection may leave
 * out even {@link #id()}; {@code GET /v1/runs/{id}} may leave out the failure fields and may embed
 * the run's {@link #logs()}.
 */
public final class Run {

    private final String id;
    private final RunStatus status;
    private final String statusCode;
    private final String modelId;
    private final String targetType;
    private final String orgId;
    private final JsonValue input;
    private final RunOutput output;
    private final BigDecimal cost;
    private final Duration duration;
    private final String clientRef;
    private final String callbackUrl;
    private final JsonValue metadata;
    private final String batchId;
    private final String requestId;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime startedAt;
    private final OffsetDateTime completedAt;
    private final RunFailure failure;
    private final Integer nodesTotal;
    private final Integer nodesCompleted;
    private final Boolean hasNodeRuns;
    private final Boolean hasLogs;
    private final List<RunLog> logs;
    private final JsonValue raw;

    private Run(Builder builder) {
        this.id = builder.id;
        this.status = builder.status;
        this.statusCode = builder.statusCode;
        this.modelId = builder.modelId;
        this.targetType = builder.targetType;
        this.orgId = builder.orgId;
        this.input = builder.input == null ? JsonValue.JsonNull.INSTANCE : builder.input;
        this.output = builder.output;
        this.cost = builder.cost;
        this.duration = builder.duration;
        this.clientRef = builder.clientRef;
        this.callbackUrl = builder.callbackUrl;
        this.metadata = builder.metadata == null ? JsonValue.JsonNull.INSTANCE : builder.metadata;
        this.batchId = builder.batchId;
        this.requestId = builder.requestId;
        this.createdAt = builder.createdAt;
        this.startedAt = builder.startedAt;
        this.completedAt = builder.completedAt;
        this.failure = builder.failure;
        this.nodesTotal = builder.nodesTotal;
        this.nodesCompleted = builder.nodesCompleted;
        this.hasNodeRuns = builder.hasNodeRuns;
        this.hasLogs = builder.hasLogs;
        this.logs = builder.logs;
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
     * Returns the run id (opaque string).
     *
     * @return the run id (opaque string); {@code null} only for a list item read with a {@code
     *     fields} projection that leaves it out
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
     * Returns the raw {@code status_code} as sent.
     *
     * @return the raw {@code status_code} as sent
     */
    public String statusCode() {
        return statusCode;
    }

    /**
     * Returns the id of the model that runs.
     *
     * @return the id of the model that runs
     */
    public String modelId() {
        return modelId;
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
     * Returns the organization the run belongs to.
     *
     * @return the organization the run belongs to
     */
    public String orgId() {
        return orgId;
    }

    /**
     * Returns the model input as submitted.
     *
     * @return the model input as submitted
     */
    public JsonValue input() {
        return input;
    }

    /**
     * Returns the output; {@code null} until the run succeeds.
     *
     * @return the output; {@code null} until the run succeeds
     */
    public RunOutput output() {
        return output;
    }

    /**
     * Returns what the run cost, from the decimal string {@code cost}.
     *
     * @return what the run cost, from the decimal string {@code cost}
     */
    public BigDecimal cost() {
        return cost;
    }

    /**
     * Returns the total run time, from {@code duration_ms}.
     *
     * @return the total run time, from {@code duration_ms}
     */
    public Duration duration() {
        return duration;
    }

    /**
     * Returns the caller's correlation reference.
     *
     * @return the caller's correlation reference
     */
    public String clientRef() {
        return clientRef;
    }

    /**
     * Returns where the terminal callback goes.
     *
     * @return where the terminal callback goes
     */
    public String callbackUrl() {
        return callbackUrl;
    }

    /**
     * Returns the metadata given at creation.
     *
     * @return the metadata given at creation
     */
    public JsonValue metadata() {
        return metadata;
    }

    /**
     * Returns the batch this run belongs to, if any.
     *
     * @return the batch this run belongs to, if any
     */
    public String batchId() {
        return batchId;
    }

    /**
     * Returns the request id the server recorded for the create.
     *
     * @return the request id the server recorded for the create
     */
    public String requestId() {
        return requestId;
    }

    /**
     * Returns when the run was created.
     *
     * @return when the run was created
     */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /**
     * Returns when it started executing.
     *
     * @return when it started executing
     */
    public OffsetDateTime startedAt() {
        return startedAt;
    }

    /**
     * Returns when it reached a terminal state.
     *
     * @return when it reached a terminal state
     */
    public OffsetDateTime completedAt() {
        return completedAt;
    }

    /**
     * Returns why it failed; {@code null} unless a failure field is present.
     *
     * @return why it failed; {@code null} unless a failure field is present
     */
    public RunFailure failure() {
        return failure;
    }

    /**
     * Returns how many nodes the run's flow has ({@code nodes_total}).
     *
     * @return the node count, {@code null} if not sent
     */
    public Integer nodesTotal() {
        return nodesTotal;
    }

    /**
     * Returns how many of the run's nodes have finished ({@code nodes_completed}).
     *
     * @return the finished node count, {@code null} if not sent
     */
    public Integer nodesCompleted() {
        return nodesCompleted;
    }

    /**
     * Tells whether the run has node runs to list ({@code has_node_runs}), which {@code
     * runs().nodeRuns(runId)} returns.
     *
     * @return {@code true} only if the server said so
     */
    public boolean hasNodeRuns() {
        return Boolean.TRUE.equals(hasNodeRuns);
    }

    /**
     * Tells whether the run has log entries ({@code has_logs}), which {@code runs().logs(runId)}
     * returns.
     *
     * @return {@code true} only if the server said so
     */
    public boolean hasLogs() {
        return Boolean.TRUE.equals(hasLogs);
    }

    /**
     * Returns the log entries {@code GET /v1/runs/{id}} embedded ({@code logs[]}), if it did.
     *
     * @return the embedded entries; empty when none were embedded, never {@code null}
     */
    public List<RunLog> logs() {
        return logs;
    }

    /**
     * Returns the run as received.
     *
     * @return the run as received
     */
    public JsonValue raw() {
        return raw;
    }

    /**
     * Tells whether the run will change no more.
     *
     * @return {@code status().isTerminal()}
     */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    @Override
    public String toString() {
        return "Run[id=" + id + ", status=" + statusCode + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Run other
                && Objects.equals(id, other.id)
                && Objects.equals(status, other.status)
                && Objects.equals(statusCode, other.statusCode)
                && Objects.equals(modelId, other.modelId)
                && Objects.equals(targetType, other.targetType)
                && Objects.equals(orgId, other.orgId)
                && Objects.equals(input, other.input)
                && Objects.equals(output, other.output)
                && Objects.equals(cost, other.cost)
                && Objects.equals(duration, other.duration)
                && Objects.equals(clientRef, other.clientRef)
                && Objects.equals(callbackUrl, other.callbackUrl)
                && Objects.equals(metadata, other.metadata)
                && Objects.equals(batchId, other.batchId)
                && Objects.equals(requestId, other.requestId)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(startedAt, other.startedAt)
                && Objects.equals(completedAt, other.completedAt)
                && Objects.equals(failure, other.failure)
                && Objects.equals(nodesTotal, other.nodesTotal)
                && Objects.equals(nodesCompleted, other.nodesCompleted)
                && Objects.equals(hasNodeRuns, other.hasNodeRuns)
                && Objects.equals(hasLogs, other.hasLogs)
                && Objects.equals(logs, other.logs)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                status,
                statusCode,
                modelId,
                targetType,
                orgId,
                input,
                output,
                cost,
                duration,
                clientRef,
                callbackUrl,
                metadata,
                batchId,
                requestId,
                createdAt,
                startedAt,
                completedAt,
                failure,
                nodesTotal,
                nodesCompleted,
                hasNodeRuns,
                hasLogs,
                logs,
                raw);
    }

    /** Builds a {@link Run}; status is required. */
    public static final class Builder {

        private String id;
        private RunStatus status;
        private String statusCode;
        private String modelId;
        private String targetType;
        private String orgId;
        private JsonValue input = JsonValue.JsonNull.INSTANCE;
        private RunOutput output;
        private BigDecimal cost;
        private Duration duration;
        private String clientRef;
        private String callbackUrl;
        private JsonValue metadata = JsonValue.JsonNull.INSTANCE;
        private String batchId;
        private String requestId;
        private OffsetDateTime createdAt;
        private OffsetDateTime startedAt;
        private OffsetDateTime completedAt;
        private RunFailure failure;
        private Integer nodesTotal;
        private Integer nodesCompleted;
        private Boolean hasNodeRuns;
        private Boolean hasLogs;
        private List<RunLog> logs = List.of();
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(Run source) {
            this.id = source.id;
            this.status = source.status;
            this.statusCode = source.statusCode;
            this.modelId = source.modelId;
            this.targetType = source.targetType;
            this.orgId = source.orgId;
            this.input = source.input;
            this.output = source.output;
            this.cost = source.cost;
            this.duration = source.duration;
            this.clientRef = source.clientRef;
            this.callbackUrl = source.callbackUrl;
            this.metadata = source.metadata;
            this.batchId = source.batchId;
            this.requestId = source.requestId;
            this.createdAt = source.createdAt;
            this.startedAt = source.startedAt;
            this.completedAt = source.completedAt;
            this.failure = source.failure;
            this.nodesTotal = source.nodesTotal;
            this.nodesCompleted = source.nodesCompleted;
            this.hasNodeRuns = source.hasNodeRuns;
            this.hasLogs = source.hasLogs;
            this.logs = source.logs;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the run id (opaque string), not null
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
         * @param statusCode the raw {@code status_code} as sent
         * @return this builder
         */
        public Builder statusCode(String statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /**
         * Sets {@code modelId}.
         *
         * @param modelId the id of the model that runs
         * @return this builder
         */
        public Builder modelId(String modelId) {
            this.modelId = modelId;
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
         * Sets {@code orgId}.
         *
         * @param orgId the organization the run belongs to
         * @return this builder
         */
        public Builder orgId(String orgId) {
            this.orgId = orgId;
            return this;
        }

        /**
         * Sets {@code input}.
         *
         * @param input the model input as submitted; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder input(JsonValue input) {
            this.input = input == null ? JsonValue.JsonNull.INSTANCE : input;
            return this;
        }

        /**
         * Sets {@code output}.
         *
         * @param output the output; {@code null} until the run succeeds
         * @return this builder
         */
        public Builder output(RunOutput output) {
            this.output = output;
            return this;
        }

        /**
         * Sets {@code cost}.
         *
         * @param cost what the run cost, from the decimal string {@code cost}
         * @return this builder
         */
        public Builder cost(BigDecimal cost) {
            this.cost = cost;
            return this;
        }

        /**
         * Sets {@code duration}.
         *
         * @param duration the total run time, from {@code duration_ms}
         * @return this builder
         */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /**
         * Sets {@code clientRef}.
         *
         * @param clientRef the caller's correlation reference
         * @return this builder
         */
        public Builder clientRef(String clientRef) {
            this.clientRef = clientRef;
            return this;
        }

        /**
         * Sets {@code callbackUrl}.
         *
         * @param callbackUrl where the terminal callback goes
         * @return this builder
         */
        public Builder callbackUrl(String callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        /**
         * Sets {@code metadata}.
         *
         * @param metadata the metadata given at creation; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder metadata(JsonValue metadata) {
            this.metadata = metadata == null ? JsonValue.JsonNull.INSTANCE : metadata;
            return this;
        }

        /**
         * Sets {@code batchId}.
         *
         * @param batchId the batch this run belongs to, if any
         * @return this builder
         */
        public Builder batchId(String batchId) {
            this.batchId = batchId;
            return this;
        }

        /**
         * Sets {@code requestId}.
         *
         * @param requestId the request id the server recorded for the create
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when the run was created
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@code startedAt}.
         *
         * @param startedAt when it started executing
         * @return this builder
         */
        public Builder startedAt(OffsetDateTime startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /**
         * Sets {@code completedAt}.
         *
         * @param completedAt when it reached a terminal state
         * @return this builder
         */
        public Builder completedAt(OffsetDateTime completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /**
         * Sets {@code failure}.
         *
         * @param failure why it failed; {@code null} unless a failure field is present
         * @return this builder
         */
        public Builder failure(RunFailure failure) {
            this.failure = failure;
            return this;
        }

        /**
         * Sets {@code nodesTotal}.
         *
         * @param nodesTotal the node count, or {@code null} if not sent
         * @return this builder
         */
        public Builder nodesTotal(Integer nodesTotal) {
            this.nodesTotal = nodesTotal;
            return this;
        }

        /**
         * Sets {@code nodesCompleted}.
         *
         * @param nodesCompleted the finished node count, or {@code null} if not sent
         * @return this builder
         */
        public Builder nodesCompleted(Integer nodesCompleted) {
            this.nodesCompleted = nodesCompleted;
            return this;
        }

        /**
         * Sets {@code hasNodeRuns}.
         *
         * @param hasNodeRuns {@code has_node_runs}, or {@code null} if not sent
         * @return this builder
         */
        public Builder hasNodeRuns(Boolean hasNodeRuns) {
            this.hasNodeRuns = hasNodeRuns;
            return this;
        }

        /**
         * Sets {@code hasLogs}.
         *
         * @param hasLogs {@code has_logs}, or {@code null} if not sent
         * @return this builder
         */
        public Builder hasLogs(Boolean hasLogs) {
            this.hasLogs = hasLogs;
            return this;
        }

        /**
         * Sets the embedded {@code logs}.
         *
         * @param logs the entries; {@code null} stands for none
         * @return this builder
         */
        public Builder logs(List<RunLog> logs) {
            this.logs = logs == null ? List.of() : List.copyOf(logs);
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the run as received; {@code null} stands for JSON {@code null}
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
        public Run build() {
            if (status == null) {
                throw new IllegalStateException("status is required");
            }
            return new Run(this);
        }
    }
}
