package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.FakeModel;
import io.runflow.testkit.FakeRun;
import io.runflow.testkit.internal.http.Json;
import java.time.Instant;

/** One run's mutable state. Every field is guarded by the {@link RunStore}'s lock. */
final class RunState {

    static final String QUEUED = "queued";
    static final String DISPATCHING = "dispatching";
    static final String RUNNING = "running";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String CANCELED = "canceled";
    static final String PARTIAL_SUCCEEDED = "partial_succeeded";

    final String id;
    final long sequence;
    final FakeModel model;
    final ObjectNode input;
    final JsonNode metadata;
    final String callbackUrl;
    final String clientRef;
    final String idempotencyKey;
    final String requestId;
    final long seed;
    final Instant createdAt;

    /** The batch this run is an item of, or null; set once, before the run starts. */
    String batchId;

    /** The run's log entries, oldest first; written by the lifecycle. */
    final java.util.List<LogEntry> logs = new java.util.ArrayList<>();

    String status = QUEUED;
    ScriptedOutcome outcome;
    boolean held;
    Instant startedAt;
    Instant completedAt;
    ObjectNode output;
    String failureCode;
    String failureMessage;
    String failureStage;

    RunState(
            String id,
            long sequence,
            FakeModel model,
            ObjectNode input,
            JsonNode metadata,
            String callbackUrl,
            String clientRef,
            String idempotencyKey,
            String requestId,
            long seed,
            Instant createdAt,
            ScriptedOutcome outcome) {
        this.id = id;
        this.sequence = sequence;
        this.model = model;
        this.input = input;
        this.metadata = metadata;
        this.callbackUrl = callbackUrl;
        this.clientRef = clientRef;
        this.idempotencyKey = idempotencyKey;
        this.requestId = requestId;
        this.seed = seed;
        this.createdAt = createdAt;
        this.outcome = outcome;
    }

    /** One log line of a run, as {@code GET /v1/runs/{id}/logs} serves it. */
    record LogEntry(String id, String level, String message, Instant timestamp, ObjectNode meta) {}

    static boolean isTerminal(String status) {
        return SUCCEEDED.equals(status)
                || FAILED.equals(status)
                || CANCELED.equals(status)
                || PARTIAL_SUCCEEDED.equals(status);
    }

    /** Whether the run produced outputs: succeeded, fully or partly. */
    boolean hasSucceeded() {
        return SUCCEEDED.equals(status) || PARTIAL_SUCCEEDED.equals(status);
    }

    boolean isTerminal() {
        return isTerminal(status);
    }

    FakeRun snapshot() {
        return FakeRun.builder()
                .id(id)
                .model(model.id())
                .status(status)
                .input(Json.value(input))
                .metadata(Json.value(metadata))
                .callbackUrl(callbackUrl)
                .clientRef(clientRef)
                .idempotencyKey(idempotencyKey)
                .seed(seed)
                .createdAt(createdAt)
                .completedAt(completedAt)
                .failureCode(failureCode)
                .failureMessage(failureMessage)
                .build();
    }
}
