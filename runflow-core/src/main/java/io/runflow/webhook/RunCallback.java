package io.runflow.webhook;

import io.runflow.model.ApiError;
import io.runflow.model.JsonValue;
import io.runflow.model.Run;
import io.runflow.model.RunFailure;
import io.runflow.model.RunOutput;
import io.runflow.model.RunStatus;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A verified run callback: what Runflow POSTs to a run's {@code callback_url} when the run reaches a
 * terminal state. Obtained from {@link WebhookVerifier#verify(byte[], String)}; built with {@link
 * #builder()} in tests.
 *
 * <p>Hand it to {@code runflow.callbacks().accept(callback.toRun())} to finish every wait on the run at
 * once (a {@link WebhookEndpoint} with a client does so itself).
 */
public final class RunCallback implements Callback {

    private final CallbackEvent event;
    private final String eventName;
    private final String runId;
    private final String batchId;
    private final RunStatus status;
    private final String statusCode;
    private final RunOutput output;
    private final ApiError error;
    private final Duration duration;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime completedAt;
    private final JsonValue metadata;
    private final String requestId;
    private final JsonValue raw;
    private final CallbackSource source;

    private RunCallback(Builder builder) {
        this.event = builder.event != null ? builder.event : CallbackEvent.from(builder.eventName);
        this.eventName = builder.eventName != null ? builder.eventName : builder.event.value();
        this.runId = builder.runId;
        this.batchId = builder.batchId;
        this.statusCode = builder.statusCode;
        this.status = CallbackFields.status(builder.status, builder.statusCode, this.event);
        this.output = builder.output;
        this.error = builder.error;
        this.duration = builder.duration;
        this.createdAt = builder.createdAt;
        this.completedAt = builder.completedAt;
        this.metadata = builder.metadata;
        this.requestId = builder.requestId;
        this.raw = builder.raw;
        this.source = builder.source;
    }

    /**
     * Starts a run callback, for tests and for callbacks the application builds itself.
     *
     * <pre>{@code
     * RunCallback callback = RunCallback.builder().runId("run_1").eventName("run.completed").build();
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
     * Returns the run id, {@code run_id}; the same as {@link #id()}.
     *
     * @return the run id
     */
    public String runId() {
        return runId;
    }

    /**
     * Returns the batch the run belongs to, when the callback names one.
     *
     * @return the {@code batch_id}; {@code null} when absent
     */
    public String batchId() {
        return batchId;
    }

    /**
     * Returns the output of a run that succeeded (fully or partially).
     *
     * @return the output; {@code null} for a failed or cancelled run, or when absent
     */
    public RunOutput output() {
        return output;
    }

    /**
     * Returns the error envelope a failed run's {@code output} carries.
     *
     * @return the error; {@code null} unless the run failed with an envelope
     */
    public ApiError error() {
        return error;
    }

    @Override
    public String id() {
        return runId;
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
     * Returns the run's state as this callback describes it, so that waits can complete from it.
     * Fields a callback does not carry (model, input, cost, ...) are {@code null}; a failed run's
     * failure comes from the error envelope.
     *
     * @return the run
     */
    public Run toRun() {
        RunFailure failure = error == null ? null : new RunFailure(error.code(), null, error.message());
        return Run.builder()
                .id(runId)
                .status(status)
                .statusCode(statusCode != null ? statusCode : status.value())
                .output(output)
                .duration(duration)
                .metadata(metadata)
                .batchId(batchId)
                .createdAt(createdAt)
                .completedAt(completedAt)
                .failure(failure)
                .raw(raw)
                .build();
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof RunCallback that
                        && event == that.event
                        && eventName.equals(that.eventName)
                        && runId.equals(that.runId)
                        && Objects.equals(batchId, that.batchId)
                        && status.equals(that.status)
                        && Objects.equals(statusCode, that.statusCode)
                        && Objects.equals(output, that.output)
                        && Objects.equals(error, that.error)
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
                runId,
                batchId,
                status,
                statusCode,
                output,
                error,
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
        return "RunCallback[event=" + eventName + ", runId=" + runId + ", status=" + status + ", requestId=" + requestId
                + (source == CallbackSource.CALLBACK ? "" : ", source=" + source) + "]";
    }

    /**
     * Builds a {@link RunCallback}. {@code runId} and the event ({@link #eventName(String)} or {@link
     * #event(CallbackEvent)}) are required; the rest is optional, and setters of optional values take
     * {@code null} for absent.
     */
    public static final class Builder {
        private CallbackEvent event;
        private String eventName;
        private String runId;
        private String batchId;
        private RunStatus status;
        private String statusCode;
        private RunOutput output;
        private ApiError error;
        private Duration duration;
        private OffsetDateTime createdAt;
        private OffsetDateTime completedAt;
        private JsonValue metadata = JsonValue.JsonNull.INSTANCE;
        private String requestId;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;
        private CallbackSource source = CallbackSource.CALLBACK;

        private Builder() {}

        private Builder(RunCallback callback) {
            this.event = callback.event;
            this.eventName = callback.eventName;
            this.runId = callback.runId;
            this.batchId = callback.batchId;
            this.status = callback.status;
            this.statusCode = callback.statusCode;
            this.output = callback.output;
            this.error = callback.error;
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
         * @param eventName for example {@code run.completed}; default the {@link #event(CallbackEvent)}'s
         *     value
         * @return this builder
         */
        public Builder eventName(String eventName) {
            this.eventName = Objects.requireNonNull(eventName, "eventName");
            return this;
        }

        /**
         * Sets the run id (required).
         *
         * @param runId the run id
         * @return this builder
         */
        public Builder runId(String runId) {
            this.runId = Objects.requireNonNull(runId, "runId");
            return this;
        }

        /**
         * Sets the batch the run belongs to.
         *
         * @param batchId the batch id; default {@code null}
         * @return this builder
         */
        public Builder batchId(String batchId) {
            this.batchId = batchId;
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
         * Sets the output of a run that succeeded.
         *
         * @param output the output; default {@code null}
         * @return this builder
         */
        public Builder output(RunOutput output) {
            this.output = output;
            return this;
        }

        /**
         * Sets the error envelope of a failed run.
         *
         * @param error the error; default {@code null}
         * @return this builder
         */
        public Builder error(ApiError error) {
            this.error = error;
            return this;
        }

        /**
         * Sets the total run time.
         *
         * @param duration the duration; default {@code null}
         * @return this builder
         */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /**
         * Sets when the run was created.
         *
         * @param createdAt the instant; default {@code null}
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets when the run reached its terminal state.
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
         * @throws IllegalStateException if the run id or the event is missing
         */
        public RunCallback build() {
            if (runId == null) {
                throw new IllegalStateException("runId is required");
            }
            CallbackFields.requireEvent(event, eventName);
            return new RunCallback(this);
        }
    }
}
