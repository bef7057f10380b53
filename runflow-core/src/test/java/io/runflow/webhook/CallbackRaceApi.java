package io.runflow.webhook;

import io.runflow.RunflowApi;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.CallbackSecret;
import io.runflow.model.CallbackSecretUpdate;
import io.runflow.model.Health;
import io.runflow.model.ListQuery;
import io.runflow.model.Model;
import io.runflow.model.Page;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory API that only knows {@code GET /v1/runs/{id}}: each run is {@code running} until
 * the test {@link #finish finishes} it. Polls see the state the test set last.
 */
final class CallbackRaceApi implements RunflowApi {

    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final AtomicInteger polls = new AtomicInteger();

    void start(String runId) {
        runs.put(runId, run(runId, RunStatus.RUNNING));
    }

    /** Makes polls see the run terminal, and returns the state they see. */
    Run finish(String runId) {
        Run finished = run(runId, RunStatus.SUCCEEDED);
        runs.put(runId, finished);
        return finished;
    }

    int polls() {
        return polls.get();
    }

    @Override
    public Run getRun(String runId) {
        polls.incrementAndGet();
        Run run = runs.get(runId);
        if (run == null) {
            throw new IllegalStateException("no run " + runId);
        }
        return run;
    }

    private static Run run(String runId, RunStatus status) {
        return new Run(
                runId,
                status,
                status.value(),
                "black-forest-labs/flux-1.1-pro-ultra",
                "model",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Override
    public Run createRun(RunRequest request) {
        throw unsupported();
    }

    @Override
    public Page<Run> listRuns(ListQuery query) {
        throw unsupported();
    }

    @Override
    public List<CallbackDelivery> listCallbackDeliveries(String runId) {
        throw unsupported();
    }

    @Override
    public CallbackDelivery redeliverCallback(String runId) {
        throw unsupported();
    }

    @Override
    public Run cancelRun(String runId, String reason) {
        throw unsupported();
    }

    @Override
    public Page<Model> listModels(ListQuery query) {
        throw unsupported();
    }

    @Override
    public Model getModel(String modelId) {
        throw unsupported();
    }

    @Override
    public Page<Model> listPublicModels(ListQuery query) {
        throw unsupported();
    }

    @Override
    public CallbackSecret createCallbackSecret(String label) {
        throw unsupported();
    }

    @Override
    public CallbackSecret getCallbackSecret(String secretId) {
        throw unsupported();
    }

    @Override
    public CallbackSecret updateCallbackSecret(String secretId, CallbackSecretUpdate update) {
        throw unsupported();
    }

    @Override
    public Health health() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("CallbackRaceApi only serves GET /v1/runs/{id}");
    }
}
